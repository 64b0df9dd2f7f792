// The development CA is injected: it turns a reviewer's certificate request into a certificate chain.

/** A PKCS#10 request read and checked once (signature = proof of possession): what issue() takes. */
export interface CheckedRequest {
  keyId: string;
  /** The public key the request is for (SPKI PEM). */
  publicKeyPem: string;
}

export interface IssueRequest {
  request: CheckedRequest;
  /** `displayName`: the person's real name set by the admin (the CN); else the account name is. */
  subject: { userName: string; displayName?: string | null; agency?: string };
}

export interface IssuedCertificate {
  keyId: string;
  /** The public key as registered (SPKI PEM). */
  publicKeyPem: string;
  /** Leaf first, then the CA (PEM). */
  chainPem: string;
}

/** A request the CA refuses (unreadable, not a CSR, proof of possession fails): 400, zh-CN message. */
export class CertificateRequestError extends Error {
  override readonly name = 'CertificateRequestError';
}

export interface CertificateIssuer {
  /** Reads and checks the request (so a registry lookup by key id can come before issuing). */
  check(request: string): Promise<CheckedRequest>;
  issue(req: IssueRequest): Promise<IssuedCertificate>;
}
