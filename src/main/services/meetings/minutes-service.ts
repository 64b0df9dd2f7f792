// 集体讨论记录: preview (one document per agenda case, rendered by the opinion's pipeline), then
// signatures in order — the host (first PDF signature, detached signature over the content), then
// the recorder (incremental PDF signature over the host's, detached signature over the content) —
// then the outbox (kind 'minutes'), stamped at once when a TSA answers. The submission is signed by
// the workstation's reviewer whoever recorded: only the reviewer's key is registered at the central
// system, which checks the host's and recorder's signatures carried inside on that signature's word.
// Signed files are never rewritten. Minutes the central system refused can be signed again
// (重新签署): the same locked content, new signatures, a new submission id.
import { createHash, randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/api/result';
import type { MinutesCitation, MinutesDocumentPreview, MinutesPreview, MinutesSignerView } from '../../../shared/api/meetings';
import { canonicalJson } from '../../../shared/canonical';
import { buildMinutesContent } from '../../../shared/meeting/minutes-build';
import { MINUTES_SUBMISSION_SCHEMA, MinutesContent, type MinutesSubmission } from '../../../shared/meeting/minutes-content';
import type { Meeting, MinutesRecord, MinutesSignerRole } from '../../../shared/meeting/schema';
import type { MinutesRow, MinutesSubmissionRow } from '../../db/repos/meetings';
import type { Workstation } from '../../workstation';
import { renderDocumentDocx } from '../opinion/render-docx';
import { renderDocumentPdf } from '../opinion/render-pdf';
import { addSignature, signDetached, signPdf, type DetachedSignature, type SignedSubmission, type UnlockedKey } from '../signing/index';
import { storeDerivedBlob } from './derived-blob';
import { minutesDocument } from './minutes-document';
import type { MeetingService } from './service';
import type { SignerKeys } from './signer-keys';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ROLE_LABEL: Record<MinutesSignerRole, string> = { host: '主持人', recorder: '记录人' };

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const hashOf = (c: MinutesContent) => sha256(canonicalJson(c));
const setHashOf = (hashes: string[]) => sha256(hashes.join('\n'));

interface StoredSignature extends DetachedSignature {
  role: MinutesSignerRole;
  name: string;
}

/** Rows still to be signed: those without the recorder's signature (all, or those opened by 重新签署); none once all are signed. */
const inSigning = (rows: MinutesRow[]) => rows.filter((r) => !r.recorderSignatureJson);
const signedBy = (rows: MinutesRow[], role: MinutesSignerRole) => rows.length > 0 && rows.every((r) => (role === 'host' ? r.hostSignatureJson : r.recorderSignatureJson));

export class MinutesService {
  constructor(
    private readonly ws: Workstation,
    private readonly meetings: MeetingService,
    readonly signerKeys: SignerKeys,
  ) {}

  private get repo() {
    return this.meetings.repo;
  }

  /** Submissions per minutes id, oldest first. */
  private submissions(rows: MinutesRow[]): Map<string, MinutesSubmissionRow[]> {
    const by = new Map<string, MinutesSubmissionRow[]>();
    for (const s of this.repo.minutesSubmissions(rows.map((r) => r.id))) by.set(s.minutesId, [...(by.get(s.minutesId) ?? []), s]);
    return by;
  }

  /** Signed, or submitted before (and now being signed again): the record is locked either way. */
  private locked(rows: MinutesRow[], subs = this.submissions(rows)): boolean {
    return rows.some((r) => r.hostSignatureJson || r.recorderSignatureJson) || subs.size > 0;
  }

  anySigned(meetingId: string): boolean {
    return this.locked(this.repo.minutes({ meetingId }));
  }

  records(filter: { meetingId?: string; caseId?: string }): MinutesRecord[] {
    const rows = this.repo.minutes(filter).map((r) => ({ r, content: MinutesContent.parse(JSON.parse(r.contentJson)) }));
    // Meetings in the order they were minuted, each meeting's cases in agenda order.
    rows.sort((a, b) => a.r.createdAt.localeCompare(b.r.createdAt) || a.r.meetingId.localeCompare(b.r.meetingId) || a.content.meeting.agendaNumber - b.content.meeting.agendaNumber);
    const subs = this.submissions(rows.map(({ r }) => r));
    return rows.map(({ r, content }) => {
      const mine = subs.get(r.id) ?? [];
      const sigs = [r.hostSignatureJson, r.recorderSignatureJson].filter((s): s is string => !!s).map((s) => JSON.parse(s) as StoredSignature);
      return {
        minutesId: r.id,
        meetingId: r.meetingId,
        caseId: r.caseId,
        caseNumber: content.case.caseNumber,
        contentHash: r.contentHash,
        pdfSha256: r.pdfSha256,
        docxSha256: r.docxSha256,
        submissionSha256: r.submissionSha256,
        signatures: sigs.map((s) => ({ role: s.role, name: s.name, keyId: s.keyId, signedAt: s.signedAt })),
        // The current signatures' submission is the latest; while signing again there is none yet.
        submission: r.recorderSignatureJson ? (mine.at(-1)?.state ?? 'not_queued') : 'not_queued',
        submissions: mine.map((s) => ({ submissionId: s.id, state: s.state, reason: s.state === 'rejected' || s.state === 'stale' ? s.lastError : null, at: s.updatedAt })),
      };
    });
  }

  /**
   * A case's minutes signed by both or by the host so far, oldest first, with the review each
   * prints: withdrawing that conclusion leaves them as signed (the renderer warns before 撤回结论).
   */
  citing(caseId: string): MinutesCitation[] {
    const rows = this.repo.minutes({ caseId });
    const submitted = this.submissions(rows);
    return rows
      .filter((r) => r.hostSignatureJson || r.recorderSignatureJson || submitted.has(r.id))
      .map((r) => {
        const c = MinutesContent.parse(JSON.parse(r.contentJson));
        return {
          minutesId: r.id,
          meetingId: r.meetingId,
          meetingTitle: c.meeting.title,
          date: c.meeting.date,
          review: c.review,
          // Minutes being signed again after a refusal were signed by both once.
          signed: (r.hostSignatureJson && r.recorderSignatureJson) || submitted.has(r.id) ? ('both' as const) : ('host' as const),
        };
      });
  }

  private ended(id: string): Meeting {
    const m = this.meetings.get(id);
    if (m.state === 'draft' || m.state === 'running') throw new ApiFailure({ code: 'conflict', message: '会议结束后才能生成集体讨论记录' });
    return m;
  }

  /**
   * The content of one case's minutes from the record as it stands, with the given identity. `m` is
   * built from the meeting's case rows: its agenda item already carries the round and the review
   * snapshot taken at the start (buildMeeting), so the rows are not read again here.
   */
  private content(m: Meeting, caseId: string, meta: { minutesId: string; generatedAt: string }): MinutesContent {
    const cf = this.ws.views.get(caseId);
    if (!cf) throw new ApiFailure({ code: 'not_found', message: `找不到案件：${caseId}` });
    const item = m.agenda.find((a) => a.caseId === caseId)!;
    const review = { round: item.round, type: item.review.type, text: item.review.text };
    // The revision decided on: its hash is fixed at the start; a later revision does not change the record.
    const revision = item.revisionHash === cf.revisionHash ? cf.revision : (this.repo.revisionNumber(caseId, item.revisionHash) ?? cf.revision);
    return MinutesContent.parse(buildMinutesContent(m, caseId, cf, { ...meta, review, revision }));
  }

  private async render(content: MinutesContent, hash: string) {
    const generated = new Date(content.generatedAt);
    return renderDocumentPdf(minutesDocument(content, { contentHash: hash }), Number.isNaN(generated.getTime()) ? {} : { date: generated });
  }

  /** `subs`: the rows' submissions, when the caller has read them already. */
  private preview_(m: Meeting, rows: MinutesRow[], subs = this.submissions(rows)): MinutesPreview {
    const byCase = new Map(rows.map((r) => [r.caseId, r]));
    const documents: MinutesDocumentPreview[] = m.agenda.map((a) => {
      const r = byCase.get(a.caseId)!;
      return { caseId: a.caseId, caseNumber: a.caseNumber, content: MinutesContent.parse(JSON.parse(r.contentJson)), contentHash: r.contentHash, pdfSha256: r.pdfSha256, docxSha256: r.docxSha256 };
    });
    const pending = inSigning(rows);
    const current = pending.length ? pending : rows;
    const signed = (['host', 'recorder'] as const).filter((role) => signedBy(current, role));
    return { meetingId: m.id, documents, setHash: setHashOf(documents.map((d) => d.contentHash)), frozen: this.locked(rows, subs), signed };
  }

  async preview(id: string): Promise<MinutesPreview> {
    const m = this.ended(id);
    const existing = this.repo.minutes({ meetingId: id });
    const subs = this.submissions(existing);
    if (this.locked(existing, subs)) return this.preview_(m, existing, subs);
    // The minutes print the review the meeting discussed: not when the case's review has changed since.
    this.meetings.checkReviews(id);
    const now = new Date().toISOString();
    const rows: Omit<MinutesRow, 'recorderSignatureJson' | 'hostSignatureJson' | 'submissionSha256'>[] = [];
    for (const a of m.agenda) {
      const content = this.content(m, a.caseId, { minutesId: randomUUID(), generatedAt: now });
      const hash = hashOf(content);
      const { doc } = await this.render(content, hash);
      const pdf = await doc.save({ useObjectStreams: false });
      const docx = await renderDocumentDocx(minutesDocument(content, { contentHash: hash }));
      rows.push({
        id: content.minutesId,
        meetingId: id,
        caseId: a.caseId,
        contentJson: canonicalJson(content),
        contentHash: hash,
        pdfSha256: await storeDerivedBlob(this.ws, pdf, 'application/pdf', hash),
        docxSha256: await storeDerivedBlob(this.ws, docx, DOCX_MIME, hash),
        createdAt: now,
        updatedAt: now,
      });
    }
    this.repo.savePreview(rows);
    return this.preview_(m, this.repo.minutes({ meetingId: id }));
  }

  signers(id: string): MinutesSignerView[] {
    const m = this.meetings.get(id);
    const rows = this.repo.minutes({ meetingId: id });
    const pending = inSigning(rows);
    const submitter = this.signerKeys.submitterSummary();
    return (['host', 'recorder'] as const).map((role) => {
      const p = role === 'host' ? m.host : m.recorder;
      return {
        role,
        roleLabel: ROLE_LABEL[role],
        name: p.name,
        post: p.post,
        key: this.signerKeys.summary(p.name),
        usesReviewerKey: this.signerKeys.usesReviewerKey(p.name),
        protection: this.signerKeys.protection,
        signed: signedBy(pending.length ? pending : rows, role),
        submitter,
      };
    });
  }

  async createSignerKey(id: string, role: MinutesSignerRole, passphrase?: string): Promise<MinutesSignerView[]> {
    const m = this.meetings.get(id);
    const p = role === 'host' ? m.host : m.recorder;
    if (this.signerKeys.active(p.name)) throw new ApiFailure({ code: 'conflict', message: `${p.name} 已有有效的签名密钥` });
    const agency = this.ws.views.get(m.agenda[0]!.caseId)?.agency.name ?? '未填写单位';
    await this.signerKeys.create({ name: p.name, post: p.post, agency }, passphrase);
    return this.signers(id);
  }

  async sign(id: string, role: MinutesSignerRole, setHash: string, passphrase?: string, submitterPassphrase?: string): Promise<MinutesRecord[]> {
    const m = this.meetings.get(id);
    if (m.state === 'signed') throw new ApiFailure({ code: 'conflict', message: '集体讨论记录已由主持人和记录人签署完毕' });
    if (m.state !== 'ended') throw new ApiFailure({ code: 'conflict', message: '会议结束后才能签署集体讨论记录' });
    const rows = this.repo.minutes({ meetingId: id });
    // Signing again after a refusal: the content was fixed when it was first signed, and is signed as it stands.
    const subs = this.submissions(rows);
    const again = subs.size > 0;
    if (!again) this.meetings.checkReviews(id);
    const preview = rows.length === m.agenda.length ? this.preview_(m, rows, subs) : null;
    if (!preview || preview.setHash !== setHash) throw new ApiFailure({ code: 'conflict', message: '请先预览集体讨论记录，再签署预览所示的内容' });
    // Nothing is signed that could not be submitted.
    this.signerKeys.assertSubmitter();
    const pending = inSigning(rows);
    if (role === 'host') return this.signAsHost(m, pending, again, passphrase);
    return this.signAsRecorder(m, pending, subs, passphrase, submitterPassphrase);
  }

  /**
   * 重新签署: the minutes whose current submission the central system rejected are opened for
   * signing again — same content, the unsigned PDF rendered anew — and the meeting is back in signing.
   */
  async resign(id: string): Promise<MinutesRecord[]> {
    const m = this.meetings.get(id);
    const rows = this.repo.minutes({ meetingId: id });
    const subs = this.submissions(rows);
    const refused = m.state === 'signed' ? rows.filter((r) => r.recorderSignatureJson && subs.get(r.id)?.at(-1)?.state === 'rejected') : [];
    if (!refused.length) throw new ApiFailure({ code: 'conflict', message: '中心系统未退回本次会议的集体讨论记录，无需重新签署' });
    const reopened: { id: string; pdfSha256: string }[] = [];
    for (const r of refused) {
      const { doc } = await this.render(MinutesContent.parse(JSON.parse(r.contentJson)), r.contentHash);
      reopened.push({ id: r.id, pdfSha256: await storeDerivedBlob(this.ws, await doc.save({ useObjectStreams: false }), 'application/pdf', r.contentHash) });
    }
    this.repo.reopenSigning(id, reopened, new Date().toISOString());
    return this.done(id);
  }

  private async unlock(name: string, passphrase?: string): Promise<UnlockedKey & { algorithm: 'ecdsa-p256' | 'ed25519' }> {
    const key = await this.signerKeys.unlock(name, passphrase);
    if (key.algorithm === 'sm2-sm3') throw new ApiFailure({ code: 'conflict', message: 'PDF 签名需要 ECDSA 密钥' });
    return key;
  }

  private async signAsHost(m: Meeting, rows: MinutesRow[], again: boolean, passphrase?: string): Promise<MinutesRecord[]> {
    if (rows.some((r) => r.hostSignatureJson)) throw new ApiFailure({ code: 'conflict', message: '主持人已签署' });
    // The record must still say what the preview showed (signing again: what was signed before, as stored).
    const contents = rows.map((r) => {
      const stored = MinutesContent.parse(JSON.parse(r.contentJson));
      if (!again && hashOf(this.content(m, r.caseId, { minutesId: stored.minutesId, generatedAt: stored.generatedAt })) !== r.contentHash)
        throw new ApiFailure({ code: 'conflict', message: '会议记录在预览后已变更，请重新预览后再签署' });
      return stored;
    });
    const key = await this.unlock(m.host.name, passphrase);
    const signingTime = new Date();
    const out: { id: string; pdfSha256: string; signatureJson: string }[] = [];
    for (const [i, r] of rows.entries()) {
      const content = contents[i]!;
      const detached = await signDetached(content, key, { now: signingTime });
      const { doc, signature } = await this.render(content, r.contentHash);
      const pdf = await signPdf(doc, { privateKey: key.privateKey, chain: key.chain }, {
        signingTime,
        ...(signature ? { rect: signature } : {}),
        reason: 'Collective discussion minutes (host)',
        location: content.agency.code,
        name: `Fashen host ${key.keyId.slice(0, 8)}`,
      });
      const stored: StoredSignature = { ...detached, role: 'host', name: m.host.name };
      out.push({ id: r.id, pdfSha256: await storeDerivedBlob(this.ws, pdf, 'application/pdf', r.contentHash), signatureJson: JSON.stringify(stored) });
    }
    this.repo.saveSignatures(m.id, 'host', out, signingTime.toISOString(), { outbox: [], signed: false });
    return this.done(m.id);
  }

  /** The reviewer's key for the submission: the recorder's own when the reviewer records. */
  private async submitterKey(m: Meeting, recorderKey: UnlockedKey, passphrase?: string): Promise<UnlockedKey> {
    if (this.signerKeys.usesReviewerKey(m.recorder.name)) return recorderKey;
    const { name, key } = this.signerKeys.submitter();
    const label = `审核人员 ${name ?? ''} 的签名密钥`;
    if (key?.protection === 'passphrase' && !passphrase) throw new ApiFailure({ code: 'invalid_input', message: `请输入${label}口令：集体讨论记录由审核人员签名后提交中心系统` });
    try {
      return await this.signerKeys.unlockSubmitter(passphrase);
    } catch (err) {
      if (err instanceof ApiFailure && err.error.code === 'forbidden') throw new ApiFailure({ code: 'forbidden', message: `${label}：${err.message}` });
      throw err;
    }
  }

  /** `earlier`: the submissions these minutes had (a minutes id already used goes out under a new one). */
  private async signAsRecorder(m: Meeting, rows: MinutesRow[], earlier: Map<string, MinutesSubmissionRow[]>, passphrase?: string, submitterPassphrase?: string): Promise<MinutesRecord[]> {
    if (rows.some((r) => !r.hostSignatureJson)) throw new ApiFailure({ code: 'conflict', message: '请主持人先签署，记录人最后签署并提交' });
    // Both keys unlocked before anything is signed.
    const key = await this.unlock(m.recorder.name, passphrase);
    const submitter = await this.submitterKey(m, key, submitterPassphrase);
    const signingTime = new Date();
    const out: { id: string; pdfSha256: string; signatureJson: string; submissionSha256: string }[] = [];
    const outbox: { id: string; caseId: string; payloadJson: string }[] = [];
    for (const r of rows) {
      const content = MinutesContent.parse(JSON.parse(r.contentJson));
      const hostSig = JSON.parse(r.hostSignatureJson!) as StoredSignature;
      const pdf = await addSignature(new Uint8Array(await this.ws.blobs.read(r.pdfSha256)), { privateKey: key.privateKey, chain: key.chain }, {
        signingTime,
        reason: 'Collective discussion minutes (recorder)',
        location: content.agency.code,
        name: `Fashen recorder ${key.keyId.slice(0, 8)}`,
      });
      const pdfSha256 = await storeDerivedBlob(this.ws, pdf, 'application/pdf', r.contentHash);
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
      const submissionSha256 = await storeDerivedBlob(this.ws, new TextEncoder().encode(submissionJson), 'application/json', r.contentHash);
      const stored: StoredSignature = { ...recorderSignature, role: 'recorder', name: m.recorder.name };
      out.push({ id: r.id, pdfSha256, signatureJson: JSON.stringify(stored), submissionSha256 });
      // The first submission keeps the minutes' id; one made by 重新签署 needs its own (the central system answers an id once).
      outbox.push({ id: earlier.has(r.id) ? randomUUID() : r.id, caseId: r.caseId, payloadJson: submissionJson });
    }
    this.repo.saveSignatures(m.id, 'recorder', out, signingTime.toISOString(), { outbox, signed: true });
    // Online with a TSA known: trusted timestamps now (the first failure leaves the rest to the sync).
    for (const o of outbox) if ((await this.ws.sync.stampNow(o.id)).status !== 'stamped') break;
    return this.done(m.id);
  }

  /** Announced like every meeting write; the meeting carries its minutes records already. */
  private done(meetingId: string): MinutesRecord[] {
    return this.meetings.changed(meetingId).minutes;
  }
}
