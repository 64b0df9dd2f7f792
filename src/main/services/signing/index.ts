// Signing core (签名): reviewer keys, development CA, embedded PDF signatures, detached JSON
// signatures, RFC 3161 timestamps and verification. No Electron here: the safeStorage-backed
// KeyProtector lives in src/main/app.
export { SigningError, isSigningError, WRONG_PASSPHRASE_MESSAGE, KEY_FILE_CORRUPT_MESSAGE, type SigningErrorCode } from './errors';
export { PassphraseProtector, SCRYPT_PARAMS, type KeyProtector } from './protector';
export { KeyStore, type KeyInfo, type KeyStatus, type UnlockedKey, type CreateKeyOptions, type CentralRegistration, type KeyEvent } from './keystore';
export { DevelopmentCa, isDevelopmentCa, DEV_CA_COMMON_NAME, DEV_CA_NOTICE, EKU_DOCUMENT_SIGNING, EKU_EMAIL_PROTECTION, EKU_TIME_STAMPING, type IssueOptions, type CaNames } from './dev-ca';
export { signPdf, signPdfDetailed, addSignature, addSignatureDetailed, ensureAcroForm, type PdfSigner, type PdfSignOptions, type PdfSignResult, type PdfSignatureRect } from './pdf-sign';
export { signDetached, verifyDetached, jcsBytes, keyIdOfPublicKey, type DetachedSignature, type DetachedCheck } from './detached';
export { verifyPdf, verifySubmission, type PdfVerification, type PdfSignatureReport, type SignedSubmission, type SubmissionVerification, type VerifyOptions } from './verify';
export { requestTimestamp, timestampQuery, parseTimestampResponse, readTimestampToken, HttpTimestampClient, PENDING_TIMESTAMP_LABEL, type TimestampClient, type TimestampResult } from './timestamp';
export { createCsr, checkCsr, type CheckedCsr } from './csr';
export { SM2_USER_ID, sm2SpkiDer, sm2PublicHexFromSpki } from './sm2';
export { keyIdFromSpki, pemToDer, derToPem } from './pem';
export type { CertificateAuthority, KeyAlgorithm, ReviewerSubject, RevocationEntry } from './types';
export { stampPendingPdf, stampDetached, type PdfStampResult } from './stamp-later';
