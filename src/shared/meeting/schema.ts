// 负责人集体讨论 (处罚法 Art. 57 ¶2): a meeting of the agency heads deciding one or more reviewed
// cases on one shared screen. The set-up, the running state and every record of the meeting.
import { z } from 'zod';
import { isoDate } from '../casefile/schema';
import { repeatedNames } from './people';
import { QuorumRule } from './quorum';

const name = z.string().trim().min(2, '姓名至少 2 个字').max(40, '姓名过长');
const post = z.string().trim().min(2, '请填写职务').max(60, '职务过长');
const caseId = z.string().min(1).max(200);

/** 出席 = an agency head who takes part in the decision (counts toward the quorum); 列席 = present without a vote. */
export const AttendeeRole = z.enum(['member', 'observer']);
export type AttendeeRole = z.infer<typeof AttendeeRole>;
export const ATTENDEE_ROLE_LABEL: Record<AttendeeRole, string> = { member: '出席', observer: '列席' };

export const AttendeeInput = z.object({ name, post, role: AttendeeRole }).strict();
export type AttendeeInput = z.infer<typeof AttendeeInput>;

/**
 * What the presenter fills in while the meeting is a draft. Host, reporter and recorder are named
 * by the attendee's name (they must be in `attendees`; the host as 出席). The agenda is the ordered
 * list of case ids; only cases whose review is concluded may be on it.
 */
export const MeetingSetupInput = z
  .object({
    title: z.string().trim().min(2, '请填写会议名称').max(100),
    date: isoDate,
    place: z.string().trim().min(2, '请填写会议地点').max(100),
    host: name,
    reporter: name,
    recorder: name,
    attendees: z.array(AttendeeInput).min(1, '请填写出席人员').max(40, '出席人员过多（至多 40 人）'),
    agenda: z.array(caseId).min(1, '议程至少包含一个案件').max(20, '一次会议至多讨论 20 个案件'),
    quorum: QuorumRule,
  })
  .strict()
  .superRefine((s, ctx) => {
    // Compared as the same person (full-width and inner spaces ignored), as the form's live check counts them.
    for (const i of repeatedNames(s.attendees.map((a) => a.name))) {
      ctx.addIssue({ code: 'custom', path: ['attendees', i, 'name'], message: `出席人员重名：${s.attendees[i]!.name}（请加以区分，如“王伟（副局长）”）` });
    }
    const role = (n: string) => s.attendees.find((a) => a.name === n)?.role;
    if (role(s.host) !== 'member') ctx.addIssue({ code: 'custom', path: ['host'], message: `主持人“${s.host}”须列入出席人员（出席，而非列席）` });
    if (!role(s.reporter)) ctx.addIssue({ code: 'custom', path: ['reporter'], message: `汇报人“${s.reporter}”须列入出席或列席人员` });
    if (!role(s.recorder)) ctx.addIssue({ code: 'custom', path: ['recorder'], message: `记录人“${s.recorder}”须列入出席或列席人员` });
    if (s.host === s.recorder) ctx.addIssue({ code: 'custom', path: ['recorder'], message: '记录人与主持人不能是同一人（记录须由两人分别签署）' });
    const cases = new Set<string>();
    s.agenda.forEach((c, i) => {
      if (cases.has(c)) ctx.addIssue({ code: 'custom', path: ['agenda', i], message: '同一案件在议程中重复' });
      cases.add(c);
    });
  });
export type MeetingSetupInput = z.infer<typeof MeetingSetupInput>;

export const MeetingState = z.enum(['draft', 'running', 'ended', 'signed']);
export type MeetingState = z.infer<typeof MeetingState>;
export const MEETING_STATE_LABEL: Record<MeetingState, string> = { draft: '筹备中', running: '进行中', ended: '已结束（待签署记录）', signed: '记录已签署' };

/** One screen of the audience view per topic, in this order (issue 7). */
export const Topic = z.enum(['summary', 'timeline', 'facts', 'evidence', 'review', 'discretion', 'decision']);
export type Topic = z.infer<typeof Topic>;
export const TOPICS: readonly Topic[] = Topic.options;
export const TOPIC_LABEL: Record<Topic, string> = {
  summary: '案件概况',
  timeline: '办案经过',
  facts: '查明的事实',
  evidence: '关键证据',
  review: '法制审核意见',
  discretion: '裁量分析',
  decision: '待决事项',
};

/** Which evidence the 关键证据 screen shows: an item, a page of it, and optionally a highlight to zoom to. */
export const EvidenceFocus = z
  .object({
    itemId: z.string().min(1).max(200),
    page: z.number().int().positive().max(100_000).optional(),
    annotationId: z.string().min(1).max(200).optional(),
  })
  .strict();
export type EvidenceFocus = z.infer<typeof EvidenceFocus>;

/** Where the presenter is: the agenda item and the topic the audience sees. */
export const MeetingPosition = z
  .object({
    agendaIndex: z.number().int().min(0).max(19),
    topic: Topic,
    evidence: EvidenceFocus.nullable().default(null),
  })
  .strict();
export type MeetingPosition = z.infer<typeof MeetingPosition>;

export const OpinionKind = z.enum(['同意', '不同意', '补充意见']);
export type OpinionKind = z.infer<typeof OpinionKind>;

/**
 * What an attendee's 同意 / 不同意 is about, as buttons and the minutes say it: the 法制审核意见 the
 * meeting decides on (MeetingCase.review; the conclusion records whether it is followed). A bare
 * 同意 was ambiguous when the review said 建议纠正. The kind itself is stored and signed short.
 */
export const OPINION_KIND_LABEL: Record<OpinionKind, string> = { 同意: '同意法制审核意见', 不同意: '不同意法制审核意见', 补充意见: '补充意见' };

/** Longest opinion text the record keeps (the form counts toward it instead of cutting a paste). */
export const OPINION_TEXT_MAX = 5000;

export const AttendeeOpinionInput = z
  .object({
    kind: OpinionKind,
    text: z.string().trim().max(OPINION_TEXT_MAX, `意见过长（至多 ${OPINION_TEXT_MAX} 字），请删减后再记录`).default(''),
  })
  .strict()
  .superRefine((o, ctx) => {
    if (o.kind !== '同意' && o.text.length < 2) ctx.addIssue({ code: 'custom', path: ['text'], message: `“${OPINION_KIND_LABEL[o.kind]}”须写明具体意见` });
  });

export const ConclusionInput = z
  .object({
    /** 结论性意见 */
    text: z.string().trim().min(4, '请写明结论性意见').max(10_000),
    /** Does the heads' decision follow the legal-review opinion (法制审核意见)? */
    followsReview: z.boolean(),
    /** 与审核意见不同的理由 — required when followsReview is false. */
    differingReason: z.string().trim().max(10_000).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.followsReview && (c.differingReason ?? '').length < 4)
      ctx.addIssue({ code: 'custom', path: ['differingReason'], message: '集体讨论决定与法制审核意见不一致，须写明理由' });
  });

// ---- what the back end answers ----

export interface Attendee {
  /** Stable within the meeting (assigned by the back end): a1, a2, … */
  id: string;
  name: string;
  post: string;
  role: AttendeeRole;
}

export interface AttendeeOpinion {
  attendeeId: string;
  kind: OpinionKind;
  text: string;
  recordedAt: string;
}

export interface CaseConclusion {
  text: string;
  followsReview: boolean;
  differingReason: string | null;
  concludedAt: string;
}

/** One agenda item as the presenter sees it (unmasked: the presenter's laptop, not the shared screen). */
export interface MeetingCase {
  caseId: string;
  caseNumber: string;
  /** e.g. 当涂县华联副食店销售过期食品案 */
  name: string;
  cause: string;
  round: number;
  revisionHash: string;
  /** The concluded review this meeting decides on. */
  review: { type: string; text: string; concludedAt: string };
  /** 讨论情况 recorded by the recorder (the discussion, beyond the individual opinions). */
  notes: string;
  opinions: AttendeeOpinion[];
  conclusion: CaseConclusion | null;
}

export interface QuorumStatus {
  met: boolean;
  /** Members (出席) counted. */
  present: number;
  required: number;
  /** zh-CN, e.g. "出席负责人 3 人，规则要求至少 3 人（负责人 5 人的三分之二以上，向上取整）" */
  text: string;
}

export type MinutesSignerRole = 'recorder' | 'host';

export interface MinutesRecord {
  minutesId: string;
  meetingId: string;
  caseId: string;
  caseNumber: string;
  contentHash: string;
  /** The latest PDF: unsigned preview, signed by the host, then also by the recorder (incremental update). */
  pdfSha256: string | null;
  docxSha256: string;
  /** The signed submission JSON (set once both have signed: the reviewer, as submitter, signs it). */
  submissionSha256: string | null;
  signatures: { role: MinutesSignerRole; name: string; keyId: string; signedAt: string }[];
  /** Outbox state of the current signatures' submission ('not_queued' before, and while signing again). */
  submission: MinutesSubmissionState;
  /** Every submission of these minutes, oldest first: one refused by the central system stays listed with its reason after 重新签署. */
  submissions: { submissionId: string; state: Exclude<MinutesSubmissionState, 'not_queued'>; reason: string | null; at: string }[];
}

export type MinutesSubmissionState = 'not_queued' | 'queued' | 'sent' | 'accepted' | 'rejected' | 'stale';

export interface Meeting {
  id: string;
  title: string;
  date: string;
  place: string;
  host: Attendee;
  reporter: Attendee;
  recorder: Attendee;
  attendees: Attendee[];
  quorum: QuorumRule;
  quorumStatus: QuorumStatus;
  state: MeetingState;
  /** Null while draft; kept after the meeting ends (the last screen shown). */
  position: MeetingPosition | null;
  agenda: MeetingCase[];
  startedAt: string | null;
  endedAt: string | null;
  /** Bumped by every change: the audience view and the presenter compare it. */
  revision: number;
  createdAt: string;
  updatedAt: string;
  minutes: MinutesRecord[];
}

export interface MeetingSummary {
  id: string;
  title: string;
  date: string;
  place: string;
  state: MeetingState;
  caseCount: number;
  concludedCount: number;
  startedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
}

export type { QuorumRule };
