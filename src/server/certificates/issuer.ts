// The development CA is injected: it turns a reviewer's public key into a certificate chain.
export interface IssueRequest {
  /** PEM: "CERTIFICATE REQUEST" or "PUBLIC KEY". */
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

export class CertificateRequestError extends Error {
  override readonly name = 'CertificateRequestError';
}

export interface CertificateIssuer {
  issue(req: IssueRequest): Promise<IssuedCertificate>;
}
