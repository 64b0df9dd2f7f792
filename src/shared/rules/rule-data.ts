// Versioned rule data (resources/rules): every period, threshold and amount the checks use, with
// its source (law + article or document), status (confirmed / to_verify, DOMAIN.md) and effective
// date. Agencies override it (e.g. a province's hearing thresholds) with mergeRuleSet() (override.ts).
import { z } from 'zod';
import { EvidenceKind, isoDate, PenaltyType } from '../casefile/schema';
import { provenance, RuleSource, RuleStatus } from './rule-common';
import { DiscretionModelId, StatuteRule } from './statute-data';

export * from './rule-common';
export * from './statute-data';

export const PeriodUnit = z.enum(['calendar_days', 'working_days']);
export type PeriodUnit = z.infer<typeof PeriodUnit>;

export const PeriodRule = z.object({
  ...provenance,
  label: z.string().min(2),
  length: z.number().int().positive(),
  unit: PeriodUnit,
  /** Also compute and show the other reading (e.g. 5 days in the law vs 5 working days in SAMR practice). */
  alsoShow: PeriodUnit.optional(),
  extension: z
    .object({ length: z.number().int().positive(), unit: PeriodUnit, source: RuleSource, status: RuleStatus, note: z.string().optional() })
    .optional(),
  /** Time not counted toward the period, by the words of its reason (中止、听证、公告、检测…): another reason is asked about. */
  excludable: z.object({ keywords: z.array(z.string().min(1)).min(1), source: RuleSource, status: RuleStatus }).optional(),
});
export type PeriodRule = z.infer<typeof PeriodRule>;

export const Periods = z.object({
  leadToFiling: PeriodRule,
  filingToDecision: PeriodRule,
  legalReview: PeriodRule,
  statementWindow: PeriodRule,
  hearingNotice: PeriodRule,
  delivery: PeriodRule,
  publication: PeriodRule.optional(),
  publicationSamr: PeriodRule.optional(),
  withdrawPublication: PeriodRule.optional(),
  archiving: PeriodRule.optional(),
  reconsideration: PeriodRule.optional(),
});

export const Limitation = z.object({
  ...provenance,
  years: z.number().int().positive(),
  extendedYears: z.number().int().positive(),
  extendedWhen: z.string().min(2),
});

const Threshold = z.object({ ...provenance, amountFen: z.number().int().nonnegative() });

export const HearingRule = z.object({
  ...provenance,
  thresholds: z.object({ natural: Threshold, legal: Threshold, other: Threshold }),
  /** 没收违法所得和非法财物价值总额 counts against the same thresholds (听证办法). */
  confiscationCounts: z.boolean(),
  penaltyTypes: z.array(PenaltyType),
  /** Heavy penalties not in the PenaltyType list, found in penalty descriptions (降低资质等级, 责令关闭…). */
  keywords: z.array(z.string().min(1)),
});

export const DiscretionRule = z.object({
  defaultModel: DiscretionModelId,
  band: z.object({ ...provenance, lightPct: z.number().int().min(1).max(50), heavyPct: z.number().int().min(1).max(50) }),
  tier: z.object({ ...provenance, tiers: z.number().int().min(3).max(9), geometricWhenRatioAtLeast: z.number().positive() }),
  maxOnly: z.object({
    ...provenance,
    lightMaxPct: z.number().int().min(0).max(100),
    normalMinPct: z.number().int().min(0).max(100),
    normalMaxPct: z.number().int().min(0).max(100),
    heavyMinPct: z.number().int().min(0).max(100),
  }),
  mitigation: z.object({ ...provenance, reasonRequired: z.boolean() }),
  /** 处罚法 Art. 33: words in facts/factors that suggest a first, minor, corrected violation. */
  firstViolation: z.object({ ...provenance, keywords: z.array(z.string().min(1)) }),
});

export const AgencyLevel = z.enum(['province', 'city', 'county']);

export const PowersRule = z.object({
  ...provenance,
  agencyKind: z.string().min(2),
  /** 权责清单: the laws whose penalties this kind of agency imposes. */
  laws: z.array(z.object({ law: z.string().min(2), levels: z.array(AgencyLevel).optional(), note: z.string().optional() })),
  /** Laws enforced by other authorities (公安、交通…). */
  outsideLaws: z.array(z.object({ law: z.string().min(2), note: z.string().min(2) })),
  penaltyTypes: z.array(PenaltyType),
  forbiddenKeywords: z.array(z.object({ keyword: z.string().min(1), note: z.string().min(2), source: RuleSource, status: RuleStatus })),
  issuingAuthorityOnly: z.array(z.object({ type: PenaltyType, note: z.string().min(2), source: RuleSource, status: RuleStatus })),
});

export const InvestigativeActs = z.object({
  ...provenance,
  minOfficers: z.number().int().min(1),
  /** Document kinds that record an investigative act (現场笔录, 询问笔录 …). */
  documentKinds: z.array(z.string().min(2)),
});

export const AudioVideoRule = z.object({
  ...provenance,
  /** Words in document kinds/titles that mark an act needing whole-process audio-video recording. */
  triggerKeywords: z.array(z.string().min(1)),
  evidenceKinds: z.array(EvidenceKind),
  evidenceKeywords: z.array(z.string().min(1)),
});

export const DocumentCondition = z.enum([
  'always',
  'hearing_held',
  'hearing_requested',
  'statement_heard',
  'extension',
  'decision_made',
]);

export const DocumentsRule = z.object({
  ...provenance,
  required: z.array(
    z.object({
      id: z.string().min(1),
      label: z.string().min(2),
      /** Matched as substrings of DocumentItem.kind. */
      aliases: z.array(z.string().min(2)).min(1),
      when: DocumentCondition,
      severity: z.enum(['fail', 'warn']),
      numbered: z.boolean().default(false),
      source: RuleSource,
      status: RuleStatus,
    }),
  ),
  /** Dating order: every `before` document is dated on or before the `after` one(s). */
  order: z.array(
    z.object({
      before: z.string().min(1),
      after: z.string().min(1),
      /** all: every `after` document is on/after the latest `before`; some: at least one is. */
      mode: z.enum(['all', 'some']),
      severity: z.enum(['fail', 'warn']),
      note: z.string().optional(),
    }),
  ),
});

export const MetricField = z.enum(['sales', 'goods_value', 'unsold', 'illegal_gains', 'business_volume']);
export type MetricField = z.infer<typeof MetricField>;

export const CriminalThreshold = z.object({
  ...provenance,
  id: z.string().min(1),
  offence: z.string().min(2),
  crimeArticle: z.string().min(2),
  /** Short law names (食品安全法 …) whose cases this offence may concern. */
  laws: z.array(z.string().min(2)),
  anyOf: z.array(
    z.object({
      label: z.string().min(2),
      terms: z.array(z.object({ field: MetricField, times: z.number().int().positive() })).min(1),
      atLeastFen: z.number().int().positive(),
    }),
  ),
  /** For offences without an amount: the factors the reviewer weighs. */
  prompt: z.string().optional(),
});
export type CriminalThreshold = z.infer<typeof CriminalThreshold>;

// ── the rule set ──────────────────────────────────────────────────────────

export const RULES_FORMAT = 'fashen.rules';
export const OVERRIDE_FORMAT = 'fashen.rules-override';

export const RuleSetCore = z.object({
  format: z.literal(RULES_FORMAT),
  version: z.string().min(1),
  title: z.string().min(2),
  effectiveFrom: isoDate,
  periods: Periods,
  limitation: Limitation,
  hearing: HearingRule,
  discretion: DiscretionRule,
  powers: PowersRule,
  investigativeActs: InvestigativeActs,
  audioVideo: AudioVideoRule,
  documents: DocumentsRule,
  criminal: z.array(CriminalThreshold),
  /** Overrides applied, in order (filled by mergeRuleSet). */
  overrides: z
    .array(z.object({ agencyCode: z.string(), name: z.string(), version: z.string(), effectiveFrom: isoDate }))
    .default([]),
});

export const RuleSet = RuleSetCore.extend({ statutes: z.array(StatuteRule) }).superRefine((rs, ctx) => {
  const seen = new Set<string>();
  rs.statutes.forEach((s, i) => {
    if (seen.has(s.law)) ctx.addIssue({ code: 'custom', path: ['statutes', i, 'law'], message: `重复的法律 ${s.law}` });
    seen.add(s.law);
  });
  const docIds = new Set(rs.documents.required.map((d) => d.id));
  rs.documents.order.forEach((o, i) => {
    for (const id of [o.before, o.after])
      if (!docIds.has(id)) ctx.addIssue({ code: 'custom', path: ['documents', 'order', i], message: `未定义的文书 ${id}` });
  });
});
export type RuleSet = z.infer<typeof RuleSet>;
export type RuleSetInput = z.input<typeof RuleSet>;

/** Builds and validates a rule set from the core file and one file per statute. */
export function assembleRuleSet(core: unknown, statutes: unknown[]): RuleSet {
  const c = RuleSetCore.parse(core);
  return RuleSet.parse({ ...c, statutes });
}
