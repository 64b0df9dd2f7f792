// Shared pieces of the rule-data schemas: where a figure comes from and whether it is verified.
import { z } from 'zod';
import { isoDate } from '../casefile/schema';

export const RuleStatus = z.enum(['confirmed', 'to_verify']);
export type RuleStatus = z.infer<typeof RuleStatus>;

export const RuleSource = z.object({
  law: z.string().min(2),
  article: z.string().optional(),
  note: z.string().optional(),
});
export type RuleSource = z.infer<typeof RuleSource>;

/** Where a figure comes from and since when it applies. */
export const provenance = {
  source: RuleSource,
  status: RuleStatus,
  effectiveFrom: isoDate,
  effectiveTo: isoDate.optional(),
};
