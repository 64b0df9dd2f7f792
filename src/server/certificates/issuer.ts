// The development CA is injected: it turns a reviewer's certificate request into a certificate chain.
export interface IssueRequest {
  /** PEM PKCS#10 request ("CERTIFICATE REQUEST"), signed by the key it is for. */
  request: string;
  subject: { userName: string; agency?: string };
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
  /** The key id the request is for, after checking it (so a registry lookup can come before issuing). */
  keyIdOf(request: string): Promise<string>;
  issue(req: IssueRequest): Promise<IssuedCertificate>;
}
