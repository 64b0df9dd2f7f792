// What the audience view (shared screen) receives: one topic per screen, every string already
// masked by the back end (src/shared/privacy/mask.ts). Nothing here is interactive or raw: no file
// paths, no party id numbers, no original evidence blobs — only text and a derived, masked image.
import type { MeetingState, Topic } from './schema';

/** A labelled line, e.g. { label: '当事人', value: '方某' }. */
export interface SlideField {
  label: string;
  value: string;
}

export interface SummarySlide {
  topic: 'summary';
  caseNumber: string;
  /** 案件名称, masked: 当涂县华联副食店（方某）销售过期食品案 */
  caseName: string;
  fields: SlideField[];
  /** 拟处罚 lines, e.g. "罚款 80,000元" */
  penalties: string[];
}

export interface TimelineSlide {
  topic: 'timeline';
  steps: { label: string; date: string | null; note: string | null }[];
  /** e.g. "立案至送审 62 日（法定 90 日）" */
  notes: string[];
}

export interface FactsSlide {
  topic: 'facts';
  paragraphs: string[];
  /** The provisions violated and the penalty basis, as cited. */
  violated: string[];
  legalBasis: string[];
}

export interface EvidenceSlideItem {
  id: string;
  kind: string;
  title: string;
  source: string;
  collectedOn: string;
  proves: string;
}

export interface EvidenceSlide {
  topic: 'evidence';
  /** The evidence list (titles and what each proves). */
  items: EvidenceSlideItem[];
  /** The item the presenter opened, if any. */
  focus: {
    itemId: string;
    title: string;
    kind: string;
    page: number | null;
    /** The highlighted passage (or the page's text), masked. */
    excerpt: string | null;
    note: string | null;
    /**
     * A derived picture of the page or highlighted region with personal data blacked out, as a
     * blob in the local store (fetch with blobUrl). Null when it cannot be shown safely (images
     * and video are never put on the shared screen).
     */
    image: { sha256: string; width: number; height: number } | null;
    /** Why there is no image, when there is none. */
    imageNote: string | null;
  } | null;
}

export interface ReviewSlide {
  topic: 'review';
  /** 同意 / 建议纠正 / 建议补充调查 / 其他意见 */
  opinionType: string;
  opinionText: string;
  /** Points found to have problems, with the reviewer's notes. */
  problems: { point: string; title: string; note: string }[];
  /** e.g. "P1–P10 中 8 项无问题、2 项存在问题" */
  summary: string;
}

export interface DiscretionBand {
  level: '从轻' | '一般' | '从重';
  loFen: number;
  hiFen: number;
}

export interface DiscretionSlide {
  topic: 'discretion';
  /** False when no fine is proposed or the range cannot be determined (reason in `note`). */
  available: boolean;
  note: string | null;
  /** e.g. 《食品安全法》第一百二十四条第一款 */
  article: string | null;
  /** The model used, e.g. 幅度比例模式（从轻为下30%，从重为上30%）. */
  model: string | null;
  rangeText: string | null;
  minFen: number | null;
  maxFen: number | null;
  bands: DiscretionBand[];
  /** This case's proposed fine. */
  caseFen: number | null;
  /** Position of the fine in the range, e.g. "37.5%". */
  position: string | null;
  /** The discretion level stated in the case file (从轻/一般/从重/减轻/不予处罚) and its factors. */
  statedLevel: string;
  factors: string[];
  /** Similar cases (same article) from the local store: case number and fine. */
  similar: { caseNumber: string; fineFen: number }[];
}

export interface DecisionSlide {
  topic: 'decision';
  /** What the meeting is asked to decide, e.g. the proposed decision and the review's suggestion. */
  questions: string[];
  options: string[];
  /** Set once the heads concluded (shown as the outcome on the screen). */
  conclusion: string | null;
}

export type TopicSlide = SummarySlide | TimelineSlide | FactsSlide | EvidenceSlide | ReviewSlide | DiscretionSlide | DecisionSlide;

/** The whole audience screen: header, agenda progress and the current topic. */
export interface AudienceView {
  meetingId: string;
  /** Same as Meeting.revision when this view was built. */
  revision: number;
  title: string;
  state: MeetingState;
  /** A waiting/closing line when the meeting is not running (筹备中 / 会议已结束). */
  banner: string | null;
  agenda: { index: number; caseNumber: string; caseName: string; current: boolean; concluded: boolean }[];
  current: {
    agendaIndex: number;
    topic: Topic;
    topicLabel: string;
    /** 1-based topic number and count, for the slim progress indicator. */
    topicNumber: number;
    topicCount: number;
    slide: TopicSlide;
  } | null;
}
