// CMS SignedData for PDF signatures: detached content, SHA-256, signed attributes contentType,
// signingTime (omitted for PAdES baseline), messageDigest and signingCertificateV2 (RFC 5035),
// leaf + CA certificates included. ECDSA P-256 or RSA keys.
// Optionally an RFC 3161 signature timestamp as unsigned attribute.
import { KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { SigningError } from './errors';
import { pemToDer, sha256, toArrayBuffer } from './pem';
import { signatureTimestampDigest, type TimestampClient, type TimestampResult } from './timestamp';
import { pkijs } from './x509';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

export interface CmsSignerKey {
  privateKey: KeyObject | CryptoKey;
  /** PEM, leaf first. */
  chain: string[];
}

export interface CmsSignature {
  der: Uint8Array;
  timestamp: TimestampResult | null;
}

/** A CryptoKey usable by pkijs for signing (ECDSA P-256 / RSA PKCS#1 v1.5, SHA-256). */
export function signingCryptoKey(key: KeyObject | CryptoKey): CryptoKey {
  if (!(key instanceof KeyObject)) return key;
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve !== 'prime256v1') throw new SigningError('unsupported-algorithm', `PDF 签名不支持该椭圆曲线：${curve ?? '未知'}`);
    return key.toCryptoKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']) as unknown as CryptoKey;
  }
  if (key.asymmetricKeyType === 'rsa') {
    return key.toCryptoKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']) as unknown as CryptoKey;
  }
  throw new SigningError('unsupported-algorithm', `PDF 签名仅支持 ECDSA P-256 或 RSA 密钥（当前：${key.asymmetricKeyType ?? '未知'}）`);
}

export function parseCertificate(pem: string): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(pemToDer(pem)));
}

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with sha256 (the default, so omitted). */
export function signingCertificateV2(leaf: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: leaf.issuer })] }),
    serialNumber: leaf.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(new Uint8Array(leaf.toSchema().toBER(false)))) }),
      issuerSerial.toSchema(),
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

export async function createCmsSignature(
  content: Uint8Array,
  signer: CmsSignerKey,
  signingTime: Date,
  timestampClient?: TimestampClient,
  /** false for PAdES baseline: the time is in the signature dictionary's /M instead. */
  includeSigningTime = true,
): Promise<CmsSignature> {
  if (signer.chain.length === 0) throw new SigningError('no-certificate', '签名密钥没有证书，无法生成 PDF 签名');
  const certs = signer.chain.map(parseCertificate);
  const leaf = certs[0]!;
  const key = signingCryptoKey(signer.privateKey);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
        ...(includeSigningTime ? [attribute(OID.signingTime, new asn1js.UTCTime({ valueDate: signingTime }))] : []),
        attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(content)) })),
        attribute(OID.signingCertificateV2, signingCertificateV2(leaf)),
      ],
    }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [signerInfo],
    certificates: certs,
  });
  await signedData.sign(key, 0, 'SHA-256');

  let timestamp: TimestampResult | null = null;
  if (timestampClient) {
    const sigValue = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
    timestamp = await timestampClient.timestamp(signatureTimestampDigest(sigValue));
    if (timestamp.status === 'granted') addTimestampAttribute(signerInfo, timestamp.token);
  }
  return { der: encodeSignedData(signedData), timestamp };
}

export function encodeSignedData(signedData: pkijs.SignedData): Uint8Array {
  const ci = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(ci.toSchema().toBER(false));
}

export function addTimestampAttribute(signerInfo: pkijs.SignerInfo, token: Uint8Array): void {
  const tokenAsn = asn1js.fromBER(toArrayBuffer(token));
  if (tokenAsn.offset === -1) throw new SigningError('timestamp-failed', '时间戳令牌格式错误');
  const attrs = (signerInfo.unsignedAttrs?.attributes ?? []).filter((a) => a.type !== OID.signatureTimeStampToken);
  attrs.push(new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [tokenAsn.result] }));
  signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: attrs });
}

/** Parses DER (trailing zero padding from a PDF /Contents hole is ignored). */
export function parseSignedData(der: Uint8Array): pkijs.SignedData {
  const asn = asn1js.fromBER(toArrayBuffer(der));
  if (asn.offset === -1) throw new Error('CMS 结构无法解析');
  const ci = new pkijs.ContentInfo({ schema: asn.result });
  if (ci.contentType !== OID.signedData) throw new Error('签名不是 CMS SignedData');
  return new pkijs.SignedData({ schema: ci.content });
}
