// Findings: what an automatic check tells the reviewer about one statutory review point.
// The reviewer decides; a finding never decides for them (DESIGN.md §5).
import type { WorkingDayCalendar } from '../calendar/working-days';
import type { CasePackage } from '../casefile/schema';
import type { RuleSet } from './rule-data';

export const POINT_IDS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10'] as const;
export type PointId = (typeof POINT_IDS)[number];

export type Severity = 'ok' | 'warn' | 'fail' | 'info';

export interface LegalBasisRef {
  law: string;
  article: string;
  note?: string;
}

export interface FindingRef {
  kind: 'document' | 'evidence' | 'field' | 'officer' | 'party';
  id: string;
  label?: string;
}

/** What a check produces; runChecks gives each a stable id. */
export interface FindingDraft {
  point: PointId;
  /** Stable id, e.g. 'P3.decision-within-90-days'. */
  check: string;
  severity: Severity;
  /** zh-CN */
  message: string;
  /** The arithmetic shown to the reviewer, e.g. "立案 2026-03-02 + 90日 = 2026-05-31；…". */
  computation?: string;
  basis: LegalBasisRef[];
  refs: FindingRef[];
}

export interface Reviewer {
  officerId?: string;
  name: string;
  legalQualification: boolean;
  firstTimeReviewer?: boolean;
}

export interface SimilarCase {
  caseId: string;
  caseNumber: string;
  /** See caseArticleKey(): e.g. "食品安全法第124条第5项". */
  articleKey: string;
  fineFen: number;
}

export type FileState = 'ok' | 'tampered' | 'missing';

export interface CheckInput {
  pkg: CasePackage;
  rules: RuleSet;
  calendar: WorkingDayCalendar;
  /** ISO date in China time. */
  today: string;
  reviewer?: Reviewer;
  similarCases?: SimilarCase[];
  /** sha256 → state, from the blob store's verification. */
  fileStates?: Record<string, FileState>;
}

export interface Finding extends FindingDraft {
  /**
   * Unique within one run: the check id, plus "#n" for the n-th further finding of the same check
   * (e.g. 'P4.elements', 'P4.elements#2'). Overrides are keyed by it.
   */
  id: string;
}

export type Check = (input: CheckInput) => FindingDraft[];
