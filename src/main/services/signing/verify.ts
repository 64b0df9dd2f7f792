// Verification for anyone: embedded PDF signatures (verifyPdf) and signed submission JSON with a
// detached signature (verifySubmission). Results carry a zh-CN reason for `fashen verify` and the
// app; VALID requires intact content, a verified signature, a trusted certificate path, valid
// certificates at signing time and no revocation.
import { checkCertificateChain } from './cert-check';
import { checkTimestampToken, verifyCms, type CmsVerification, type TimestampStatus, type VerifyOptions } from './cms-verify';
import { keyIdOfPublicKey, verifyDetached, type DetachedSignature } from './detached';
import { pemToDer, sha256 } from './pem';
import { findPdfSignatures } from './pdf-signatures';
import { x509 } from './x509';
import { signerOf, type CertSigner } from './cert-names';

export type { VerifyOptions } from './cms-verify';

export interface PdfSignatureReport extends CmsVerification {
  index: number;
  fieldName: string | null;
  byteRange: [number, number, number, number];
  byteRangeCoversWholeFile: boolean;
  subFilter: string | null;
}

export interface PdfVerification {
  valid: boolean;
  reason: string;
  /** In file order (earliest revision first). */
  signatures: PdfSignatureReport[];
  /** Of the first signature (the opinion's signer). */
  signer: CertSigner | null;
  chainSubjects: string[];
  signingTime: string | null;
  devCa: boolean;
  certificateValidAtSigningTime: boolean;
  revoked: { at: string; reason: string } | null;
  /** The last signature covers the whole file: nothing was appended after signing. */
  byteRangeCoversWholeFile: boolean;
}

export async function verifyPdf(bytes: Uint8Array, opts: VerifyOptions = {}): Promise<PdfVerification> {
  const slots = findPdfSignatures(bytes);
  const signatures: PdfSignatureReport[] = [];
  for (const [i, slot] of slots.entries()) {
    const base = { index: i + 1, fieldName: slot.fieldName ?? null, byteRange: slot.byteRange, byteRangeCoversWholeFile: slot.byteRangeCoversWholeFile };
    const cms = slot.problem
      ? invalidCms(slot.problem)
      : await verifyCms(slot.signedContent, slot.cms, opts, slot.dictTime);
    signatures.push({ ...cms, ...base, subFilter: slot.subFilter ?? null });
  }
  const first = signatures[0];
  const last = signatures[signatures.length - 1];
  const summary = {
    signatures,
    signer: first?.signer ?? null,
    chainSubjects: first?.chainSubjects ?? [],
    signingTime: first?.signingTime ?? null,
    devCa: signatures.some((s) => s.devCa),
    certificateValidAtSigningTime: signatures.length > 0 && signatures.every((s) => s.certificateValidAtSigningTime),
    revoked: signatures.find((s) => s.revoked)?.revoked ?? null,
    byteRangeCoversWholeFile: last?.byteRangeCoversWholeFile ?? false,
  };
  if (!last) return { ...summary, valid: false, reason: '文件中没有数字签名' };
  const bad = signatures.find((s) => !s.valid);
  if (bad) {
    const who = bad.signer?.commonName ? `（${bad.signer.commonName}）` : '';
    return { ...summary, valid: false, reason: signatures.length > 1 ? `第 ${bad.index} 个签名${who}无效：${bad.reason}` : bad.reason };
  }
  if (!last.byteRangeCoversWholeFile) {
    return { ...summary, valid: false, reason: '签名之后文件又被追加修改（签名范围未覆盖整个文件）' };
  }
  const notes = [...new Set(signatures.flatMap((s) => s.notes))];
  const count = signatures.length > 1 ? `全部 ${signatures.length} 个签名有效` : '签名有效';
  return { ...summary, valid: true, reason: [count, ...notes].join('；') };
}

function invalidCms(reason: string): CmsVerification {
  return {
    valid: false, reason, problems: [reason], notes: [], digestMatches: false, signatureVerified: false, signer: null,
    chainSubjects: [], chain: [], signingTime: null, timestamp: { status: 'none' }, devCa: false, trusted: false,
    certificateValidAtSigningTime: false, revoked: null,
  };
}

/** 签名提交件: the opinion content plus its detached signature. */
export interface SignedSubmission {
  format: 'fashen-signed-submission';
  version: 1;
  content: unknown;
  signature: DetachedSignature;
}

export interface SubmissionVerification {
  valid: boolean;
  reason: string;
  problems: string[];
  notes: string[];
  algorithm: string | null;
  keyId: string | null;
  contentHash: string | null;
  signedAt: string | null;
  signer: CertSigner | null;
  chainSubjects: string[];
  timestamp: TimestampStatus | { status: 'pending'; reason: string };
  devCa: boolean;
  trusted: boolean;
  certificateValidAtSigningTime: boolean;
  revoked: { at: string; reason: string } | null;
  content: unknown;
  /**
   * Invalid only because a root (the signer's, the timestamp service's) is not trusted here: a
   * caller that can vouch for the chain some other way may check it against its own root.
   */
  onlyUntrusted: boolean;
}

export async function verifySubmission(json: string | unknown, opts: VerifyOptions = {}): Promise<SubmissionVerification> {
  const r: SubmissionVerification = {
    valid: false, reason: '', problems: [], notes: [], algorithm: null, keyId: null, contentHash: null, signedAt: null,
    signer: null, chainSubjects: [], timestamp: { status: 'none' }, devCa: false, trusted: false,
    certificateValidAtSigningTime: false, revoked: null, content: null, onlyUntrusted: false,
  };
  const fail = (why: string): SubmissionVerification => ({ ...r, valid: false, reason: why, problems: [why, ...r.problems] });
  let sub: SignedSubmission;
  try {
    sub = (typeof json === 'string' ? JSON.parse(json) : json) as SignedSubmission;
  } catch {
    return fail('提交件不是有效的 JSON');
  }
  const sig = sub?.signature;
  if (!sub || sub.format !== 'fashen-signed-submission' || sub.version !== 1 || !sig || typeof sig.signature !== 'string' || typeof sig.publicKey !== 'string') {
    return fail('不是法审签名提交件（格式或版本不符）');
  }
  Object.assign(r, { algorithm: sig.algorithm, keyId: sig.keyId, contentHash: sig.contentHash, signedAt: sig.signedAt, content: sub.content });
  const check = verifyDetached(sub.content, sig, sig.publicKey);
  if (!check.valid) return fail(check.reason);
  let spki: Uint8Array;
  try {
    spki = pemToDer(sig.publicKey);
    if (keyIdOfPublicKey(sig.publicKey) !== sig.keyId) return fail('密钥标识与签名公钥不符');
  } catch {
    return fail('签名公钥格式无效');
  }
  const chainPems = Array.isArray(sig.chain) ? sig.chain : [];
  if (chainPems.length === 0) return fail('签名未附带证书，无法确认签名人身份');
  let leaf: x509.X509Certificate;
  let certs: x509.X509Certificate[];
  try {
    certs = chainPems.map((p) => new x509.X509Certificate(p));
    leaf = certs[0]!;
  } catch {
    return fail('签名附带的证书无法解析');
  }
  if (!Buffer.from(leaf.publicKey.rawData).equals(Buffer.from(spki))) return fail('证书与签名公钥不符');
  r.signer = signerOf(leaf);

  let trustedTime: Date | null = null;
  let timestampProblem: string | null = null;
  if (sig.timestamp?.status === 'granted') {
    const digest = new Uint8Array(sha256(Buffer.from(sig.signature, 'base64')));
    const ts = await checkTimestampToken(new Uint8Array(Buffer.from(sig.timestamp.token, 'base64')), digest, opts);
    r.timestamp = ts;
    if (ts.status === 'valid') trustedTime = new Date(ts.genTime);
    else if (ts.status === 'invalid') timestampProblem = `时间戳无效：${ts.reason}`;
  } else {
    if (sig.timestamp?.status === 'pending') r.timestamp = sig.timestamp;
    r.notes.push('待加盖时间戳：签名时间为签名人电脑时间');
  }
  const claimed = new Date(sig.signedAt);
  const now = opts.now ?? new Date();
  if (Number.isNaN(claimed.getTime())) r.problems.push('签名时间格式无效');
  else if (claimed.getTime() > now.getTime() + 5 * 60_000) r.problems.push('签名时间晚于当前时间');
  const chain = await checkCertificateChain({
    leaf,
    certificates: certs,
    at: trustedTime ?? (opts.untimestampedAt === 'now' || Number.isNaN(claimed.getTime()) ? now : claimed),
    trustedTime: trustedTime !== null,
    ...(opts.trustAnchors ? { trustAnchors: opts.trustAnchors } : {}),
    ...(opts.revocations ? { revocations: opts.revocations } : {}),
  });
  // The signer's certificate problems before the timestamp's (an untrusted CA fails both).
  r.problems.push(...chain.problems);
  if (timestampProblem) r.problems.push(timestampProblem);
  r.notes.unshift(...chain.notes);
  Object.assign(r, {
    chainSubjects: chain.subjects, devCa: chain.devCa, trusted: chain.trusted,
    certificateValidAtSigningTime: chain.validAtSigningTime, revoked: chain.revoked,
  });
  r.valid = chain.chainOk && r.problems.length === 0;
  const trustProblems = (chain.onlyUntrusted ? 1 : 0) + (timestampProblem && r.timestamp.status === 'invalid' && r.timestamp.untrusted ? 1 : 0);
  r.onlyUntrusted = !r.valid && trustProblems > 0 && r.problems.length === trustProblems;
  if (!r.valid && r.problems.length === 0) r.problems.push('证书链验证失败');
  r.reason = r.valid ? ['签名有效', ...r.notes].join('；') : r.problems[0]!;
  return r;
}
