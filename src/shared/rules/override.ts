// Agency overrides: a partial rule set merged over the base (e.g. a province's hearing thresholds).
import { z } from 'zod';
import { isoDate } from '../casefile/schema';
import { OVERRIDE_FORMAT, RuleSet, RuleSource, RuleStatus } from './rule-data';

export type DeepPartial<T> = T extends (infer U)[] ? DeepPartial<U>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

export const RuleOverrideHeader = z.object({
  format: z.literal(OVERRIDE_FORMAT),
  agencyCode: z.string().min(1),
  name: z.string().min(2),
  version: z.string().min(1),
  effectiveFrom: isoDate,
  /** Where the agency's figures come from (e.g. a provincial regulation). */
  source: RuleSource,
  status: RuleStatus,
});
export type RuleOverrideHeader = z.infer<typeof RuleOverrideHeader>;

export type RuleOverride = RuleOverrideHeader & { rules: DeepPartial<Omit<RuleSet, 'format' | 'overrides'>> };

export const RuleOverrideFile = RuleOverrideHeader.extend({ rules: z.record(z.string(), z.unknown()) });

const KEY_FIELDS = ['id', 'law', 'article'] as const;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function keyField(items: unknown[]): string | null {
  for (const k of KEY_FIELDS) if (items.length > 0 && items.every((x) => isPlainObject(x) && typeof x[k] === 'string')) return k;
  return null;
}

/**
 * Deep merge: objects merge field by field; arrays of keyed objects (id / law / article) merge by
 * key (new keys are appended); other arrays are replaced. An overridden object that carries a
 * `source` takes the override's source unless the override gives its own.
 */
function merge(base: unknown, over: unknown, prov: { source: RuleSource; status: RuleStatus }): unknown {
  if (over === undefined) return base;
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v, prov);
    // A figure changed here (not only deeper down) now comes from the override.
    const changesFigure = Object.entries(over).some(([k, v]) => !['source', 'status', 'effectiveFrom'].includes(k) && !isPlainObject(v) && !(Array.isArray(v) && keyField(v) !== null));
    if (changesFigure && 'source' in base && !('source' in over)) out.source = prov.source;
    if (changesFigure && 'status' in base && !('status' in over)) out.status = prov.status;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(over)) {
    const k = keyField(base);
    if (k && over.every((x) => isPlainObject(x) && typeof x[k] === 'string')) {
      const out = [...base];
      for (const o of over as Record<string, unknown>[]) {
        const i = out.findIndex((b) => (b as Record<string, unknown>)[k] === o[k]);
        if (i >= 0) out[i] = merge(out[i], o, prov);
        else out.push(o);
      }
      return out;
    }
  }
  return over;
}

/** Applies an agency override to a rule set; the result is validated again. */
export function mergeRuleSet(base: RuleSet, override: RuleOverride): RuleSet {
  const header = RuleOverrideHeader.parse(override);
  const src: RuleSource = { ...header.source, note: [header.source.note, `${header.name}（${header.agencyCode}）覆盖`].filter(Boolean).join('；') };
  const merged = merge(base, override.rules, { source: src, status: header.status }) as Record<string, unknown>;
  merged.overrides = [...base.overrides, { agencyCode: header.agencyCode, name: header.name, version: header.version, effectiveFrom: header.effectiveFrom }];
  return RuleSet.parse(merged);
}
