// review.* and settings.* — the reviewer's walk through P1–P10, findings, conclusion, rounds.
import { z } from 'zod';
import { call } from './define';
import { ReviewPointId } from './evidence';
import type { Finding, LegalBasisRef, Severity } from '../rules/types';

export const PointDecision = z.enum(['ok', 'problem', 'na']); // 无问题 / 存在问题 / 不适用
export type PointDecision = z.infer<typeof PointDecision>;

export const OpinionType = z.enum(['同意', '建议纠正', '建议补充调查', '其他意见']);
export type OpinionType = z.infer<typeof OpinionType>;

export const Citation = z.object({
  kind: z.enum(['annotation', 'document', 'evidence']),
  id: z.string().min(1).max(200),
  /** For documents/evidence: the page cited (1-based). */
  page: z.number().int().positive().optional(),
});
export type Citation = z.infer<typeof Citation>;

/** A citation with what the opinion will print: item title, page, quoted highlight text. */
export interface ResolvedCitation extends Citation {
  label: string;
  itemId: string | null;
  quote: string | null;
  /** False when the cited highlight/item no longer exists (e.g. removed in a new revision). */
  valid: boolean;
}

export interface CheckOverride {
  check: string;
  reason: string;
  at: string;
}

export interface PointView {
  id: ReviewPointId;
  title: string;
  basis: LegalBasisRef[];
  description: string;
  automatic: Finding[];
  worst: Severity | null;
  decision: PointDecision | null;
  note: string;
  citations: ResolvedCitation[];
  overrides: CheckOverride[];
}

export interface RevisionDiff {
  fields: { path: string; label: string; before: string; after: string }[];
  items: { itemKind: 'document' | 'evidence'; id: string; title: string; change: 'added' | 'removed' | 'changed'; beforeSha: string | null; afterSha: string | null }[];
}

export interface PreviousRound {
  round: number;
  revision: number;
  conclusion: OpinionType | null;
  opinionText: string | null;
  concludedAt: string | null;
  points: { id: ReviewPointId; decision: PointDecision | null; note: string }[];
  diff: RevisionDiff;
}

export interface ReviewDeadline {
  receivedOn: string;
  periodWorkingDays: number;
  dueOn: string;
  remaining: number;
  /** Today is a working day and counted in `remaining` (shown as 含今日). */
  includesToday: boolean;
  /** e.g. "收件 2026-11-16 + 10 个工作日 = 2026-11-30；今日 2026-11-23，剩余 6 个工作日（含今日）" */
  computation: string;
  warnings: string[];
}

export interface ReviewerProfile {
  name: string;
  /** 所在单位, printed in the signing certificate. */
  agency?: string | undefined;
  officerId?: string | undefined;
  legalQualification: boolean;
  /** Absent: not answered yet (e.g. only name and agency given with `fashen keys create`): P2 asks instead of passing. */
  firstTimeReviewer?: boolean | undefined;
}

export const ConclusionDraft = z
  .object({
    type: OpinionType.nullable(),
    /** null: follow the generated draft (it changes as points are decided). */
    text: z.string().max(50_000).nullable(),
  })
  .strict();
export type ConclusionDraft = z.infer<typeof ConclusionDraft>;

export interface ReviewView {
  caseId: string;
  round: number;
  revision: number;
  revisionHash: string;
  status: 'pending' | 'in_review' | 'returned' | 'concluded';
  deadline: ReviewDeadline;
  points: PointView[];
  /** Opinion text drafted from the findings (the reviewer edits it before concluding). */
  draftOpinion: string;
  conclusion: { type: OpinionType; opinionText: string; concludedAt: string } | null;
  /** The conclusion being written, kept in the encrypted cache until concluded (never in the browser's storage). */
  conclusionDraft: ConclusionDraft | null;
  /** The central system gave the case to another reviewer: shown read-only (已改派，不能再签署); conclude, 撤回结论 and signing are refused. */
  reassigned?: true;
  /** With `reassigned`: when this workstation learnt of it (the sync that brought the central system's word; ISO). */
  reassignedAt?: string;
  previous: PreviousRound | null;
  reviewer: ReviewerProfile | null;
  updatedAt: string;
}

const caseId = z.string().min(1).max(200);

/** The conclusion's specific opinion (审核意见): the one rule for the app, the Api and `fashen review conclude`. */
export const OpinionText = z.string().trim().min(10, '审核意见过短，请写明具体意见').max(50_000);

export const ReviewerProfileInput = z
  .object({
    name: z.string().trim().min(2, '请填写审核人员姓名').max(40),
    agency: z.string().trim().min(2).max(80).optional(),
    officerId: z.string().max(200).optional(),
    legalQualification: z.boolean(),
    firstTimeReviewer: z.boolean().optional(),
  })
  .strict();

export const reviewApi = {
  'review.get': call<ReviewView>()(z.object({ caseId }).strict()),
  /** Record the reviewer's finding on one point; saved at once (no save button). */
  'review.setPoint': call<ReviewView>()(
    z
      .object({
        caseId,
        point: ReviewPointId,
        decision: PointDecision.nullable().optional(),
        note: z.string().max(20_000).optional(),
        citations: z.array(Citation).max(200).optional(),
      })
      .strict(),
  ),
  /** Not following an automatic `fail` requires a reason, which is kept. */
  'review.override': call<ReviewView>()(z.object({ caseId, check: z.string().min(1).max(200), reason: z.string().trim().min(4, '请写明不采纳该自动检查结论的理由（至少 4 个字）').max(2000) }).strict()),
  'review.clearOverride': call<ReviewView>()(z.object({ caseId, check: z.string().min(1).max(200) }).strict()),
  'review.conclude': call<ReviewView>()(z.object({ caseId, type: OpinionType, opinionText: OpinionText }).strict()),
  /** The conclusion as it is being written (type and text), saved as the reviewer types. */
  'review.saveDraft': call<{ savedAt: string }>()(z.object({ caseId, draft: ConclusionDraft }).strict()),
  /** Take back a conclusion that has not been signed yet. */
  'review.reopen': call<ReviewView>()(z.object({ caseId }).strict()),
  'settings.getReviewer': call<ReviewerProfile | null>()(z.object({}).strict()),
  'settings.setReviewer': call<ReviewerProfile>()(ReviewerProfileInput),
} as const;
