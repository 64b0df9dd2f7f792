// The server as development CA: reviewer certificates from the signing library's DevelopmentCa
// (src/main/services/signing/dev-ca.ts), kept under <data>/dev-ca/. An agency CA would implement
// the same CertificateIssuer interface.
// Only a PKCS#10 request is accepted, and only when its signature verifies: the requester proves
// it holds the private key, so nobody can register another person's public key as their own.
// The certificate's subject is the CA's decision (CN = the person's real name the admin set, else the
// account; O = the agency; UID = the account), not the CSR's. The registry (GET /v1/certificates/:keyId)
// names the account too.
import { checkCsr } from '../../main/services/signing/csr';
import { DevelopmentCa } from '../../main/services/signing/dev-ca';
import { isSigningError } from '../../main/services/signing/errors';
import { CertificateRequestError, type CertificateIssuer, type CheckedRequest, type IssueRequest, type IssuedCertificate } from './issuer';
import { DevTimestampAuthority } from './dev-tsa';

export const DEFAULT_AGENCY = 'Fashen 中心系统（开发）';
/** Apart from a workstation's local development CA (本地开发 CA), whose name the verifier recognises. */
export const CENTRAL_DEV_CA_NAMES = { commonName: 'Fashen 中心系统开发 CA（非正式）', organization: 'Fashen 中心系统 开发测试环境（非正式）' };

export class DevCaIssuer implements CertificateIssuer {
  private constructor(
    private readonly ca: DevelopmentCa,
    private readonly agency: string,
    private readonly dataDir: string,
    private readonly now: (() => Date) | undefined,
  ) {}

  static async open(dataDir: string, opts: { agency?: string; now?: () => Date } = {}): Promise<DevCaIssuer> {
    const ca = await DevelopmentCa.open(dataDir, { names: CENTRAL_DEV_CA_NAMES, ...(opts.now ? { now: opts.now } : {}) });
    return new DevCaIssuer(ca, opts.agency ?? DEFAULT_AGENCY, dataDir, opts.now);
  }

  /** The CA certificate: the trust anchor for verifying submissions. */
  get caCertificatePem(): string {
    return this.ca.certificatePem;
  }

  /** The development TSA, its certificate issued by this CA. */
  timestampAuthority(): Promise<DevTimestampAuthority> {
    return DevTimestampAuthority.open(this.dataDir, this.ca, { agency: this.agency, ...(this.now ? { now: this.now } : {}) });
  }

  /** Parses the request and verifies its proof of possession — the only time it is read. */
  async check(request: string): Promise<CheckedRequest> {
    try {
      const { keyId, publicKeyPem } = await checkCsr(request);
      return { keyId, publicKeyPem };
    } catch (err) {
      if (isSigningError(err)) throw new CertificateRequestError(err.message);
      throw err;
    }
  }

  async issue(req: IssueRequest): Promise<IssuedCertificate> {
    const { keyId, publicKeyPem } = req.request;
    try {
      // The key checked above, as SPKI: the CA does not parse and verify the request again.
      // The account goes in as UID beside the real name (CN): who signed, and under which login.
      const { chain } = await this.ca.issue(publicKeyPem, { name: req.subject.displayName || req.subject.userName, agency: req.subject.agency ?? this.agency, account: req.subject.userName });
      return { keyId, publicKeyPem, chainPem: chain.join('') };
    } catch (err) {
      if (isSigningError(err)) throw new CertificateRequestError(err.message);
      throw err;
    }
  }
}
