// Verification of a signed opinion PDF or submission JSON, for the app and `fashen verify`. The view is
// built from verify.ts's structured fields only: the verdict, then the timestamp and the certificate
// source as fields of their own (never read back out of the reason text). Minutes carry two signers
// (host, then recorder), each verified and shown.
import type { CertificateSourceView, SignerCheckView, TimestampView, VerificationView } from '../../../shared/api/opinions';
import { MinutesSubmission } from '../../../shared/meeting/minutes-content';
import { OpinionContent } from '../../../shared/opinion/content';
import { verifyMinutesPayload, type SignerVerdict } from '../meetings/minutes-verify';
import { verifyPdf, verifySubmission, type SubmissionVerification } from '../signing/index';
import { formatTime } from '../signing/cert-check';
import { signerLine, type CertSigner } from '../signing/cert-names';
import type { ReviewerKeys } from './keys';

type TimestampState = SubmissionVerification['timestamp'];

/** The certificate's holder, with the central account when the certificate names one (cert-names.ts). */
const signerText = (s: CertSigner | null) => (s ? signerLine(s) : null);

export function timestampView(t: TimestampState | undefined): TimestampView {
  if (!t) return { state: 'none' };
  switch (t.status) {
    case 'valid':
      return { state: 'trusted', tsa: t.tsa, time: t.genTime };
    case 'pending':
      return { state: 'pending' };
    case 'invalid':
      return { state: 'invalid', reason: t.reason };
    default:
      return { state: 'none' };
  }
}

function certificateView(devCa: boolean, chain: string[], trusted: boolean): CertificateSourceView {
  return { kind: devCa ? 'dev-ca' : chain.length ? 'ca' : 'none', root: chain[chain.length - 1] ?? null, trusted };
}

/** To the second, China time: a signing time and a revocation in the same minute must stay apart. */
function toSecond(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatTime(d);
}

/**
 * The revocation, worded for the verdict: a signature that stays valid although its certificate was
 * revoked later (the timestamp proves it came first), or one refused although the signer's clock put
 * it before the revocation — without a trusted timestamp that clock proves nothing.
 */
function revocationNotes(valid: boolean, revoked: { at: string; reason: string } | null, timestamp: TimestampView, signingTime: string | null): string[] {
  if (!revoked) return [];
  const why = revoked.reason ? `（${revoked.reason}）` : '';
  if (valid) {
    const ts = timestamp.state === 'trusted' ? `可信时间戳 ${toSecond(timestamp.time)}` : '可信时间戳';
    return [`签名证书已于 ${toSecond(revoked.at)}被吊销${why}；${ts}证明签署早于吊销`];
  }
  const signed = signingTime ? new Date(signingTime).getTime() : NaN;
  if (timestamp.state !== 'trusted' && !Number.isNaN(signed) && signed < new Date(revoked.at).getTime()) {
    return [`按签名人本机时钟，签署于 ${toSecond(signingTime!)}，早于吊销时间 ${toSecond(revoked.at)}；但没有可信时间戳，无法证明签署早于吊销，签名不予认可`];
  }
  return [];
}

export async function verifyBytes(bytes: Uint8Array, keys: ReviewerKeys): Promise<VerificationView> {
  const opts = { trustAnchors: await keys.trustAnchors(), revocations: keys.store.revocationList() };
  const head = new TextDecoder().decode(bytes.subarray(0, 8));
  if (head.startsWith('%PDF-')) {
    const r = await verifyPdf(bytes, opts);
    // The opinion's signer is the first signature; signer, chain and times are all of that one.
    const first = r.signatures[0];
    const n = r.signatures.length;
    const timestamp = timestampView(first?.timestamp);
    return {
      valid: r.valid,
      reason: r.valid ? (n > 1 ? `全部 ${n} 个签名有效` : '签名有效') : r.reason,
      kind: 'pdf',
      signer: signerText(r.signer),
      chain: r.chainSubjects,
      signingTime: r.signingTime,
      timestamp,
      certificate: certificateView(r.devCa, r.chainSubjects, first?.trusted ?? false),
      devCa: r.devCa,
      caseNumber: null,
      caseId: null,
      round: null,
      notes: [...revocationNotes(r.valid, r.revoked, timestamp, r.signingTime), ...(n > 0 && !r.byteRangeCoversWholeFile ? ['签名后文件又被追加了内容'] : [])],
      // Several signatures (minutes: host, then recorder over the host's): each signer's own verdict.
      ...(n > 1 ? { signers: r.signatures.map((s) => ({ role: `签名 ${s.index}`, name: signerText(s.signer) ?? '—', valid: s.valid, reason: s.valid ? '签名有效' : s.reason, signedAt: s.signingTime })) } : {}),
    };
  }
  const r = await verifySubmission(new TextDecoder().decode(bytes), opts);
  const minutes = MinutesSubmission.safeParse(r.content);
  if (minutes.success) return minutesView(r, minutes.data, opts.trustAnchors);
  const c = OpinionContent.safeParse(r.content);
  return {
    valid: r.valid,
    reason: r.valid ? '签名有效' : r.reason,
    kind: 'submission',
    signer: signerText(r.signer),
    chain: r.chainSubjects,
    signingTime: r.signedAt,
    timestamp: timestampView(r.timestamp),
    certificate: certificateView(r.devCa, r.chainSubjects, r.trusted),
    devCa: r.devCa,
    caseNumber: c.success ? c.data.case.caseNumber : null,
    caseId: c.success ? c.data.case.id : null,
    round: c.success ? c.data.round : null,
    notes: revocationNotes(r.valid, r.revoked, timestampView(r.timestamp), r.signedAt),
  };
}

/**
 * A minutes submission (集体讨论记录) carries the host's and the recorder's signatures over the
 * minutes (minutes-verify.ts) and the submitter's — the workstation reviewer's — over the whole
 * payload (the submission's own, checked by verifySubmission). All must hold; the signers are shown
 * in the order they signed. Older submissions carry no recorder signature: the recorder submitted.
 */
async function minutesView(r: SubmissionVerification, p: MinutesSubmission, trustAnchors: readonly string[]): Promise<VerificationView> {
  // The signers' certificates may come from another workstation's CA: vouched for by the
  // submitter's signature over them, as the central system accepts them — only when that signature holds.
  const check = await verifyMinutesPayload(p, { trustAnchors, vouched: r.valid, submitterKeyId: r.keyId });
  const verdict = (v: SignerVerdict | null | undefined, vouchedBy: string): { valid: boolean; reason: string } =>
    !v ? { valid: false, reason: check.ok ? '未核验' : check.reason } : v.ok ? { valid: true, reason: v.vouched ? `签名有效（证书由本机以外的 CA 签发，经${vouchedBy}签名担保）` : '签名有效' } : { valid: false, reason: v.reason };
  const submitter = { valid: r.valid, reason: r.valid ? '签名有效' : r.reason, signedAt: r.signedAt };
  const signers: SignerCheckView[] = p.recorderSignature
    ? [
        { role: '主持人', name: p.minutes.host.name, ...verdict(check.host, '提交人'), signedAt: p.hostSignature.signedAt },
        { role: '记录人', name: p.minutes.recorder.name, ...verdict(check.recorder, '提交人'), signedAt: p.recorderSignature.signedAt },
        { role: '提交人', name: signerText(r.signer) ?? '—', ...submitter },
      ]
    : [
        { role: '主持人', name: p.minutes.host.name, ...verdict(check.host, '记录人'), signedAt: p.hostSignature.signedAt },
        { role: '记录人', name: signerText(r.signer) ?? p.minutes.recorder.name, ...submitter },
      ];
  const valid = r.valid && check.ok;
  const submitterLabel = p.recorderSignature ? '提交人' : '记录人';
  return {
    valid,
    reason: valid ? (p.recorderSignature ? '主持人、记录人与提交人的签名均有效' : '主持人与记录人的签名均有效') : !r.valid ? `${submitterLabel}签名无效：${r.reason}` : check.ok ? '' : check.reason,
    kind: 'submission',
    signer: signerText(r.signer),
    chain: r.chainSubjects,
    signingTime: r.signedAt,
    timestamp: timestampView(r.timestamp),
    certificate: certificateView(r.devCa, r.chainSubjects, r.trusted),
    devCa: r.devCa,
    caseNumber: p.minutes.case.caseNumber,
    caseId: p.minutes.case.id,
    round: p.minutes.review.round,
    notes: revocationNotes(r.valid, r.revoked, timestampView(r.timestamp), r.signedAt),
    signers,
  };
}
