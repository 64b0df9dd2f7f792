// The central server's development timestamp authority (开发时间戳服务, RFC 3161): a TimeStampReq in,
// a TimeStampResp out, signed by a key whose certificate the server's development CA issued with the
// timeStamping extended key usage (critical, RFC 3161 §2.3). Key and certificate live under
// <data>/dev-ca/ next to the CA, so tokens keep one signer across restarts. An agency with a real
// TSA sets FASHEN_TSA_URL instead and this one is not offered.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { OID, signingCertificateV2 } from '../../main/services/signing/cms';
import { EKU_TIME_STAMPING, type DevelopmentCa } from '../../main/services/signing/dev-ca';
import { derToPem, pemToDer, toArrayBuffer } from '../../main/services/signing/pem';
import { writeFileDurable } from '../../main/services/cache-crypto/durable';
import { pkijs, subtle } from '../../main/services/signing/x509';

export interface TimestampAuthority {
  /** DER TimeStampReq → DER TimeStampResp (a refusal is a TimeStampResp too, as RFC 3161 wants). */
  respond(query: Uint8Array): Promise<Uint8Array>;
  /** The TSA's certificate (PEM), for operators. */
  readonly certificatePem: string;
}

/** This deployment's TSA policy: an OID under 2.25 (X.667, UUID-derived — needs no registration). */
export const DEV_TSA_POLICY = '2.25.28601992881714897034244091807914862953';
const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const DIGEST_LENGTH: Record<string, number> = {
  '2.16.840.1.101.3.4.2.1': 32, // SHA-256
  '2.16.840.1.101.3.4.2.2': 48, // SHA-384
  '2.16.840.1.101.3.4.2.3': 64, // SHA-512
};

/** PKIFailureInfo bits (RFC 3161 §2.4.2). */
const FAIL = { badAlg: 0, badRequest: 2, badDataFormat: 5, unacceptedPolicy: 15, unacceptedExtension: 16, systemFailure: 25 } as const;

function failInfo(bit: number): asn1js.BitString {
  const bytes = new Uint8Array(Math.floor(bit / 8) + 1);
  bytes[bytes.length - 1] = 0x80 >> bit % 8;
  return new asn1js.BitString({ valueHex: toArrayBuffer(bytes), unusedBits: 7 - (bit % 8) });
}

function refusal(bit: number, text: string): Uint8Array {
  const status = new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.rejection, statusStrings: [new asn1js.Utf8String({ value: text })], failInfo: failInfo(bit) });
  return new Uint8Array(new pkijs.TimeStampResp({ status }).toSchema().toBER(false));
}

function positiveSerial(): asn1js.Integer {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x01;
  return new asn1js.Integer({ valueHex: toArrayBuffer(new Uint8Array(b)) });
}

export class DevTimestampAuthority implements TimestampAuthority {
  private constructor(
    private readonly key: CryptoKey,
    /** TSA certificate first, then the CA. */
    private readonly chain: pkijs.Certificate[],
    readonly certificatePem: string,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, ca: DevelopmentCa, opts: { agency: string; now?: () => Date }): Promise<DevTimestampAuthority> {
    const dir = join(dataDir, 'dev-ca');
    const keyPath = join(dir, 'tsa-key.pem');
    const certPath = join(dir, 'tsa-cert.pem');
    const now = opts.now ?? (() => new Date());
    let key: CryptoKey;
    let certPem: string;
    try {
      certPem = readFileSync(certPath, 'utf8');
      key = await subtle.importKey('pkcs8', toArrayBuffer(pemToDer(readFileSync(keyPath, 'utf8'))), EC_P256, false, ['sign']);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error('开发时间戳服务的密钥文件已损坏', { cause: e });
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const pair = (await subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
      const spki = derToPem(await subtle.exportKey('spki', pair.publicKey), 'PUBLIC KEY');
      const issued = await ca.issue(
        spki,
        { name: 'Fashen 中心系统开发时间戳服务（非正式）', agency: opts.agency },
        { validityDays: 10 * 365, extendedKeyUsages: [EKU_TIME_STAMPING], extendedKeyUsagesCritical: true },
      );
      certPem = issued.chain[0]!;
      writeFileDurable(keyPath, derToPem(await subtle.exportKey('pkcs8', pair.privateKey), 'PRIVATE KEY'), 0o600);
      writeFileDurable(certPath, certPem, 0o600);
      key = pair.privateKey;
    }
    const chain = [certPem, ca.certificatePem].map((pem) => pkijs.Certificate.fromBER(toArrayBuffer(pemToDer(pem))));
    return new DevTimestampAuthority(key, chain, certPem, now);
  }

  async respond(query: Uint8Array): Promise<Uint8Array> {
    let req: pkijs.TimeStampReq;
    try {
      req = pkijs.TimeStampReq.fromBER(toArrayBuffer(query));
    } catch {
      return refusal(FAIL.badDataFormat, '时间戳请求无法解析（须为 RFC 3161 TimeStampReq）');
    }
    if (req.version !== 1) return refusal(FAIL.badRequest, `不支持的时间戳请求版本：${req.version}`);
    const alg = req.messageImprint.hashAlgorithm.algorithmId;
    const length = DIGEST_LENGTH[alg];
    if (!length) return refusal(FAIL.badAlg, `不支持的摘要算法：${alg}（支持 SHA-256/384/512）`);
    if (req.messageImprint.hashedMessage.valueBlock.valueHexView.byteLength !== length) return refusal(FAIL.badDataFormat, '摘要长度与摘要算法不符');
    if (req.reqPolicy && req.reqPolicy !== DEV_TSA_POLICY) return refusal(FAIL.unacceptedPolicy, `不支持所请求的时间戳策略：${req.reqPolicy}`);
    if (req.extensions?.length) return refusal(FAIL.unacceptedExtension, '不支持时间戳请求中的扩展');

    // Whole seconds, with the accuracy saying so: no precision is claimed that the clock lacks.
    const genTime = new Date(Math.floor(this.now().getTime() / 1000) * 1000);
    const tst = new pkijs.TSTInfo({
      version: 1,
      policy: DEV_TSA_POLICY,
      messageImprint: req.messageImprint,
      serialNumber: positiveSerial(),
      genTime,
      accuracy: new pkijs.Accuracy({ seconds: 1 }),
      ...(req.nonce ? { nonce: req.nonce } : {}),
    });
    const tstDer = tst.toSchema().toBER(false);
    const leaf = this.chain[0]!;
    const sd = new pkijs.SignedData({
      version: 3,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_TST_INFO, eContent: new asn1js.OctetString({ valueHex: tstDer }) }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID_TST_INFO })] }),
              new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: await subtle.digest('SHA-256', tstDer) })] }),
              // RFC 5816: ESS signing-certificate-v2, which verifiers (OpenSSL's ts -verify) require.
              new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(leaf)] }),
            ],
          }),
        }),
      ],
      certificates: req.certReq ? this.chain : [],
    });
    try {
      await sd.sign(this.key, 0, 'SHA-256');
    } catch {
      return refusal(FAIL.systemFailure, '时间戳服务内部错误');
    }
    const resp = new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
      timeStampToken: new pkijs.ContentInfo({ contentType: OID.signedData, content: sd.toSchema(true) }),
    });
    return new Uint8Array(resp.toSchema().toBER(false));
  }
}
