// The server as development CA: reviewer certificates from the signing library's DevelopmentCa
// (src/main/services/signing/dev-ca.ts), kept under <data>/dev-ca/. An agency CA would implement
// the same CertificateIssuer interface.
import { DevelopmentCa } from '../../main/services/signing/dev-ca';
import { keyIdOfPublicKey } from '../../main/services/signing/detached';
import { isSigningError } from '../../main/services/signing/errors';
import { derToPem } from '../../main/services/signing/pem';
import { x509 } from '../../main/services/signing/x509';
import { CertificateRequestError, type CertificateIssuer, type IssueRequest, type IssuedCertificate } from './issuer';

export const DEFAULT_AGENCY = 'Fashen 中央系统（开发）';

export class DevCaIssuer implements CertificateIssuer {
  private constructor(
    private readonly ca: DevelopmentCa,
    private readonly agency: string,
  ) {}

  static async open(dataDir: string, opts: { agency?: string; now?: () => Date } = {}): Promise<DevCaIssuer> {
    return new DevCaIssuer(await DevelopmentCa.open(dataDir, opts.now ? { now: opts.now } : {}), opts.agency ?? DEFAULT_AGENCY);
  }

  /** The CA certificate: the trust anchor for verifying submissions. */
  get caCertificatePem(): string {
    return this.ca.certificatePem;
  }

  async issue(req: IssueRequest): Promise<IssuedCertificate> {
    let chain: string[];
    try {
      ({ chain } = await this.ca.issue(req.request, { name: req.subject.userName, agency: req.subject.agency ?? this.agency }));
    } catch (err) {
      if (isSigningError(err)) throw new CertificateRequestError(err.message);
      throw err;
    }
    const publicKeyPem = derToPem(new Uint8Array(new x509.X509Certificate(chain[0]!).publicKey.rawData), 'PUBLIC KEY');
    return { keyId: keyIdOfPublicKey(publicKeyPem), publicKeyPem, chainPem: chain.join('') };
  }
}
