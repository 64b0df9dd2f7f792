// Verifies one CMS signature over given content: message digest, signature value, optional
// RFC 3161 signature timestamp, then the certificate path (cert-check).
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { checkCertificateChain, describeSubject, formatTime, type ChainCheckResult } from './cert-check';
import { OID, parseSignedData } from './cms';
import { EKU_TIME_STAMPING } from './dev-ca';
import { signatureTimestampDigest, readTimestampToken } from './timestamp';
import { toArrayBuffer } from './pem';
import type { RevocationEntry } from './types';
import { pkijs, x509 } from './x509';
import { signerOf, type CertSigner } from './cert-names';

export interface VerifyOptions {
  /** PEM certificates trusted as roots: the local dev CA, the agency CA, the agency TSA's CA. */
  trustAnchors?: readonly string[];
  revocations?: readonly RevocationEntry[];
  /** "Now" for the future-signing-time check (tests). */
  now?: Date;
  /**
   * Without a trusted timestamp, the certificates are checked at the claimed signing time ('claimed',
   * the default: someone reading a document) or at `now` ('now': a receiver such as the central
   * system, for which the signer's own clock proves nothing and receipt is the time it knows).
   */
  untimestampedAt?: 'claimed' | 'now';
}

export type TimestampStatus =
  | { status: 'none' }
  | { status: 'valid'; genTime: string; tsa: string }
  | { status: 'invalid'; reason: string; /** Only the TSA's root is not trusted here. */ untrusted?: boolean };

export interface CmsVerification {
  valid: boolean;
  /** zh-CN: the first problem, or 签名有效 (+ notes). */
  reason: string;
  problems: string[];
  notes: string[];
  digestMatches: boolean;
  signatureVerified: boolean;
  signer: CertSigner | null;
  chainSubjects: string[];
  chain: string[];
  /** Claimed by the signer (CMS signingTime, else the PDF's /M), ISO. */
  signingTime: string | null;
  timestamp: TimestampStatus;
  devCa: boolean;
  trusted: boolean;
  certificateValidAtSigningTime: boolean;
  revoked: { at: string; reason: string } | null;
}

const HASHES: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

function attr(si: pkijs.SignerInfo, type: string, unsigned = false): asn1js.AsnType | undefined {
  const set = unsigned ? si.unsignedAttrs : si.signedAttrs;
  return set?.attributes.find((a) => a.type === type)?.values[0];
}

function toX509(c: pkijs.Certificate): x509.X509Certificate {
  return new x509.X509Certificate(c.toSchema().toBER(false));
}

/** `dictTime`: the PDF signature dictionary's /M, used when the CMS has no signingTime (PAdES). */
export async function verifyCms(content: Uint8Array, cmsDer: Uint8Array, opts: VerifyOptions = {}, dictTime?: Date): Promise<CmsVerification> {
  const now = opts.now ?? new Date();
  const result: CmsVerification = {
    valid: false, reason: '', problems: [], notes: [], digestMatches: false, signatureVerified: false, signer: null,
    chainSubjects: [], chain: [], signingTime: null, timestamp: { status: 'none' }, devCa: false, trusted: false,
    certificateValidAtSigningTime: false, revoked: null,
  };
  const fail = (why: string): CmsVerification => ({ ...result, problems: [why, ...result.problems], reason: why });
  let sd: pkijs.SignedData;
  try {
    sd = parseSignedData(cmsDer);
  } catch (e) {
    return fail(`签名数据无法解析：${(e as Error).message}`);
  }
  const si = sd.signerInfos[0];
  if (!si || sd.signerInfos.length !== 1) return fail('签名数据中的签名人数量不为一');
  const certs = (sd.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const sid = si.sid as pkijs.IssuerAndSerialNumber;
  const leafPki = certs.find((c) => sid instanceof pkijs.IssuerAndSerialNumber && c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber));
  if (!leafPki) return fail('签名数据中缺少签名人证书');
  const leaf = toX509(leafPki);
  result.signer = signerOf(leaf);

  const hash = HASHES[si.digestAlgorithm.algorithmId];
  if (!hash) return fail(`不支持的摘要算法：${si.digestAlgorithm.algorithmId}`);
  const md = attr(si, OID.messageDigest) as asn1js.OctetString | undefined;
  if (!md) return fail('签名缺少 messageDigest 属性');
  const actual = createHash(hash).update(content).digest();
  result.digestMatches = Buffer.from(md.valueBlock.valueHexView).equals(actual);
  if (!result.digestMatches) return fail('文档内容与签名不符（摘要不一致）：签名后文件被修改');
  try {
    const v = await sd.verify({ signer: 0, data: toArrayBuffer(content), checkChain: false, extendedMode: true });
    result.signatureVerified = v.signatureVerified === true;
  } catch {
    result.signatureVerified = false;
  }
  if (!result.signatureVerified) return fail('签名值验证失败');

  const st = attr(si, OID.signingTime) as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  const claimed = st ? st.toDate() : (dictTime ?? null);
  result.signingTime = claimed ? claimed.toISOString() : null;
  if (claimed && claimed.getTime() > now.getTime() + 5 * 60_000) result.problems.push(`签名时间 ${formatTime(claimed)} 晚于当前时间`);

  let trustedTime: Date | null = null;
  let timestampProblem: string | null = null;
  const tsToken = attr(si, OID.signatureTimeStampToken, true);
  if (tsToken) {
    const sigValue = new Uint8Array(si.signature.valueBlock.valueHexView);
    const ts = await checkTimestampToken(new Uint8Array(tsToken.toBER(false)), signatureTimestampDigest(sigValue), opts);
    result.timestamp = ts;
    if (ts.status === 'valid') trustedTime = new Date(ts.genTime);
    else if (ts.status === 'invalid') timestampProblem = `时间戳无效：${ts.reason}`;
  } else {
    result.notes.push('未加盖可信时间戳：签名时间为签名人电脑时间');
  }

  const chain: ChainCheckResult = await checkCertificateChain({
    leaf,
    certificates: certs.map(toX509),
    at: trustedTime ?? claimed ?? now,
    trustedTime: trustedTime !== null,
    ...(opts.trustAnchors ? { trustAnchors: opts.trustAnchors } : {}),
    ...(opts.revocations ? { revocations: opts.revocations } : {}),
  });
  // The signer's own certificate problems come first: an untrusted CA also makes its timestamp
  // service untrusted, and the verdict must name the signer's problem, not the timestamp's.
  result.problems.push(...chain.problems);
  if (timestampProblem) result.problems.push(timestampProblem);
  result.notes.unshift(...chain.notes);
  Object.assign(result, {
    chainSubjects: chain.subjects, chain: chain.chain, devCa: chain.devCa, trusted: chain.trusted,
    certificateValidAtSigningTime: chain.validAtSigningTime, revoked: chain.revoked,
  });
  result.valid = result.problems.length === 0 && chain.chainOk;
  if (!result.valid && result.problems.length === 0) result.problems.push('证书链验证失败');
  result.reason = result.valid ? ['签名有效', ...result.notes].join('；') : result.problems[0]!;
  return result;
}

/** Verifies a timestamp token over `digest` (SHA-256 of the signature value) and its TSA chain. */
export async function checkTimestampToken(token: Uint8Array, digest: Uint8Array, opts: VerifyOptions): Promise<TimestampStatus> {
  try {
    const info = await readTimestampToken(token);
    if (!info.signatureValid) return { status: 'invalid', reason: '时间戳签名无效' };
    if (info.hashAlgorithm !== OID.sha256 || !Buffer.from(info.imprint).equals(Buffer.from(digest))) {
      return { status: 'invalid', reason: '时间戳不属于此签名' };
    }
    if (!info.signerCertificate) return { status: 'invalid', reason: '时间戳缺少签发证书' };
    const tsa = new x509.X509Certificate(toArrayBuffer(info.signerCertificate));
    if (!tsa.getExtension(x509.ExtendedKeyUsageExtension)?.usages.includes(EKU_TIME_STAMPING)) {
      return { status: 'invalid', reason: '时间戳签发证书不是时间戳服务证书（缺少 timeStamping 用途）' };
    }
    const chain = await checkCertificateChain({
      leaf: tsa,
      certificates: info.certificates.map((c) => new x509.X509Certificate(toArrayBuffer(c))),
      at: info.genTime,
      trustedTime: true,
      ...(opts.trustAnchors ? { trustAnchors: opts.trustAnchors } : {}),
    });
    // (a chain that is whole but ends at a root not trusted here says so in those words)
    if (chain.onlyUntrusted) return { status: 'invalid', reason: '时间戳服务的证书不受本机信任（根证书不在本机信任列表中）', untrusted: true };
    if (!chain.chainOk || chain.problems.length) return { status: 'invalid', reason: chain.chainOk && !chain.trusted ? '时间戳服务的证书不受本机信任（根证书不在本机信任列表中）' : (chain.problems[0] ?? '时间戳证书链无效') };
    return { status: 'valid', genTime: info.genTime.toISOString(), tsa: describeSubject(tsa) };
  } catch (e) {
    return { status: 'invalid', reason: `时间戳无法解析：${(e as Error).message}` };
  }
}
