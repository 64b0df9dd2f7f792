// Loads the versioned rule data from resources/rules: ruleset.json + statutes/*.json, validated
// with zod, then the agency's overrides (overrides/<code>.json) applied from the widest region to
// the narrowest: province (34 0000), city (3405 00), the agency's own code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeRuleSet, RuleOverrideFile, type RuleOverride } from '../../shared/rules/override';
import { assembleRuleSet, type RuleSet } from '../../shared/rules/rule-data';
import { resourcePath } from '../paths';

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`Invalid rule data file ${path}: ${(err as Error).message}`);
  }
}

export function rulesDir(): string {
  return resourcePath('rules');
}

/** The base rule set (no agency override). */
export function loadBaseRuleSet(dir = rulesDir()): RuleSet {
  const statutesDir = join(dir, 'statutes');
  const statutes = readdirSync(statutesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readJson(join(statutesDir, f)));
  try {
    return assembleRuleSet(readJson(join(dir, 'ruleset.json')), statutes);
  } catch (err) {
    throw new Error(`Rule data in ${dir} failed validation: ${(err as Error).message}`);
  }
}

/** Override codes that apply to an agency code, widest first: 340503 → 340000, 340500, 340503. */
export function overrideCodes(agencyCode: string): string[] {
  if (!/^\d{6}$/.test(agencyCode)) return [agencyCode];
  return [...new Set([`${agencyCode.slice(0, 2)}0000`, `${agencyCode.slice(0, 4)}00`, agencyCode])];
}

export function readOverride(path: string): RuleOverride {
  const parsed = RuleOverrideFile.safeParse(readJson(path));
  if (!parsed.success) throw new Error(`Invalid rule override ${path}: ${parsed.error.message}`);
  return parsed.data as RuleOverride;
}

/**
 * The rule set for an agency: the base plus its overrides from resources/rules/overrides and, when
 * given, an extra folder (e.g. <data>/rules/overrides pushed by the central system), later wins.
 */
export function loadRuleSet(opts: { agencyCode?: string; dir?: string; extraOverridesDir?: string } = {}): RuleSet {
  const dir = opts.dir ?? rulesDir();
  let rules = loadBaseRuleSet(dir);
  if (!opts.agencyCode) return rules;
  const folders = [join(dir, 'overrides'), ...(opts.extraOverridesDir ? [opts.extraOverridesDir] : [])];
  for (const code of overrideCodes(opts.agencyCode))
    for (const folder of folders) {
      const path = join(folder, `${code}.json`);
      if (existsSync(path)) rules = mergeRuleSet(rules, readOverride(path));
    }
  return rules;
}
