// RFC 3161 timestamps (时间戳). Signing never waits for a TSA: when it cannot be reached the result
// is { status: 'pending' } and the opinion is marked 待加盖时间戳, to be stamped on the next sync.
// A local clock reading is never presented as a trusted timestamp.
import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import { sha256, toArrayBuffer } from './pem';
import { pkijs } from './x509';

export const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
export const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
export const PENDING_TIMESTAMP_LABEL = '待加盖时间戳';

export type TimestampResult =
  | { status: 'granted'; /** DER TimeStampToken (CMS ContentInfo). */ token: Uint8Array; genTime: Date }
  | { status: 'pending'; reason: string };

export interface TimestampClient {
  /** `digest`: SHA-256 of the data to stamp (for a CMS signature: of its signature value). */
  timestamp(digest: Uint8Array): Promise<TimestampResult>;
}

export interface TimestampRequestOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** A DER TimeStampReq for a SHA-256 `digest`, with a random nonce and certReq (for any transport). */
export function timestampQuery(digest: Uint8Array): { der: Uint8Array<ArrayBuffer>; nonce: Uint8Array } {
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0]! & 0x7f) | 0x01;
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: toArrayBuffer(nonce) }),
    certReq: true,
  });
  return { der: new Uint8Array(req.toSchema().toBER(false)), nonce: new Uint8Array(nonce) };
}

export async function requestTimestamp(url: string, digest: Uint8Array, options: TimestampRequestOptions = {}): Promise<TimestampResult> {
  const { der, nonce } = timestampQuery(digest);
  let body: ArrayBuffer;
  try {
    const res = await (options.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: der,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (!res.ok) return { status: 'pending', reason: `时间戳服务返回 HTTP ${res.status}` };
    body = await res.arrayBuffer();
  } catch (e) {
    return { status: 'pending', reason: `无法连接时间戳服务（${(e as Error).name === 'TimeoutError' ? '超时' : '离线'}）` };
  }
  try {
    return await parseTimestampResponse(new Uint8Array(body), digest, nonce);
  } catch (e) {
    return { status: 'pending', reason: `时间戳服务响应无效：${(e as Error).message}` };
  }
}

/** Checks a TimeStampResp against the request (imprint, nonce) and the token's own signature. */
export async function parseTimestampResponse(der: Uint8Array, digest: Uint8Array, nonce?: Uint8Array): Promise<TimestampResult> {
  const resp = pkijs.TimeStampResp.fromBER(toArrayBuffer(der));
  const status = resp.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const text = resp.status.statusStrings?.map((s) => s.valueBlock.value).join('; ') ?? '';
    throw new Error(`请求被拒绝（状态 ${status}${text ? `：${text}` : ''}）`);
  }
  if (!resp.timeStampToken) throw new Error('缺少时间戳令牌');
  const token = new Uint8Array(resp.timeStampToken.toSchema().toBER(false));
  const info = await readTimestampToken(token);
  if (!Buffer.from(info.imprint).equals(Buffer.from(digest))) throw new Error('时间戳摘要与请求不符');
  if (nonce && (!info.nonce || !Buffer.from(info.nonce).equals(Buffer.from(nonce)))) throw new Error('时间戳随机数与请求不符');
  if (!info.signatureValid) throw new Error('时间戳签名无效');
  return { status: 'granted', token, genTime: info.genTime };
}

export interface TimestampTokenInfo {
  genTime: Date;
  imprint: Uint8Array;
  hashAlgorithm: string;
  nonce?: Uint8Array;
  signatureValid: boolean;
  /** TSA certificates found in the token, DER. */
  certificates: Uint8Array[];
  signerCertificate?: Uint8Array;
}

/** Parses a TimeStampToken and verifies its CMS signature (not the TSA's chain: see cert-check). */
export async function readTimestampToken(token: Uint8Array): Promise<TimestampTokenInfo> {
  const ci = pkijs.ContentInfo.fromBER(toArrayBuffer(token));
  if (ci.contentType !== OID_SIGNED_DATA) throw new Error('时间戳令牌不是 SignedData');
  const sd = new pkijs.SignedData({ schema: ci.content });
  if (sd.encapContentInfo.eContentType !== OID_TST_INFO || !sd.encapContentInfo.eContent) throw new Error('时间戳令牌缺少 TSTInfo');
  const tst = pkijs.TSTInfo.fromBER(sd.encapContentInfo.eContent.getValue());
  let signatureValid = false;
  let signerCertificate: Uint8Array | undefined;
  try {
    // pkijs verifies a TSTInfo against the stamped data itself, which we do not have (only its
    // digest, checked by the callers). Verify the CMS signature on a copy typed as plain data:
    // messageDigest over the eContent and the signature over the signed attributes are unchanged.
    const ct = sd.signerInfos[0]?.signedAttrs?.attributes.find((a) => a.type === '1.2.840.113549.1.9.3')?.values[0];
    if (ct && (ct as asn1js.ObjectIdentifier).valueBlock.toString() !== OID_TST_INFO) throw new Error('content-type');
    const copy = new pkijs.SignedData({ schema: ci.content });
    copy.encapContentInfo.eContentType = '1.2.840.113549.1.7.1';
    const r = await copy.verify({ signer: 0, checkChain: false, extendedMode: true });
    signatureValid = r.signatureVerified === true;
    if (r.signerCertificate) signerCertificate = new Uint8Array(r.signerCertificate.toSchema().toBER(false));
  } catch {
    signatureValid = false;
  }
  const certificates = (sd.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => new Uint8Array(c.toSchema().toBER(false)));
  return {
    genTime: tst.genTime,
    imprint: new Uint8Array(tst.messageImprint.hashedMessage.valueBlock.valueHexView),
    hashAlgorithm: tst.messageImprint.hashAlgorithm.algorithmId,
    ...(tst.nonce ? { nonce: new Uint8Array(tst.nonce.valueBlock.valueHexView) } : {}),
    signatureValid,
    certificates,
    ...(signerCertificate ? { signerCertificate } : {}),
  };
}

/** A TimestampClient for an RFC 3161 TSA at `url` (HTTP POST). */
export class HttpTimestampClient implements TimestampClient {
  constructor(
    readonly url: string,
    private readonly options: TimestampRequestOptions = {},
  ) {}
  timestamp(digest: Uint8Array): Promise<TimestampResult> {
    return requestTimestamp(this.url, digest, this.options);
  }
}

/** Convenience: the digest a CMS signature timestamp covers (SHA-256 of the signature value). */
export function signatureTimestampDigest(signatureValue: Uint8Array): Uint8Array {
  return new Uint8Array(sha256(signatureValue));
}
