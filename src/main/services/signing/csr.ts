// PKCS#10 certificate signing requests (证书申请, RFC 2986). The request is signed with the
// reviewer's private key, which proves to the central system's CA that whoever asks for a
// certificate holds the key (a bare public key would let anyone register someone else's key).
// Made when the key is created — the private key is at hand then, and the CSR keeps: a key created
// offline is enrolled at the next login or sync without asking for the passphrase again.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { SigningError } from './errors';
import { derToPem, keyIdFromSpki, toArrayBuffer } from './pem';
import type { KeyAlgorithm, ReviewerSubject } from './types';
import { x509 } from './x509';

const ALGORITHMS: Partial<Record<KeyAlgorithm, { key: EcKeyImportParams | Algorithm; sign: EcdsaParams | Algorithm }>> = {
  'ecdsa-p256': { key: { name: 'ECDSA', namedCurve: 'P-256' } as EcKeyImportParams, sign: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams },
  ed25519: { key: { name: 'Ed25519' }, sign: { name: 'Ed25519' } },
};

/** RDN values are escaped by building the name from JSON, never from a string a user typed. */
function subjectName(subject: ReviewerSubject): x509.JsonName {
  return [{ O: [subject.agency] }, { CN: [subject.name] }];
}

/** A CSR for an ECDSA P-256 or Ed25519 key. SM2 keys are refused (WebCrypto has no SM2). */
export async function createCsr(algorithm: KeyAlgorithm, privateKey: KeyObject, subject: ReviewerSubject): Promise<string> {
  const alg = ALGORITHMS[algorithm];
  if (!alg) throw new SigningError('unsupported-algorithm', `该算法的密钥暂不能生成证书申请（${algorithm}）`);
  const publicKey = createPublicKey(privateKey);
  const keys = {
    privateKey: privateKey.toCryptoKey(alg.key, false, ['sign']) as unknown as CryptoKey,
    publicKey: publicKey.toCryptoKey(alg.key, true, ['verify']) as unknown as CryptoKey,
  };
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: subjectName(subject), keys, signingAlgorithm: alg.sign });
  return csr.toString('pem');
}

export interface CheckedCsr {
  /** SPKI PEM of the key the request is for. */
  publicKeyPem: string;
  keyId: string;
  /** As written in the request (informational: the CA decides the certificate's subject). */
  subject: string;
}

/**
 * Reads a CSR and verifies its signature (proof of possession). Throws SigningError('ca-error')
 * with a zh-CN reason for anything that is not a well-formed, correctly signed PKCS#10 request.
 */
export async function checkCsr(pem: string): Promise<CheckedCsr> {
  if (!/-----BEGIN (NEW )?CERTIFICATE REQUEST-----/.test(pem)) {
    throw new SigningError('ca-error', '证书申请无效：须为 PKCS#10 证书签名请求（CSR），以证明申请人持有私钥');
  }
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(pem.replace(/NEW CERTIFICATE REQUEST/g, 'CERTIFICATE REQUEST'));
  } catch (e) {
    throw new SigningError('ca-error', '证书申请无效：无法解析证书签名请求', { cause: e });
  }
  let ok = false;
  try {
    ok = await csr.verify();
  } catch {
    ok = false; // an algorithm WebCrypto does not implement, or a malformed key
  }
  if (!ok) throw new SigningError('ca-error', '证书申请无效：签名校验失败，无法证明申请人持有私钥');
  const spki = new Uint8Array(csr.publicKey.rawData);
  return { publicKeyPem: derToPem(toArrayBuffer(spki), 'PUBLIC KEY'), keyId: keyIdFromSpki(spki), subject: csr.subject };
}
