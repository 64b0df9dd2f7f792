// 裁量分析 for the meeting screen: the statutory range of the fine, the discretion bands (same
// models and data as the P6 review check, src/shared/rules/discretion.ts), this case's fine and
// the fines of similar cases (same article key) in the local store.
import type { CasePackage } from '../casefile/schema';
import { discretionZones, positionPct } from '../rules/discretion';
import { selectRange } from '../rules/fine-range';
import { caseArticleKey, citationText, resolveCitation, violationDate } from '../rules/law';
import type { RuleSet } from '../rules/rule-data';
import type { SimilarCase } from '../rules/types';
import type { DiscretionSlide } from './slides';

function fineOf(pkg: CasePackage): number | null {
  const f = pkg.case.proposedDecision.penalties.find((p) => p.type === 'fine' && typeof p.amountFen === 'number');
  return f?.amountFen ?? null;
}

/** The slide with no range worked out yet: what the case file itself states about its discretion. */
export function emptyDiscretion(stated: { level: string; factors: readonly string[]; reason?: string | null | undefined }, caseFen: number | null): DiscretionSlide {
  return {
    topic: 'discretion',
    available: false,
    note: null,
    article: null,
    model: null,
    rangeText: null,
    minFen: null,
    maxFen: null,
    bands: [],
    caseFen,
    position: null,
    statedLevel: stated.level,
    factors: [...stated.factors, ...(stated.reason ? [stated.reason] : [])],
    similar: [],
  };
}

export function discretionAnalysis(pkg: CasePackage, rules: RuleSet, similarCases: readonly SimilarCase[]): DiscretionSlide {
  const d = pkg.case.proposedDecision.discretion;
  const caseFen = fineOf(pkg);
  const base = emptyDiscretion(d, caseFen);
  let key = '';
  try {
    key = caseArticleKey(pkg, rules);
  } catch {
    key = '';
  }
  base.similar = similarCases
    .filter((c) => key && c.articleKey === key && c.caseId !== pkg.case.id)
    .sort((a, b) => a.fineFen - b.fineFen)
    .map((c) => ({ caseNumber: c.caseNumber, fineFen: c.fineFen }));
  if (caseFen === null) return { ...base, note: '本案拟处罚不含罚款，无罚款裁量幅度' };

  const on = violationDate(pkg);
  const withFine = pkg.case.proposedDecision.legalBasis.map((c) => resolveCitation(rules, c, on)).filter((rc) => rc.inForce?.fine);
  if (withFine.length === 0) return { ...base, note: '工作台未收录该处罚依据的罚款幅度，请对照法律条文核对' };
  // Like P6: with several fine provisions the fine must fit one; prefer the one it fits.
  const ranges = withFine.map((rc) => ({ rc, sel: selectRange(rc.inForce!.fine!.branches, pkg.case.proposedDecision) }));
  const ok = ranges.filter((r) => r.sel.ok);
  if (ok.length === 0) {
    const first = ranges[0]!;
    return { ...base, article: citationText(first.rc.citation), note: first.sel.ok ? null : first.sel.reason };
  }
  const fits = ok.find((r) => r.sel.ok && caseFen >= r.sel.range.minFen && caseFen <= r.sel.range.maxFen);
  const chosen = fits ?? ok[0]!;
  if (!chosen.sel.ok) return base; // narrowed above; keeps the type checker informed
  const { minFen, maxFen } = chosen.sel.range;
  const model = chosen.rc.inForce!.discretionModel ?? (minFen === 0 ? 'max_only' : rules.discretion.defaultModel);
  const view = discretionZones(rules, model, minFen, maxFen);
  const outside = caseFen > maxFen ? `拟罚款高于法定最高限` : caseFen < minFen ? `拟罚款低于法定最低限${d.level === '减轻' ? '（减轻处罚）' : ''}` : null;
  return {
    ...base,
    available: true,
    note: outside,
    article: citationText(chosen.rc.citation),
    model: view.label,
    rangeText: chosen.sel.range.text,
    minFen,
    maxFen,
    bands: view.zones.map((z) => ({ level: z.level, loFen: z.lo, hiFen: z.hi })),
    position: caseFen >= minFen && caseFen <= maxFen ? positionPct(caseFen, minFen, maxFen) : null,
  };
}
