// Verification of a signed opinion PDF or submission JSON, for the app and `fashen verify`. The view is
// built from verify.ts's structured fields only: the verdict, then the timestamp and the certificate
// source as fields of their own (never read back out of the reason text). Minutes carry two signers
// (host, then recorder), each verified and shown.
import type { CertificateSourceView, SignerCheckView, TimestampView, VerificationView } from '../../../shared/api/opinions';
import { MinutesSubmission } from '../../../shared/meeting/minutes-content';
import { OpinionContent } from '../../../shared/opinion/content';
import { verifyMinutesPayload } from '../meetings/minutes-verify';
import { verifyPdf, verifySubmission, type SubmissionVerification } from '../signing/index';
import { formatTime } from '../signing/cert-check';
import type { ReviewerKeys } from './keys';

type Signer = { commonName: string; organization: string } | null;
type TimestampState = SubmissionVerification['timestamp'];

const signerText = (s: Signer) => (s ? `${s.commonName}${s.organization ? `（${s.organization}）` : ''}` : null);

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
 * A minutes submission (集体讨论记录) carries two signatures: the recorder's over the whole payload
 * (the submission's own, checked by verifySubmission) and the host's over the minutes inside it
 * (minutes-verify.ts). Both must hold; both signers are shown, host first as they signed.
 */
async function minutesView(r: SubmissionVerification, p: MinutesSubmission, trustAnchors: readonly string[]): Promise<VerificationView> {
  // The host's certificate may come from another workstation's CA: vouched for by the recorder's
  // signature over it, as the central system accepts it — only when that signature holds.
  const host = await verifyMinutesPayload(p, { trustAnchors, vouched: r.valid });
  const recorderName = p.minutes.signers.find((s) => s.role === 'recorder')?.name ?? p.minutes.recorder.name;
  const signers: SignerCheckView[] = [
    { role: '主持人', name: p.minutes.host.name, valid: host.ok, reason: host.ok ? (host.hostVouched ? '签名有效（证书由本机以外的 CA 签发，经记录人签名担保）' : '签名有效') : host.reason, signedAt: p.hostSignature.signedAt },
    { role: '记录人', name: signerText(r.signer) ?? recorderName, valid: r.valid, reason: r.valid ? '签名有效' : r.reason, signedAt: r.signedAt },
  ];
  const valid = r.valid && host.ok;
  return {
    valid,
    reason: valid ? '主持人与记录人的签名均有效' : !r.valid ? `记录人签名无效：${r.reason}` : (host as { reason: string }).reason,
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
