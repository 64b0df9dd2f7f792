// Local development CA (本地开发 CA). With no central system configured, reviewer certificates are
// issued by a CA created on first use under <dataDir>/dev-ca/. Its key is stored unencrypted —
// acceptable only because it is for development and demonstration, which its subject says.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { writeFileDurable } from '../cache-crypto/durable';
import { join } from 'node:path';
import { SigningError } from './errors';
import { derToPem, pemToDer, toArrayBuffer } from './pem';
import { OID_UID } from './cert-names';
import type { CertificateAuthority, ReviewerSubject } from './types';
import { subtle, x509 } from './x509';

export type { CertificateAuthority } from './types';

export const DEV_CA_COMMON_NAME = 'Fashen 本地开发 CA（非正式）';
export const DEV_CA_ORGANIZATION = 'Fashen 法审工作台 开发演示环境（非正式）';
export const DEV_CA_NOTICE = '证书由本地开发 CA 签发（非正式，仅供演示）';

/** OIDs: id-kp-emailProtection (what NSS/pdfsig checks for signing) and id-kp-documentSigning (RFC 9336). */
export const EKU_EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
export const EKU_DOCUMENT_SIGNING = '1.3.6.1.5.5.7.3.36';
export const EKU_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGNING_ALG = { name: 'ECDSA', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;

export interface IssueOptions {
  notBefore?: Date;
  notAfter?: Date;
  /** Default 2 years. Ignored when notAfter is given. */
  validityDays?: number;
  /** Default emailProtection + documentSigning. */
  extendedKeyUsages?: string[];
  /** RFC 3161 §2.3: a TSA certificate's extended key usage MUST be critical. */
  extendedKeyUsagesCritical?: boolean;
}

/** The CA's own subject; the default is the workstation's local development CA. */
export interface CaNames {
  commonName: string;
  organization: string;
}

function randomSerial(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x01; // positive, and no leading zero byte to strip
  return b.toString('hex');
}

export class DevelopmentCa implements CertificateAuthority {
  private constructor(
    readonly certificate: x509.X509Certificate,
    private readonly signingKey: CryptoKey,
    private readonly now: () => Date,
  ) {}

  /**
   * Open the dev CA under <dataDir>/dev-ca/, creating it on first use. `names` only matter then (the
   * central server's development CA names itself apart from a workstation's local one).
   */
  static async open(dataDir: string, options: { now?: () => Date; names?: CaNames } = {}): Promise<DevelopmentCa> {
    const now = options.now ?? (() => new Date());
    const dir = join(dataDir, 'dev-ca');
    const keyPath = join(dir, 'ca-key.pem');
    const certPath = join(dir, 'ca-cert.pem');
    try {
      const cert = new x509.X509Certificate(readFileSync(certPath, 'utf8'));
      const key = await subtle.importKey('pkcs8', toArrayBuffer(pemToDer(readFileSync(keyPath, 'utf8'))), EC_P256, false, ['sign']);
      return new DevelopmentCa(cert, key, now);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new SigningError('ca-error', '本地开发 CA 文件已损坏', { cause: e });
    }
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const keys = (await subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
    const start = now();
    const cert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: randomSerial(),
      name: [{ O: [options.names?.organization ?? DEV_CA_ORGANIZATION] }, { CN: [options.names?.commonName ?? DEV_CA_COMMON_NAME] }],
      notBefore: new Date(start.getTime() - DAY_MS),
      notAfter: new Date(start.getTime() + 20 * 365 * DAY_MS),
      keys,
      signingAlgorithm: SIGNING_ALG,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    writeFileDurable(keyPath, derToPem(await subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY'));
    writeFileDurable(certPath, cert.toString('pem'));
    return new DevelopmentCa(cert, keys.privateKey, now);
  }

  get certificatePem(): string {
    return this.certificate.toString('pem');
  }

  async issue(csrOrSpki: string, subject: ReviewerSubject, options: IssueOptions = {}): Promise<{ chain: string[] }> {
    let publicKey: x509.PublicKey;
    try {
      if (csrOrSpki.includes('CERTIFICATE REQUEST')) {
        const csr = new x509.Pkcs10CertificateRequest(csrOrSpki);
        if (!(await csr.verify())) throw new Error('CSR signature');
        publicKey = csr.publicKey;
      } else {
        publicKey = new x509.PublicKey(toArrayBuffer(pemToDer(csrOrSpki)));
      }
    } catch (e) {
      throw new SigningError('ca-error', '证书申请无效：无法读取公钥', { cause: e });
    }
    const start = options.notBefore ?? new Date(this.now().getTime() - 5 * 60_000);
    const notAfter = options.notAfter ?? new Date(start.getTime() + (options.validityDays ?? 730) * DAY_MS);
    const leaf = await x509.X509CertificateGenerator.create({
      serialNumber: randomSerial(),
      subject: [{ O: [subject.agency] }, { CN: [subject.name] }, ...(subject.account ? [{ [OID_UID]: [subject.account] }] : [])],
      issuer: this.certificate.subjectName,
      notBefore: start,
      notAfter,
      publicKey,
      signingKey: this.signingKey,
      signingAlgorithm: SIGNING_ALG,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
        new x509.ExtendedKeyUsageExtension(options.extendedKeyUsages ?? [EKU_EMAIL_PROTECTION, EKU_DOCUMENT_SIGNING], options.extendedKeyUsagesCritical ?? false),
        await x509.SubjectKeyIdentifierExtension.create(publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(this.certificate),
      ],
    });
    return { chain: [leaf.toString('pem'), this.certificatePem] };
  }
}

/** True when the chain ends in (or contains) a local development CA certificate. */
export function isDevelopmentCa(chain: readonly string[]): boolean {
  return chain.some((pem) => {
    try {
      const cert = new x509.X509Certificate(pem);
      return cert.subjectName.getField('CN').includes(DEV_CA_COMMON_NAME) && cert.subject === cert.issuer;
    } catch {
      return false;
    }
  });
}
