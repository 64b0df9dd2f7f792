// Verifies what a minutes submission (kind 'minutes') carries besides the submitter's own signature:
// the minutes are well formed, bound to the case the envelope names, hashed as claimed, and signed
// by the host named in them. Used by the central server (src/server/submissions/minutes-check.ts)
// and by tests; the submitter's (recorder's) signature over the whole payload is checked by the
// caller, as for every submission.
//
// Trust in the host's certificate: the host usually has no account on the central system, so their
// certificate is issued by the workstation's CA, which the server need not trust. It is accepted
// when it chains to one of `trustAnchors`, or — `vouched: true` — when its own chain is consistent
// and valid, because the recorder's verified signature covers the host's signature and certificate.
import { createHash } from 'node:crypto';
import { describeIssues } from '../../../shared/api/result';
import { canonicalJson } from '../../../shared/canonical';
import { MinutesSubmission } from '../../../shared/meeting/minutes-content';
import { verifySubmission, type DetachedSignature } from '../signing/index';

export type MinutesCheck = { ok: true; hostVouched: boolean } | { ok: false; reason: string };

export async function verifyMinutesPayload(payload: unknown, opts: { trustAnchors: readonly string[]; now?: Date; vouched?: boolean }): Promise<MinutesCheck> {
  const parsed = MinutesSubmission.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: `集体讨论记录不符合格式：${describeIssues(parsed.error.issues).slice(0, 3).join('；')}` };
  const p = parsed.data;
  if (p.case.id !== p.minutes.case.id || p.case.revisionHash !== p.minutes.case.revisionHash) return { ok: false, reason: '集体讨论记录所载案件与提交信息不一致' };
  if (createHash('sha256').update(canonicalJson(p.minutes)).digest('hex') !== p.minutesHash) return { ok: false, reason: '集体讨论记录的摘要与内容不符' };
  const host = p.minutes.signers.find((s) => s.role === 'host');
  if (!host || host.name !== p.minutes.host.name) return { ok: false, reason: '集体讨论记录未载明主持人签署' };

  const sig = { ...p.hostSignature } as unknown as DetachedSignature;
  const submission = { format: 'fashen-signed-submission' as const, version: 1 as const, content: p.minutes, signature: sig };
  const base = { ...(opts.now ? { now: opts.now } : {}), untimestampedAt: 'now' as const };
  let r = await verifySubmission(submission, { ...base, trustAnchors: [...opts.trustAnchors] });
  let vouched = false;
  const chainRoot = sig.chain.at(-1);
  if (!r.valid && opts.vouched && chainRoot && r.onlyUntrusted) {
    // Only an untrusted root stood in the way: check the chain on its own terms.
    r = await verifySubmission(submission, { ...base, trustAnchors: [chainRoot] });
    vouched = r.valid;
  }
  if (!r.valid) return { ok: false, reason: `主持人签名无效：${r.reason}` };
  if (r.signer?.commonName !== host.name) return { ok: false, reason: `主持人签名证书的持有人（${r.signer?.commonName ?? '未知'}）与记录所载主持人（${host.name}）不符` };
  return { ok: true, hostVouched: vouched };
}
