import { mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBaseRuleSet, loadRuleSet, overrideCodes, rulesDir } from '../../../src/main/services/rule-data';
import { runChecks } from '../../../src/shared/rules';
import { mergeRuleSet, type RuleOverride } from '../../../src/shared/rules/override';
import { RuleSet } from '../../../src/shared/rules/rule-data';
import { calendar, input, rules, setFine } from './fixture';

const province: RuleOverride = {
  format: 'fashen.rules-override',
  agencyCode: '430000',
  name: '某省市场监督管理局',
  version: '2026.1',
  effectiveFrom: '2026-01-01',
  source: { law: '某省行政处罚听证程序规定', article: '第五条' },
  status: 'to_verify',
  rules: { hearing: { thresholds: { natural: { amountFen: 500_000 } } } },
};

describe('versioned rule data (resources/rules)', () => {
  it('validates and covers the statutes the demo scenarios cite', () => {
    const shorts = rules.statutes.map((s) => s.short);
    for (const law of ['食品安全法', '广告法', '无证无照经营查处办法', '商标法', '价格法', '明码标价和禁止价格欺诈规定', '产品质量法', '医疗器械监督管理条例', '电子商务法', '计量法', '计量法实施细则', '特种设备安全法', '市场主体登记管理条例'])
      expect(shorts).toContain(law);
    expect(() => RuleSet.parse(rules)).not.toThrow();
  });

  it('every figure names its source and status (confirmed / to_verify)', () => {
    for (const p of Object.values(rules.periods)) if (p) expect(p.source.law.length).toBeGreaterThan(1);
    for (const t of Object.values(rules.hearing.thresholds)) expect(['confirmed', 'to_verify']).toContain(t.status);
    expect(rules.periods.filingToDecision.status).toBe('confirmed'); // 处罚法 Art. 60 (DOMAIN: confirmed)
    expect(rules.periods.leadToFiling.status).toBe('to_verify'); // 程序规定 (DOMAIN: to verify)
    expect(rules.hearing.thresholds.natural.amountFen).toBe(1_000_000);
    expect(rules.hearing.thresholds.legal.amountFen).toBe(10_000_000);
    for (const s of rules.statutes) for (const a of s.articles) expect(a.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('食品安全法第124条 encodes the goods-value fallback (货值不足一万元: 5–10万元; 以上: 10–20倍)', () => {
    const a = rules.statutes.find((s) => s.short === '食品安全法')!.articles.find((x) => x.no === 124)!;
    expect(a.fine!.branches.map((b) => b.range)).toEqual([
      { kind: 'fixed', minFen: 5_000_000, maxFen: 10_000_000 },
      { kind: 'multiple', base: 'goods_value', min: 10, max: 20 },
    ]);
  });
});

describe('agency overrides (mergeRuleSet)', () => {
  it('听证办法第5条 allows a province to set another hearing threshold; the figure takes the override source', () => {
    const merged = mergeRuleSet(rules, province);
    expect(merged.hearing.thresholds.natural.amountFen).toBe(500_000);
    expect(merged.hearing.thresholds.natural.source.law).toBe('某省行政处罚听证程序规定');
    expect(merged.hearing.thresholds.legal).toEqual(rules.hearing.thresholds.legal);
    expect(merged.hearing.source).toEqual(rules.hearing.source);
    expect(merged.overrides).toEqual([{ agencyCode: '430000', name: '某省市场监督管理局', version: '2026.1', effectiveFrom: '2026-01-01' }]);
    // The base is untouched.
    expect(rules.hearing.thresholds.natural.amountFen).toBe(1_000_000);
  });

  it('听证办法第5条: with a 5,000 yuan provincial threshold a 6,000 yuan fine on a person requires a hearing', () => {
    const base = input(setFine(600_000));
    expect(runChecks(base).find((f) => f.check === 'P3.hearing-required')!.severity).toBe('ok');
    const local = runChecks({ ...base, rules: mergeRuleSet(rules, province) }).find((f) => f.check === 'P3.hearing-required')!;
    expect(local.severity).toBe('info');
    expect(local.computation).toContain('5,000元');
  });

  it('merges statutes by law and articles by article number; adds new entries', () => {
    const merged = mergeRuleSet(rules, {
      ...province,
      rules: {
        statutes: [
          { law: '中华人民共和国食品安全法', articles: [{ article: '第一百二十四条', discretionModel: 'tier' }] },
        ],
        discretion: { defaultModel: 'tier' },
      },
    });
    const fsl = merged.statutes.find((s) => s.short === '食品安全法')!;
    expect(fsl.articles.find((a) => a.no === 124)!.discretionModel).toBe('tier');
    expect(fsl.articles.find((a) => a.no === 124)!.fine).toEqual(rules.statutes.find((s) => s.short === '食品安全法')!.articles.find((a) => a.no === 124)!.fine);
    expect(merged.discretion.defaultModel).toBe('tier');
    expect(merged.statutes.length).toBe(rules.statutes.length);
  });

  it('rejects an override that makes the rule set invalid', () => {
    expect(() => mergeRuleSet(rules, { ...province, rules: { hearing: { thresholds: { natural: { amountFen: -1 } } } } })).toThrow();
  });

  it('the loader applies province, city and agency overrides in that order', () => {
    expect(overrideCodes('340503')).toEqual(['340000', '340500', '340503']);
    const dir = mkdtempSync(join(tmpdir(), 'fashen-rules-'));
    cpSync(rulesDir(), dir, { recursive: true });
    mkdirSync(join(dir, 'overrides'), { recursive: true });
    writeFileSync(join(dir, 'overrides', '340000.json'), JSON.stringify({ ...province, agencyCode: '340000', rules: { hearing: { thresholds: { natural: { amountFen: 500_000 } } } } }));
    writeFileSync(join(dir, 'overrides', '340503.json'), JSON.stringify({ ...province, agencyCode: '340503', rules: { hearing: { thresholds: { natural: { amountFen: 300_000 } } } } }));
    expect(loadRuleSet({ dir, agencyCode: '340500' }).hearing.thresholds.natural.amountFen).toBe(500_000);
    const county = loadRuleSet({ dir, agencyCode: '340503' });
    expect(county.hearing.thresholds.natural.amountFen).toBe(300_000);
    expect(county.overrides.map((o) => o.agencyCode)).toEqual(['340000', '340503']);
    expect(loadRuleSet({ dir, agencyCode: '110000' }).overrides).toEqual([]);
  });

  it('the shipped example override is valid and never applied', () => {
    expect(loadBaseRuleSet().overrides).toEqual([]);
    expect(loadRuleSet({ agencyCode: '340500' }).overrides).toEqual([]);
    expect(calendar.covers(2026)).toBe(true);
  });
});
