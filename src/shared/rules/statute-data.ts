// Statutes in the rule data: articles with their effective dates, violation elements (构成要件),
// fine rules (fixed, multiples of a base, fallback ranges) and the penalty types they provide.
import { z } from 'zod';
import { isoDate, PenaltyType } from '../casefile/schema';
import { RuleStatus } from './rule-common';

export const DiscretionModelId = z.enum(['band', 'tier', 'max_only']);
export type DiscretionModelId = z.infer<typeof DiscretionModelId>;

export const BaseKind = z.enum(['goods_value', 'sales', 'illegal_gains', 'business_volume', 'advertising_fee']);
export type BaseKind = z.infer<typeof BaseKind>;

export const FineRange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), minFen: z.number().int().nonnegative(), maxFen: z.number().int().positive() }),
  /** Multiples of a base amount; min/max are multiples (0.5 = 百分之五十). */
  z.object({ kind: z.literal('multiple'), base: BaseKind, min: z.number().nonnegative(), max: z.number().positive() }),
]);
export type FineRange = z.infer<typeof FineRange>;

export const FineBranch = z.object({
  /** When this branch applies, by the base amount in the case file. No `when` = always. */
  when: z
    .object({
      base: BaseKind,
      belowFen: z.number().int().positive().optional(),
      atLeastFen: z.number().int().nonnegative().optional(),
      /** Also applies when the base is absent or zero (没有违法所得的 / 无法计算的). */
      orAbsent: z.boolean().optional(),
      /** Applies only when the base is absent or zero. */
      absent: z.boolean().optional(),
    })
    .optional(),
  range: FineRange,
  text: z.string().min(2),
});
export type FineBranch = z.infer<typeof FineBranch>;

export const FineRule = z.object({
  text: z.string().min(2),
  /** 可以并处 (the fine itself is optional). */
  optional: z.boolean().default(false),
  branches: z.array(FineBranch).min(1),
  /** 情节严重 ranges (allowed only with a finding of seriousness). */
  serious: z.array(FineBranch).optional(),
  /** A fine only after refusing correction (拒不改正 / 逾期不改正). */
  afterRefusingCorrection: z.boolean().optional(),
});
export type FineRule = z.infer<typeof FineRule>;

export const ViolationElement = z.object({
  id: z.string().min(1),
  label: z.string().min(2),
  /** Any keyword in an evidence item's `proves` text links it to this element. */
  keywords: z.array(z.string().min(1)).min(1),
});
export type ViolationElement = z.infer<typeof ViolationElement>;

export const ArticleRef = z.object({ law: z.string().optional(), article: z.string().min(2), item: z.number().int().positive().optional() });
export type ArticleRef = z.infer<typeof ArticleRef>;

export const ArticleRule = z.object({
  article: z.string().min(2), // 第一百二十四条
  no: z.number().int().positive(),
  summary: z.string().min(2),
  status: RuleStatus,
  effectiveFrom: isoDate,
  effectiveTo: isoDate.optional(),
  note: z.string().optional(),
  lifeHealth: z.boolean().optional(),
  elements: z.array(ViolationElement).optional(),
  items: z
    .record(
      z.string().regex(/^\d+$/),
      z.object({ summary: z.string().min(2), elements: z.array(ViolationElement).optional(), punishes: z.array(ArticleRef).optional() }),
    )
    .optional(),
  punishes: z.array(ArticleRef).optional(),
  fine: FineRule.optional(),
  penaltyTypes: z.array(PenaltyType).optional(),
  discretionModel: DiscretionModelId.optional(),
  /** A caution shown with P5 (e.g. a later special provision). */
  caution: z
    .object({
      text: z.string().min(2),
      from: isoDate.optional(),
      severity: z.enum(['info', 'warn']),
      /** Not shown when the case also cites one of these. */
      unlessCited: z.array(ArticleRef).optional(),
    })
    .optional(),
});
export type ArticleRule = z.infer<typeof ArticleRule>;

export const StatuteRule = z.object({
  law: z.string().min(2), // 中华人民共和国食品安全法
  short: z.string().min(2), // 食品安全法
  aliases: z.array(z.string()).default([]),
  kind: z.enum(['law', 'administrative_regulation', 'departmental_rule', 'normative_document']),
  /** Current version in force since. */
  effectiveFrom: isoDate,
  effectiveTo: isoDate.optional(),
  version: z.string().min(2), // e.g. 2021年修正
  /** Number of articles in the current version (cited numbers above it do not exist). */
  articleCount: z.number().int().positive().optional(),
  lifeHealth: z.boolean().default(false),
  status: RuleStatus,
  note: z.string().optional(),
  articles: z.array(ArticleRule),
});
export type StatuteRule = z.infer<typeof StatuteRule>;
