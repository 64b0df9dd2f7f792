// meetings.* — 负责人集体讨论 (issue 7): set-up, the running meeting (presenter), the audience
// screen (masked in the back end, no way to unmask), opinions, conclusions and signed minutes.
// Every call saves at once: a meeting interrupted (app closed, power lost) resumes where it stopped.
import { z } from 'zod';
import { call } from './define';
import { isoDate } from '../casefile/schema';
import type { KeySummary, OpinionExport } from './opinions';
import type { MinutesContent } from '../meeting/minutes-content';
import type { AudienceView } from '../meeting/slides';
import { AttendeeOpinionInput, ConclusionInput, EvidenceFocus, MeetingSetupInput, Topic, type Meeting, type MeetingSummary, type MinutesRecord, type MinutesSignerRole } from '../meeting/schema';

export type { Meeting, MeetingSummary, MinutesRecord, MinutesSignerRole, AudienceView, MinutesContent };

export interface MinutesDocumentPreview {
  caseId: string;
  caseNumber: string;
  content: MinutesContent;
  contentHash: string;
  /** The PDF exactly as it will be signed, as a blob. */
  pdfSha256: string;
  docxSha256: string;
}

export interface MinutesPreview {
  meetingId: string;
  /** One 集体讨论记录 per agenda case, in agenda order. */
  documents: MinutesDocumentPreview[];
  /** sha256 over the documents' content hashes: what signMinutes must be given. */
  setHash: string;
  /** Frozen once the first signer has signed (later previews return the same content). */
  frozen: boolean;
  /** Roles that have signed already. */
  signed: MinutesSignerRole[];
}

export interface MinutesSignerView {
  role: MinutesSignerRole;
  /** 记录人 / 主持人 */
  roleLabel: string;
  name: string;
  post: string;
  /** The person's active signing key on this workstation, if any. */
  key: KeySummary | null;
  /** The person is this workstation's reviewer and signs with the reviewer's own key. */
  usesReviewerKey: boolean;
  /** How a new key for this person would be protected. */
  protection: 'passphrase' | 'os';
  signed: boolean;
  /**
   * Who signs the submission to the central system: always the workstation's reviewer (name null
   * while the reviewer profile is not filled in), with the key the central system registers. The
   * same on every signer; without a key nothing can be signed.
   */
  submitter: { name: string | null; key: KeySummary | null };
}

/** One case's minutes file copied out (meetings.exportMinutes). */
export interface MinutesExport extends OpinionExport {
  minutesId: string;
  caseNumber: string;
  /** Signed by at least the host (false: the unsigned preview). */
  signed: boolean;
}

/**
 * A case's 集体讨论记录 signed by both, or whose signing has started (the host has signed), with the
 * review conclusion it prints (meetings.citingMinutes): what 撤回结论 warns about.
 */
export interface MinutesCitation {
  minutesId: string;
  meetingId: string;
  meetingTitle: string;
  /** The day the meeting was held (ISO date). */
  date: string;
  /** The review conclusion the minutes print (the one the meeting decided on). */
  review: { round: number; type: string; text: string };
  /** 'both': signed by the host and the recorder (closed); 'host': signing started. */
  signed: 'host' | 'both';
}

const id = z.string().min(1).max(200);

/**
 * A meeting's audience token (投屏授权): read-only, for one meeting. With it only that meeting's
 * `meetings.audience` and the pictures it shows can be read; it ends when the meeting ends or the
 * workstation locks or stops. Carried in the audience page's address instead of the session token.
 */
export const AudienceToken = z.string().regex(/^aud_[A-Za-z0-9_-]{43}$/, '投屏授权无效');

export interface AudienceGrant {
  token: string;
  meetingId: string;
}
const role = z.enum(['recorder', 'host']);
const passphrase = z.string().min(8, '口令至少 8 个字符').max(200);

export const meetingsApi = {
  'meetings.list': call<MeetingSummary[]>()(z.object({ state: z.enum(['draft', 'running', 'ended', 'signed']).optional() }).strict()),
  'meetings.get': call<Meeting>()(z.object({ id }).strict()),
  /** Set up a meeting (draft). Only cases whose review is concluded may be on the agenda. */
  'meetings.create': call<Meeting>()(MeetingSetupInput),
  /** Change the set-up while the meeting is a draft (the whole set-up is replaced). */
  'meetings.update': call<Meeting>()(z.object({ id, setup: MeetingSetupInput }).strict()),
  /** Delete a draft meeting (a meeting that has started is a record and is kept). */
  'meetings.delete': call<{ id: string }>()(z.object({ id }).strict()),
  /**
   * Start: checks the quorum, records the start time, shows the first case's summary. A meeting
   * dated another day than today is refused unless `onDate` is today: the secretary has confirmed
   * holding it today, and the meeting is re-dated to today (the minutes carry the day it was held).
   */
  'meetings.start': call<Meeting>()(z.object({ id, onDate: isoDate.optional() }).strict()),
  /** The presenter moves to an agenda item / topic (and, on 关键证据, an evidence item, page, highlight). */
  'meetings.navigate': call<Meeting>()(
    z.object({ id, agendaIndex: z.number().int().min(0).max(19), topic: Topic, evidence: EvidenceFocus.nullable().optional() }).strict(),
  ),
  /** The audience screen as it should look now. Always masked; there is no option to unmask. */
  'meetings.audience': call<AudienceView>()(z.object({ id }).strict()),
  /** A read-only audience token for this meeting (draft or running): the browser's audience page address carries it. */
  'meetings.audienceToken': call<AudienceGrant>()(z.object({ id }).strict()),
  /** The recorder enters one attendee's opinion on one case (同意 / 不同意 / 补充意见 + text); replaces an earlier one. */
  'meetings.recordOpinion': call<Meeting>()(z.object({ id, caseId: id, attendeeId: z.string().min(1).max(40), opinion: AttendeeOpinionInput }).strict()),
  /** Clear one attendee's opinion on one case, recorded by mistake (until the minutes are first signed). */
  'meetings.clearOpinion': call<Meeting>()(z.object({ id, caseId: id, attendeeId: z.string().min(1).max(40) }).strict()),
  /** The recorder's record of the discussion of a case (讨论情况); saved as typed. */
  'meetings.recordNotes': call<Meeting>()(z.object({ id, caseId: id, notes: z.string().max(50_000) }).strict()),
  /** 结论性意见 of a case; a decision that differs from the review opinion needs its reason. Checks the quorum of heads who gave an opinion. */
  'meetings.conclude': call<Meeting>()(z.object({ id, caseId: id, conclusion: ConclusionInput }).strict()),
  /** End the meeting (every agenda case concluded); the end time is recorded. */
  'meetings.end': call<Meeting>()(z.object({ id }).strict()),
  /** Render the minutes (one 集体讨论记录 per case) exactly as they will be signed. */
  'meetings.previewMinutes': call<MinutesPreview>()(z.object({ id }).strict()),
  /** Who signs the minutes, and whether each has a key on this workstation. */
  'meetings.signers': call<MinutesSignerView[]>()(z.object({ id }).strict()),
  /** Create the signing key of the recorder or host (certificate in their name; the reviewer's own key is used when the person is the reviewer). */
  'meetings.createSignerKey': call<MinutesSignerView[]>()(z.object({ id, role, passphrase: passphrase.optional() }).strict()),
  /**
   * Sign every case's minutes: the host first, then the recorder (incremental PDF signature over
   * the host's), who closes the record; after the recorder signs, each case's minutes go to the
   * outbox (kind 'minutes'), the submission signed with the reviewer's key (`submitterPassphrase`
   * when the recorder is someone else and that key is protected by a passphrase). Refused before
   * anything is signed when the reviewer has no active key.
   */
  'meetings.signMinutes': call<MinutesRecord[]>()(
    z.object({ id, role, setHash: z.string().regex(/^[0-9a-f]{64}$/), passphrase: passphrase.optional(), submitterPassphrase: passphrase.optional() }).strict(),
  ),
  /**
   * 重新签署 after the central system refused the minutes: the same locked content is signed again by
   * the host and the recorder, and goes out under a new submission id; the refused one stays listed.
   * Only minutes whose current submission was rejected are opened for signing again.
   */
  'meetings.resignMinutes': call<MinutesRecord[]>()(z.object({ id }).strict()),
  /** The minutes files of a meeting (or of all meetings when id is omitted), signed or in signing. */
  /** The case's minutes signed or in signing, with the review conclusion each prints (for the 撤回结论 warning). */
  'meetings.citingMinutes': call<MinutesCitation[]>()(z.object({ caseId: id }).strict()),
  'meetings.minutes': call<MinutesRecord[]>()(z.object({ id: id.optional(), caseId: id.optional() }).strict()),
  /**
   * Copy one case's minutes out (下载 PDF / Word / 提交件), signed or not: an export (APPROVABLE_CALLS),
   * refused without an approval when the policy requires one, and logged.
   */
  'meetings.exportMinutes': call<MinutesExport>()(z.object({ id, caseId: id, kind: z.enum(['pdf', 'docx', 'submission'], { message: '下载类型应为 pdf、docx 或 submission' }) }).strict()),
} as const;
