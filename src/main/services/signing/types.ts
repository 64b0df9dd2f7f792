// Types shared by the signing modules.

/** Signature algorithms of reviewer keys. PDF signatures use ecdsa-p256 (SM2 is detached-only). */
export type KeyAlgorithm = 'ecdsa-p256' | 'ed25519' | 'sm2-sm3';
export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ['ecdsa-p256', 'ed25519', 'sm2-sm3'];

/** 审核人员 — the certificate subject: CN = name, O = agency, UID = the central account when the central system issues it. */
export interface ReviewerSubject {
  name: string;
  agency: string;
  /** The central system's account (user name): its CA puts it in the subject as UID (cert-names.ts). */
  account?: string;
}

/**
 * Issues an X.509 certificate for a reviewer key. The local development CA implements it; the
 * central system's agency CA will too.
 * `csrOrSpki`: PEM, either a PKCS#10 request ("CERTIFICATE REQUEST") or a bare public key
 * ("PUBLIC KEY"). Returns the chain leaf first, root last, each PEM.
 */
export interface CertificateAuthority {
  issue(csrOrSpki: string, subject: ReviewerSubject): Promise<{ chain: string[] }>;
}

/**
 * A revocation record, by key id (SHA-256 of the SPKI, first 16 bytes hex) or by certificate
 * serial number (hex, lower case, no leading zeros needed). `at`: ISO time of revocation.
 */
export interface RevocationEntry {
  keyId?: string;
  serialNumber?: string;
  at: string;
  reason: string;
}
