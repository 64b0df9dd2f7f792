// Reading the state of a meeting's 集体讨论记录 from its rows: which are signed, by whom, whether the
// record is locked, what each submission became — for the records list, the citing warning and the
// preview. Nothing here writes.
import { createHash } from 'node:crypto';
import type { MinutesCitation, MinutesDocumentPreview, MinutesPreview } from '../../../shared/api/meetings';
import { canonicalJson } from '../../../shared/canonical';
import { MinutesContent } from '../../../shared/meeting/minutes-content';
import type { Meeting, MinutesRecord, MinutesSignerRole } from '../../../shared/meeting/schema';
import type { MeetingRepo, MinutesRow, MinutesSubmissionRow } from '../../db/repos/meetings';
import type { DetachedSignature } from '../signing/index';

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
export const hashOf = (c: MinutesContent) => sha256(canonicalJson(c));
const setHashOf = (hashes: string[]) => sha256(hashes.join('\n'));

export interface StoredSignature extends DetachedSignature {
  role: MinutesSignerRole;
  name: string;
}

/** Rows still to be signed: those without the recorder's signature (all, or those opened by 重新签署); none once all are signed. */
export const inSigning = (rows: MinutesRow[]) => rows.filter((r) => !r.recorderSignatureJson);
export const signedBy = (rows: MinutesRow[], role: MinutesSignerRole) => rows.length > 0 && rows.every((r) => (role === 'host' ? r.hostSignatureJson : r.recorderSignatureJson));

/** Submissions per minutes id, oldest first. */
export function submissionsOf(repo: MeetingRepo, rows: MinutesRow[]): Map<string, MinutesSubmissionRow[]> {
  const by = new Map<string, MinutesSubmissionRow[]>();
  for (const s of repo.minutesSubmissions(rows.map((r) => r.id))) by.set(s.minutesId, [...(by.get(s.minutesId) ?? []), s]);
  return by;
}

/** Signed, or submitted before (and now being signed again): the record is locked either way. */
export function isLocked(rows: MinutesRow[], subs: Map<string, MinutesSubmissionRow[]>): boolean {
  return rows.some((r) => r.hostSignatureJson || r.recorderSignatureJson) || subs.size > 0;
}

export function minutesRecords(repo: MeetingRepo, filter: { meetingId?: string; caseId?: string }): MinutesRecord[] {
  const rows = repo.minutes(filter).map((r) => ({ r, content: MinutesContent.parse(JSON.parse(r.contentJson)) }));
  // Meetings in the order they were minuted, each meeting's cases in agenda order.
  rows.sort((a, b) => a.r.createdAt.localeCompare(b.r.createdAt) || a.r.meetingId.localeCompare(b.r.meetingId) || a.content.meeting.agendaNumber - b.content.meeting.agendaNumber);
  const subs = submissionsOf(repo, rows.map(({ r }) => r));
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
export function minutesCiting(repo: MeetingRepo, caseId: string): MinutesCitation[] {
  const rows = repo.minutes({ caseId });
  const submitted = submissionsOf(repo, rows);
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

/** The preview of the rows as stored: one document per agenda case, the set's hash, locked or not, who has signed. */
export function previewOf(m: Meeting, rows: MinutesRow[], subs: Map<string, MinutesSubmissionRow[]>): MinutesPreview {
  const byCase = new Map(rows.map((r) => [r.caseId, r]));
  const documents: MinutesDocumentPreview[] = m.agenda.map((a) => {
    const r = byCase.get(a.caseId)!;
    return { caseId: a.caseId, caseNumber: a.caseNumber, content: MinutesContent.parse(JSON.parse(r.contentJson)), contentHash: r.contentHash, pdfSha256: r.pdfSha256, docxSha256: r.docxSha256 };
  });
  const pending = inSigning(rows);
  const current = pending.length ? pending : rows;
  const signed = (['host', 'recorder'] as const).filter((role) => signedBy(current, role));
  return { meetingId: m.id, documents, setHash: setHashOf(documents.map((d) => d.contentHash)), frozen: isLocked(rows, subs), signed };
}
