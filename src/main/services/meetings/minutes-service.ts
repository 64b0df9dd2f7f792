// 集体讨论记录: preview (one document per agenda case, rendered by the opinion's pipeline), then
// signatures in order — the host (first PDF signature, detached signature over the content), then
// the recorder (incremental PDF signature over the host's, and the signed submission that carries
// the host's signature) — then the outbox (kind 'minutes'), stamped at once when a TSA answers.
// Signed files are never rewritten.
import { createHash, randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/api/result';
import type { MinutesCitation, MinutesDocumentPreview, MinutesPreview, MinutesSignerView } from '../../../shared/api/meetings';
import { canonicalJson } from '../../../shared/canonical';
import { buildMinutesContent } from '../../../shared/meeting/minutes-build';
import { MINUTES_SUBMISSION_SCHEMA, MinutesContent, type MinutesSubmission } from '../../../shared/meeting/minutes-content';
import type { Meeting, MinutesRecord, MinutesSignerRole } from '../../../shared/meeting/schema';
import type { MinutesRow } from '../../db/repos/meetings';
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

export class MinutesService {
  constructor(
    private readonly ws: Workstation,
    private readonly meetings: MeetingService,
    readonly signerKeys: SignerKeys,
  ) {}

  private get repo() {
    return this.meetings.repo;
  }

  anySigned(meetingId: string): boolean {
    return this.repo.minutes({ meetingId }).some((r) => r.hostSignatureJson || r.recorderSignatureJson);
  }

  records(filter: { meetingId?: string; caseId?: string }): MinutesRecord[] {
    const rows = this.repo.minutes(filter).map((r) => ({ r, content: MinutesContent.parse(JSON.parse(r.contentJson)) }));
    // Meetings in the order they were minuted, each meeting's cases in agenda order.
    rows.sort((a, b) => a.r.createdAt.localeCompare(b.r.createdAt) || a.r.meetingId.localeCompare(b.r.meetingId) || a.content.meeting.agendaNumber - b.content.meeting.agendaNumber);
    const states = this.repo.outboxStates(rows.map(({ r }) => r.id));
    return rows.map(({ r, content }) => {
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
        submission: states.get(r.id) ?? 'not_queued',
      };
    });
  }

  /**
   * A case's minutes signed by both or by the host so far, oldest first, with the review each
   * prints: withdrawing that conclusion leaves them as signed (the renderer warns before 撤回结论).
   */
  citing(caseId: string): MinutesCitation[] {
    return this.repo
      .minutes({ caseId })
      .filter((r) => r.hostSignatureJson || r.recorderSignatureJson)
      .map((r) => {
        const c = MinutesContent.parse(JSON.parse(r.contentJson));
        return {
          minutesId: r.id,
          meetingId: r.meetingId,
          meetingTitle: c.meeting.title,
          date: c.meeting.date,
          review: c.review,
          signed: r.hostSignatureJson && r.recorderSignatureJson ? ('both' as const) : ('host' as const),
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

  private preview_(m: Meeting, rows: MinutesRow[]): MinutesPreview {
    const byCase = new Map(rows.map((r) => [r.caseId, r]));
    const documents: MinutesDocumentPreview[] = m.agenda.map((a) => {
      const r = byCase.get(a.caseId)!;
      return { caseId: a.caseId, caseNumber: a.caseNumber, content: MinutesContent.parse(JSON.parse(r.contentJson)), contentHash: r.contentHash, pdfSha256: r.pdfSha256, docxSha256: r.docxSha256 };
    });
    const signed: MinutesSignerRole[] = [];
    if (rows.length && rows.every((r) => r.hostSignatureJson)) signed.push('host');
    if (rows.length && rows.every((r) => r.recorderSignatureJson)) signed.push('recorder');
    return { meetingId: m.id, documents, setHash: setHashOf(documents.map((d) => d.contentHash)), frozen: rows.some((r) => r.hostSignatureJson), signed };
  }

  async preview(id: string): Promise<MinutesPreview> {
    const m = this.ended(id);
    const existing = this.repo.minutes({ meetingId: id });
    if (existing.some((r) => r.hostSignatureJson)) return this.preview_(m, existing);
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
        signed: rows.length > 0 && rows.every((r) => (role === 'host' ? r.hostSignatureJson : r.recorderSignatureJson)),
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

  async sign(id: string, role: MinutesSignerRole, setHash: string, passphrase?: string): Promise<MinutesRecord[]> {
    const m = this.meetings.get(id);
    if (m.state === 'signed') throw new ApiFailure({ code: 'conflict', message: '集体讨论记录已由主持人和记录人签署完毕' });
    if (m.state !== 'ended') throw new ApiFailure({ code: 'conflict', message: '会议结束后才能签署集体讨论记录' });
    this.meetings.checkReviews(id);
    const rows = this.repo.minutes({ meetingId: id });
    const preview = rows.length === m.agenda.length ? this.preview_(m, rows) : null;
    if (!preview || preview.setHash !== setHash) throw new ApiFailure({ code: 'conflict', message: '请先预览集体讨论记录，再签署预览所示的内容' });
    if (role === 'host') return this.signAsHost(m, rows, passphrase);
    return this.signAsRecorder(m, rows, passphrase);
  }

  private async unlock(name: string, passphrase?: string): Promise<UnlockedKey & { algorithm: 'ecdsa-p256' | 'ed25519' }> {
    const key = await this.signerKeys.unlock(name, passphrase);
    if (key.algorithm === 'sm2-sm3') throw new ApiFailure({ code: 'conflict', message: 'PDF 签名需要 ECDSA 密钥' });
    return key;
  }

  private async signAsHost(m: Meeting, rows: MinutesRow[], passphrase?: string): Promise<MinutesRecord[]> {
    if (rows.some((r) => r.hostSignatureJson)) throw new ApiFailure({ code: 'conflict', message: '主持人已签署' });
    // The record must still say what the preview showed.
    const contents = rows.map((r) => {
      const stored = MinutesContent.parse(JSON.parse(r.contentJson));
      if (hashOf(this.content(m, r.caseId, { minutesId: stored.minutesId, generatedAt: stored.generatedAt })) !== r.contentHash)
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

  private async signAsRecorder(m: Meeting, rows: MinutesRow[], passphrase?: string): Promise<MinutesRecord[]> {
    if (rows.some((r) => !r.hostSignatureJson)) throw new ApiFailure({ code: 'conflict', message: '请主持人先签署，记录人最后签署并提交' });
    const key = await this.unlock(m.recorder.name, passphrase);
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
      const payload: MinutesSubmission = {
        schema: MINUTES_SUBMISSION_SCHEMA,
        case: { id: content.case.id, revisionHash: content.case.revisionHash },
        minutes: content,
        minutesHash: r.contentHash,
        hostSignature,
        pdfSha256,
      };
      const detached = await signDetached(payload, key, { now: signingTime });
      const submission: SignedSubmission = { format: 'fashen-signed-submission', version: 1, content: payload, signature: detached };
      const submissionJson = JSON.stringify(submission, null, 2);
      const submissionSha256 = await storeDerivedBlob(this.ws, new TextEncoder().encode(submissionJson), 'application/json', r.contentHash);
      const stored: StoredSignature = { ...detached, role: 'recorder', name: m.recorder.name };
      out.push({ id: r.id, pdfSha256, signatureJson: JSON.stringify(stored), submissionSha256 });
      outbox.push({ id: r.id, caseId: r.caseId, payloadJson: submissionJson });
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
