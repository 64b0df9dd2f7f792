// Demo cases through the real pre-checks (P1–P10), planned as the generator plans them but
// without rendering files, so many seeds stay fast: a case the generator prints without 【缺陷】
// gets no ✗, and the amounts P6/P9 print are the ones the case's facts state, in every scenario.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planDocuments } from '../../src/main/demo/docs/plan';
import { planEvidence } from '../../src/main/demo/evidence/plan';
import { DEFAULT_SEED, planDemoCases } from '../../src/main/demo/generate';
import type { CaseCtx } from '../../src/main/demo/model';
import { buildCaseJson } from '../../src/main/demo/package-json';
import { SCENARIOS } from '../../src/main/demo/scenarios';
import { loadCalendar } from '../../src/main/services/calendar';
import { loadRuleSet } from '../../src/main/services/rule-data';
import { CasePackage, type FileRef } from '../../src/shared/casefile/schema';
import { runChecks, type FileState, type Finding } from '../../src/shared/rules';
import type { RuleSet } from '../../src/shared/rules/rule-data';

const calendar = loadCalendar();
const ruleCache = new Map<string, RuleSet>();
const rulesFor = (code: string): RuleSet => {
  let r = ruleCache.get(code);
  if (!r) ruleCache.set(code, (r = loadRuleSet({ agencyCode: code })));
  return r;
};

interface Checked {
  ctx: CaseCtx;
  pkg: CasePackage;
  findings: Finding[];
}

/** The case.json the generator writes, with placeholder file references (every file intact). */
function check(ctx: CaseCtx): Checked {
  const evidence = planEvidence(ctx);
  const docs = planDocuments(ctx, evidence);
  const ref = (path: string, mime: string): FileRef => ({ path, sha256: createHash('sha256').update(`${ctx.caseId}/${path}`).digest('hex'), size: 1, mime });
  const docRefs = docs.map((_, i) => ref(`documents/${i + 1}.pdf`, 'application/pdf'));
  const evRefs = evidence.map(({ spec }, i) => (spec.file.type === 'pdf' ? ref(`evidence/${i + 1}.pdf`, 'application/pdf') : ref(`evidence/${i + 1}.${spec.file.format}`, `image/${spec.file.format}`)));
  const pkg = CasePackage.parse(buildCaseJson(ctx, docs, docRefs, evidence, evRefs));
  const fileStates: Record<string, FileState> = Object.fromEntries([...docRefs, ...evRefs].map((r) => [r.sha256, 'ok' as const]));
  return { ctx, pkg, findings: runChecks({ pkg, rules: rulesFor(pkg.case.agency.code), calendar, today: ctx.today, fileStates }) };
}

const label = (c: Checked) => `seed ${c.ctx.seed} #${c.ctx.index + 1} ${c.ctx.caseNumber} ${c.ctx.scenario.key}`;
const fails = (c: Checked) => c.findings.filter((f) => f.severity === 'fail').map((f) => `${f.check}: ${f.message}`);

/** Points where each deliberate defect is meant to show (tests/integration/rules-demo.test.ts). */
const DEFECT_POINTS: Record<string, Finding['point'][]> = {
  missing_notice: ['P8', 'P3'],
  expired_credential: ['P2'],
  fine_out_of_range: ['P6'],
  decision_after_90_days: ['P3'],
};

describe('demo cases through the pre-checks', () => {
  // The tester’s date (2026-11-20) put hearing notices 7 calendar but only 5 working days ahead.
  const sets = [1, 7, DEFAULT_SEED].flatMap((seed) => ['2026-11-20', '2026-11-23'].map((today) => ({ seed, today })));

  it.each(sets)('seed $seed, today $today: a case printed without 【缺陷】 gets no ✗, a defective one only at its defect', ({ seed, today }) => {
    const cases = planDemoCases({ count: 12, seed, today }).map(check);
    for (const c of cases) {
      if (c.ctx.defects.length === 0) expect(fails(c), label(c)).toEqual([]);
      else {
        const allowed = new Set(c.ctx.defects.flatMap((d) => DEFECT_POINTS[d] ?? []));
        expect(c.findings.filter((f) => f.severity === 'fail' && !allowed.has(f.point)).map((f) => f.message), `${label(c)} ${c.ctx.defects.join(',')}`).toEqual([]);
      }
    }
    expect(cases.some((c) => c.ctx.hearing === 'held')).toBe(true);
  });
});

// Amounts as the facts state them and as P6/P9 print them ("货值金额为540元" / "货值金额 540元").
const AMOUNT = String.raw`(\d{1,3}(?:,\d{3})*(?:\.\d{1,2})?)元`;
const FACT_LABELS = ['货值金额', '销售金额', '销售收入', '违法所得', '违法经营额', '未销售货值'] as const;
const PRINTED_LABELS = ['货值金额', '销售金额', '违法所得', '违法经营额', '非法经营数额', '未销售货值'] as const;
type FactLabel = (typeof FACT_LABELS)[number];

const fen = (text: string) => Math.round(Number(text.replace(/,/g, '')) * 100);

function factAmounts(facts: string): Partial<Record<FactLabel, number>> {
  const out: Partial<Record<FactLabel, number>> = {};
  for (const m of facts.matchAll(new RegExp(`(${FACT_LABELS.join('|')})[^，。；、\\d]{0,8}?${AMOUNT}`, 'g'))) out[m[1] as FactLabel] ??= fen(m[2]!);
  return out;
}

/** What each printed amount must equal, from the facts (undefined: the facts do not state it). */
function expected(printed: (typeof PRINTED_LABELS)[number], f: Partial<Record<FactLabel, number>>): number | undefined {
  const sales = f.销售金额 ?? f.销售收入;
  switch (printed) {
    case '货值金额':
      return f.货值金额;
    case '销售金额':
      return sales;
    case '违法所得':
      return f.违法所得;
    case '违法经营额':
    case '非法经营数额':
      return f.违法经营额 ?? f.货值金额;
    case '未销售货值':
      return f.未销售货值 ?? (f.货值金额 !== undefined ? f.货值金额 - (sales ?? 0) : undefined);
  }
}

describe('amounts in P6/P9 against the facts, every scenario', () => {
  const all = [1, 7].flatMap((seed) => planDemoCases({ count: 60, seed, today: '2026-11-20' }).map(check));

  it('covers every scenario', () => {
    expect(new Set(all.map((c) => c.ctx.scenario.key))).toEqual(new Set(SCENARIOS.map((s) => s.key)));
  });

  it('prints only the amounts the facts state (and their sums agree)', () => {
    let printedCount = 0;
    for (const c of all) {
      const facts = factAmounts(c.pkg.case.facts);
      const sales = facts.销售金额 ?? facts.销售收入;
      if (facts.货值金额 !== undefined && sales !== undefined) expect(facts.货值金额, `${label(c)}: 货值金额 counts sold and unsold goods`).toBeGreaterThanOrEqual(sales);
      if (facts.违法经营额 !== undefined && sales !== undefined && facts.未销售货值 !== undefined) expect(sales + facts.未销售货值, `${label(c)}: 违法经营额 = 已售 + 未售`).toBe(facts.违法经营额);
      for (const f of c.findings.filter((x) => x.check === 'P6.fine-in-range' || x.point === 'P9')) {
        const text = `${f.message}；${f.computation ?? ''}`;
        for (const m of text.matchAll(new RegExp(`(${PRINTED_LABELS.join('|')}) ${AMOUNT}`, 'g'))) {
          const what = m[1] as (typeof PRINTED_LABELS)[number];
          const want = expected(what, facts);
          const where = `${label(c)} ${f.check} prints ${what} ${m[2]}元; facts: ${JSON.stringify(facts)}`;
          expect(want, where).toBeDefined();
          expect(fen(m[2]!), where).toBe(want);
          printedCount++;
        }
      }
    }
    expect(printedCount).toBeGreaterThan(20);
    // The trademark scenario (违法经营额 = sold + unsold) is the one that drifted.
    const tm = all.filter((c) => c.ctx.scenario.key === 'trademark');
    expect(tm.length).toBeGreaterThan(0);
    for (const c of tm) expect(c.pkg.case.proposedDecision.goodsValueFen, label(c)).toBe(factAmounts(c.pkg.case.facts).违法经营额);
  });
});
