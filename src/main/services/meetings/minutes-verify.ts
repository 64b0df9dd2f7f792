// Verifies what a minutes submission (kind 'minutes') carries besides the submitter's own signature:
// the minutes are well formed, bound to the case the envelope names, hashed as claimed, and signed
// over their content by the host and by the recorder named in them. Used by the central server
// (src/server/submissions/minutes-check.ts), by 验证签名 and by tests; the submitter's (the
// workstation reviewer's) signature over the whole payload is checked by the caller, as for every
// submission.
//
// Trust in the signers' certificates: host and recorder usually have no account on the central
// system, so their certificates are issued by the workstation's CA, which the server need not trust.
// Each is accepted when it chains to one of `trustAnchors`, or — `vouched: true` — when its own chain
// is consistent and valid, because the submitter's verified signature covers both signatures and
// certificates.
//
// A signer's certificate must name the person the minutes name — unless the signer is the submitter
// (same key): then the registry vouches for who it is, and the central CA's certificate names the
// account rather than the person. Submissions made before the recorder's own signature was carried
// have none: the submitter was the recorder.
import { createHash } from 'node:crypto';
import { describeIssues } from '../../../shared/api/result';
import { canonicalJson } from '../../../shared/canonical';
import { MinutesSubmission, type MinutesContent } from '../../../shared/meeting/minutes-content';
import { verifySubmission, type DetachedSignature } from '../signing/index';

/** One signer's verdict: `vouched` when the certificate was accepted on the submitter's word. */
export type SignerVerdict = { ok: true; vouched: boolean } | { ok: false; reason: string };

export type MinutesCheck =
  | { ok: true; hostVouched: boolean; host: SignerVerdict; recorder: SignerVerdict | null }
  | { ok: false; reason: string; host?: SignerVerdict; recorder?: SignerVerdict | null };

interface Opts {
  trustAnchors: readonly string[];
  now?: Date;
  vouched?: boolean;
  /** Key id of the submission's signature (the submitter's). */
  submitterKeyId?: string | null;
}

const LABEL = { host: '主持人', recorder: '记录人' } as const;

async function signerVerdict(minutes: MinutesContent, signature: unknown, role: 'host' | 'recorder', opts: Opts): Promise<SignerVerdict> {
  const label = LABEL[role];
  const named = minutes.signers.find((s) => s.role === role);
  const person = role === 'host' ? minutes.host : minutes.recorder;
  if (!named || named.name !== person.name) return { ok: false, reason: `集体讨论记录未载明${label}签署` };
  const sig = { ...(signature as object) } as unknown as DetachedSignature;
  const submission = { format: 'fashen-signed-submission' as const, version: 1 as const, content: minutes, signature: sig };
  const base = { ...(opts.now ? { now: opts.now } : {}), untimestampedAt: 'now' as const };
  let r = await verifySubmission(submission, { ...base, trustAnchors: [...opts.trustAnchors] });
  let vouched = false;
  const chainRoot = sig.chain.at(-1);
  if (!r.valid && opts.vouched && chainRoot && r.onlyUntrusted) {
    // Only an untrusted root stood in the way: check the chain on its own terms.
    r = await verifySubmission(submission, { ...base, trustAnchors: [chainRoot] });
    vouched = r.valid;
  }
  if (!r.valid) return { ok: false, reason: `${label}签名无效：${r.reason}` };
  const submitter = !!opts.submitterKeyId && sig.keyId === opts.submitterKeyId;
  if (!submitter && r.signer?.commonName !== person.name) return { ok: false, reason: `${label}签名证书的持有人（${r.signer?.commonName ?? '未知'}）与记录所载${label}（${person.name}）不符` };
  return { ok: true, vouched };
}

export async function verifyMinutesPayload(payload: unknown, opts: Opts): Promise<MinutesCheck> {
  const parsed = MinutesSubmission.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: `集体讨论记录不符合格式：${describeIssues(parsed.error.issues).slice(0, 3).join('；')}` };
  const p = parsed.data;
  if (p.case.id !== p.minutes.case.id || p.case.revisionHash !== p.minutes.case.revisionHash) return { ok: false, reason: '集体讨论记录所载案件与提交信息不一致' };
  if (createHash('sha256').update(canonicalJson(p.minutes)).digest('hex') !== p.minutesHash) return { ok: false, reason: '集体讨论记录的摘要与内容不符' };

  const host = await signerVerdict(p.minutes, p.hostSignature, 'host', opts);
  const recorder = p.recorderSignature ? await signerVerdict(p.minutes, p.recorderSignature, 'recorder', opts) : null;
  if (!host.ok) return { ok: false, reason: host.reason, host, recorder };
  if (recorder && !recorder.ok) return { ok: false, reason: recorder.reason, host, recorder };
  return { ok: true, hostVouched: host.vouched, host, recorder };
}
