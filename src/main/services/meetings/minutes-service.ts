// 集体讨论记录: preview (one document per agenda case, rendered by the opinion's pipeline), then
// signatures in order — the host (minutes-signing.ts), then the recorder, whose signature completes
// the submission to the central system (minutes-submission.ts, with 重新签署 of refused minutes).
// What is signed and submitted is read from the rows by minutes-state.ts. This service is the
// entry point: it checks the meeting's state and the preview before handing on.
import { randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/api/result';
import type { MinutesCitation, MinutesPreview, MinutesSignerView } from '../../../shared/api/meetings';
import { canonicalJson } from '../../../shared/canonical';
import type { Meeting, MinutesRecord, MinutesSignerRole } from '../../../shared/meeting/schema';
import { DOCX_MIME } from '../../../shared/text/decode';
import type { MinutesRow } from '../../db/repos/meetings';
import type { Workstation } from '../../workstation';
import { renderDocumentDocx } from '../opinion/render-docx';
import { storeDerivedBlob } from './derived-blob';
import { minutesDocument } from './minutes-document';
import { minutesContent, renderMinutes, type MinutesParts } from './minutes-render';
import { signAsHost } from './minutes-signing';
import { hashOf, inSigning, isLocked, minutesCiting, minutesRecords, previewOf, signedBy, submissionsOf } from './minutes-state';
import { reopenRefused, signAsRecorder } from './minutes-submission';
import type { MeetingService } from './service';
import type { SignerKeys } from './signer-keys';

const ROLE_LABEL: Record<MinutesSignerRole, string> = { host: '主持人', recorder: '记录人' };

export class MinutesService {
  constructor(
    private readonly ws: Workstation,
    private readonly meetings: MeetingService,
    readonly signerKeys: SignerKeys,
  ) {}

  private get repo() {
    return this.meetings.repo;
  }

  private get parts(): MinutesParts {
    return { ws: this.ws, repo: this.repo, signerKeys: this.signerKeys };
  }

  anySigned(meetingId: string): boolean {
    const rows = this.repo.minutes({ meetingId });
    return isLocked(rows, submissionsOf(this.repo, rows));
  }

  records(filter: { meetingId?: string; caseId?: string }): MinutesRecord[] {
    return minutesRecords(this.repo, filter);
  }

  citing(caseId: string): MinutesCitation[] {
    return minutesCiting(this.repo, caseId);
  }

  private ended(id: string): Meeting {
    const m = this.meetings.get(id);
    if (m.state === 'draft' || m.state === 'running') throw new ApiFailure({ code: 'conflict', message: '会议结束后才能生成集体讨论记录' });
    return m;
  }

  async preview(id: string): Promise<MinutesPreview> {
    const m = this.ended(id);
    const existing = this.repo.minutes({ meetingId: id });
    const subs = submissionsOf(this.repo, existing);
    if (isLocked(existing, subs)) return previewOf(m, existing, subs);
    // The minutes print the review the meeting discussed: not when the case's review has changed since.
    this.meetings.checkReviews(id);
    const now = new Date().toISOString();
    const rows: Omit<MinutesRow, 'recorderSignatureJson' | 'hostSignatureJson' | 'submissionSha256'>[] = [];
    for (const a of m.agenda) {
      const content = minutesContent(this.parts, m, a.caseId, { minutesId: randomUUID(), generatedAt: now });
      const hash = hashOf(content);
      const { doc } = await renderMinutes(content, hash);
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
    const saved = this.repo.minutes({ meetingId: id });
    return previewOf(m, saved, submissionsOf(this.repo, saved));
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
    const subs = submissionsOf(this.repo, rows);
    const again = subs.size > 0;
    if (!again) this.meetings.checkReviews(id);
    const preview = rows.length === m.agenda.length ? previewOf(m, rows, subs) : null;
    if (!preview || preview.setHash !== setHash) throw new ApiFailure({ code: 'conflict', message: '请先预览集体讨论记录，再签署预览所示的内容' });
    // Nothing is signed that could not be submitted.
    this.signerKeys.assertSubmitter();
    const pending = inSigning(rows);
    if (role === 'host') await signAsHost(this.parts, m, pending, again, passphrase);
    else await signAsRecorder(this.parts, m, pending, subs, passphrase, submitterPassphrase);
    return this.done(id);
  }

  /** 重新签署: the minutes the central system refused are opened for signing again (minutes-submission.ts). */
  async resign(id: string): Promise<MinutesRecord[]> {
    const m = this.meetings.get(id);
    const rows = this.repo.minutes({ meetingId: id });
    await reopenRefused(this.parts, m, rows, submissionsOf(this.repo, rows));
    return this.done(id);
  }

  /** Announced like every meeting write; the meeting carries its minutes records already. */
  private done(meetingId: string): MinutesRecord[] {
    return this.meetings.changed(meetingId).minutes;
  }
}
