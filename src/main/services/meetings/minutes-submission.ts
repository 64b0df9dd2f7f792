// The recorder's signature, last, and the submission it completes: the recorder signs the PDF over
// the host's and the content; the submission (kind 'minutes') is signed by the workstation's
// reviewer whoever recorded — only the reviewer's key is registered at the central system, which
// checks the host's and recorder's signatures carried inside on that signature's word — queued in
// the outbox and stamped at once when a TSA answers. Minutes the central system refused are opened
// for signing again (重新签署): the same locked content, new signatures, a new submission id.
import { randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/api/result';
import { MINUTES_SUBMISSION_SCHEMA, MinutesContent, type MinutesSubmission } from '../../../shared/meeting/minutes-content';
import type { Meeting } from '../../../shared/meeting/schema';
import type { MinutesRow, MinutesSubmissionRow } from '../../db/repos/meetings';
import { addSignature, signDetached, type SignedSubmission, type UnlockedKey } from '../signing/index';
import { storeDerivedBlob } from './derived-blob';
import { renderMinutes, type MinutesParts } from './minutes-render';
import { unlockPdfKey } from './minutes-signing';
import type { StoredSignature } from './minutes-state';

/** The reviewer's key for the submission: the recorder's own when the reviewer records. */
async function submitterKey(parts: MinutesParts, m: Meeting, recorderKey: UnlockedKey, passphrase?: string): Promise<UnlockedKey> {
  if (parts.signerKeys.usesReviewerKey(m.recorder.name)) return recorderKey;
  const { name, key } = parts.signerKeys.submitter();
  const label = `审核人员 ${name ?? ''} 的签名密钥`;
  if (key?.protection === 'passphrase' && !passphrase) throw new ApiFailure({ code: 'invalid_input', message: `请输入${label}口令：集体讨论记录由审核人员签名后提交中心系统` });
  try {
    return await parts.signerKeys.unlockSubmitter(passphrase);
  } catch (err) {
    if (err instanceof ApiFailure && err.error.code === 'forbidden') throw new ApiFailure({ code: 'forbidden', message: `${label}：${err.message}` });
    throw err;
  }
}

/** `earlier`: the submissions these minutes had (a minutes id already used goes out under a new one). */
export async function signAsRecorder(parts: MinutesParts, m: Meeting, rows: MinutesRow[], earlier: Map<string, MinutesSubmissionRow[]>, passphrase?: string, submitterPassphrase?: string): Promise<void> {
  const { ws } = parts;
  if (rows.some((r) => !r.hostSignatureJson)) throw new ApiFailure({ code: 'conflict', message: '请主持人先签署，记录人最后签署并提交' });
  // Both keys unlocked before anything is signed.
  const key = await unlockPdfKey(parts, m.recorder.name, passphrase);
  const submitter = await submitterKey(parts, m, key, submitterPassphrase);
  const signingTime = new Date();
  const out: { id: string; pdfSha256: string; signatureJson: string; submissionSha256: string }[] = [];
  const outbox: { id: string; caseId: string; payloadJson: string }[] = [];
  for (const r of rows) {
    const content = MinutesContent.parse(JSON.parse(r.contentJson));
    const hostSig = JSON.parse(r.hostSignatureJson!) as StoredSignature;
    const pdf = await addSignature(new Uint8Array(await ws.blobs.read(r.pdfSha256)), { privateKey: key.privateKey, chain: key.chain }, {
      signingTime,
      reason: 'Collective discussion minutes (recorder)',
      location: content.agency.code,
      name: `Fashen recorder ${key.keyId.slice(0, 8)}`,
    });
    const pdfSha256 = await storeDerivedBlob(ws, pdf, 'application/pdf', r.contentHash);
    const { role: _role, name: _name, ...hostSignature } = hostSig;
    const recorderSignature = { ...(await signDetached(content, key, { now: signingTime })) };
    const payload: MinutesSubmission = {
      schema: MINUTES_SUBMISSION_SCHEMA,
      case: { id: content.case.id, revisionHash: content.case.revisionHash },
      minutes: content,
      minutesHash: r.contentHash,
      hostSignature,
      recorderSignature,
      pdfSha256,
    };
    const detached = await signDetached(payload, submitter, { now: signingTime });
    const submission: SignedSubmission = { format: 'fashen-signed-submission', version: 1, content: payload, signature: detached };
    const submissionJson = JSON.stringify(submission, null, 2);
    const submissionSha256 = await storeDerivedBlob(ws, new TextEncoder().encode(submissionJson), 'application/json', r.contentHash);
    const stored: StoredSignature = { ...recorderSignature, role: 'recorder', name: m.recorder.name };
    out.push({ id: r.id, pdfSha256, signatureJson: JSON.stringify(stored), submissionSha256 });
    // The first submission keeps the minutes' id; one made by 重新签署 needs its own (the central system answers an id once).
    outbox.push({ id: earlier.has(r.id) ? randomUUID() : r.id, caseId: r.caseId, payloadJson: submissionJson });
  }
  parts.repo.saveSignatures(m.id, 'recorder', out, signingTime.toISOString(), { outbox, signed: true });
  // Online with a TSA known: trusted timestamps now (the first failure leaves the rest to the sync).
  for (const o of outbox) if ((await ws.sync.stampNow(o.id)).status !== 'stamped') break;
}

/**
 * 重新签署: the minutes whose current submission the central system rejected are opened for
 * signing again — same content, the unsigned PDF rendered anew — and the meeting is back in signing.
 */
export async function reopenRefused(parts: MinutesParts, m: Meeting, rows: MinutesRow[], subs: Map<string, MinutesSubmissionRow[]>): Promise<void> {
  const refused = m.state === 'signed' ? rows.filter((r) => r.recorderSignatureJson && subs.get(r.id)?.at(-1)?.state === 'rejected') : [];
  if (!refused.length) throw new ApiFailure({ code: 'conflict', message: '中心系统未退回本次会议的集体讨论记录，无需重新签署' });
  const reopened: { id: string; pdfSha256: string }[] = [];
  for (const r of refused) {
    const { doc } = await renderMinutes(MinutesContent.parse(JSON.parse(r.contentJson)), r.contentHash);
    reopened.push({ id: r.id, pdfSha256: await storeDerivedBlob(parts.ws, await doc.save({ useObjectStreams: false }), 'application/pdf', r.contentHash) });
  }
  parts.repo.reopenSigning(m.id, reopened, new Date().toISOString());
}
