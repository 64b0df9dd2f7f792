// P6 裁量 — statutory range (fixed, multiples, fallback), discretion models, 减轻, 类案同罚.
import { describe, expect, it } from 'vitest';
import { discretionZones } from '../../../src/shared/rules/discretion';
import { mergeRuleSet } from '../../../src/shared/rules/override';
import { doc, rules, run, setFine, worst, type Mutate } from './fixture';

const goods =
  (fen: number | undefined): Mutate =>
  (pkg) => {
    if (fen === undefined) delete pkg.case.proposedDecision.goodsValueFen;
    else pkg.case.proposedDecision.goodsValueFen = fen;
  };
const all =
  (...ms: Mutate[]): Mutate =>
  (pkg) =>
    ms.forEach((m) => m(pkg));
const level =
  (l: '不予处罚' | '减轻' | '从轻' | '一般' | '从重', reason?: string, factors?: string[]): Mutate =>
  (pkg) => {
    pkg.case.proposedDecision.discretion = { level: l, factors: factors ?? ['违法行为持续时间较短'], ...(reason ? { reason } : {}) };
  };
const basis =
  (law: string, article: string, violated?: string): Mutate =>
  (pkg) => {
    pkg.case.proposedDecision.legalBasis = [{ law, article }];
    if (violated) pkg.case.proposedDecision.violatedProvisions = [{ law, article: violated }];
  };

describe('P6 法定幅度 — 食品安全法第124条 (货值不足一万元: 五万元以上十万元以下)', () => {
  it.each([
    ['食品安全法第124条: fine at the minimum 50,000 yuan is ok', 5_000_000, 'ok'],
    ['食品安全法第124条: 1 fen below the minimum is a fail', 4_999_999, 'fail'],
    ['食品安全法第124条: fine at the maximum 100,000 yuan is ok', 10_000_000, 'ok'],
    ['食品安全法第124条: 1 fen above the maximum is a fail', 10_000_001, 'fail'],
  ])('%s', (_n, fen, sev) => {
    expect(worst('P6.fine-in-range', all(setFine(fen), level('从轻')))).toBe(sev);
  });

  it('the computation names the branch and the range', () => {
    const [f] = run('P6.fine-in-range', setFine(10_000_001));
    expect(f!.message).toBe('罚款 100,000.01元 高于法定最高限 100,000元');
    expect(f!.computation).toContain('货值金额 1,520元（不足10,000元） → 货值金额不足一万元的，并处五万元以上十万元以下罚款：50,000元–100,000元');
  });
});

describe('P6 罚款未载明数额 (处罚法第五十九条)', () => {
  const noAmount: Mutate = (pkg) => {
    delete pkg.case.proposedDecision.penalties.find((p) => p.type === 'fine')!.amountFen;
  };
  it('a fine proposed without its amount is a fail naming the penalty, never “no fine proposed”', () => {
    const fs = run('P6.fine-in-range', noAmount);
    expect(fs.map((f) => f.severity)).toEqual(['fail']);
    expect(fs[0]!.message).toBe('拟处罚“罚款人民币柒万元”未载明罚款数额，无法核对是否在法定幅度内');
    expect(fs[0]!.message).not.toContain('未包含罚款');
    expect(fs[0]!.computation).toContain('货值金额不足一万元的，并处五万元以上十万元以下罚款');
    expect(fs[0]!.basis.map((b) => b.article)).toContain('第五十九条');
  });
  it('beside a fine with its amount, the amount-less one is still reported', () => {
    const fs = run('P6.fine-in-range', (pkg) => pkg.case.proposedDecision.penalties.push({ type: 'fine', description: '罚款' }));
    expect(fs.map((f) => f.severity)).toEqual(['fail', 'ok']);
  });
});

describe('P6 法定幅度 — multiples of 货值金额 (食品安全法第124条: 一万元以上的十倍以上二十倍以下)', () => {
  it.each([
    ['食品安全法第124条: 货值 exactly 10,000 yuan uses 10–20 times: 100,000 yuan is ok', 1_000_000, 10_000_000, 'ok'],
    ['食品安全法第124条: 货值 10,000 yuan: 1 fen under 10 times is a fail', 1_000_000, 9_999_999, 'fail'],
    ['食品安全法第124条: 货值 10,000 yuan: 200,000 yuan (20 times) is ok', 1_000_000, 20_000_000, 'ok'],
    ['食品安全法第124条: 货值 10,000 yuan: 1 fen over 20 times is a fail', 1_000_000, 20_000_001, 'fail'],
    ['食品安全法第124条: 货值 9,999.99 yuan still uses the fixed 50,000–100,000 yuan', 999_999, 5_000_000, 'ok'],
    ['食品安全法第124条: 货值 12,345.67 yuan × 10 = 123,456.70 yuan is the minimum', 1_234_567, 12_345_670, 'ok'],
    ['食品安全法第124条: 货值 12,345.67 yuan: 123,456.69 yuan is a fail', 1_234_567, 12_345_669, 'fail'],
  ])('%s', (_n, g, fen, sev) => {
    expect(worst('P6.fine-in-range', all(goods(g), setFine(fen)))).toBe(sev);
  });

  it('产品质量法第50条: 百分之五十 of 货值 rounds the minimum up to the fen', () => {
    const pq = all(basis('中华人民共和国产品质量法', '第五十条', '第三十九条'), goods(1_234_567));
    expect(worst('P6.fine-in-range', all(pq, setFine(617_284)))).toBe('ok');
    expect(worst('P6.fine-in-range', all(pq, setFine(617_283)))).toBe('fail');
    expect(run('P6.fine-in-range', all(pq, setFine(617_284)))[0]!.computation).toContain('× 50%–3倍 = 6,172.84元–37,037.01元');
  });

  it('no 货值 in the case file: the range cannot be determined (warn)', () => {
    const [f] = run('P6.fine-in-range', goods(undefined));
    expect(f!.severity).toBe('warn');
    expect(f!.message).toContain('未载明货值金额');
  });

  it('广告法第55条: the case file has no 广告费用, so the multiple cannot be checked (warn, not fail)', () => {
    const [f] = run('P6.fine-in-range', all(basis('中华人民共和国广告法', '第五十五条', '第二十八条'), setFine(14_000_000)));
    expect(f!.severity).toBe('warn');
    expect(f!.message).toContain('广告费用');
  });

  it('电子商务法第80条: a fine in the 情节严重 range is a warning; beyond it a fail', () => {
    const ec = basis('中华人民共和国电子商务法', '第八十条', '第二十七条');
    expect(worst('P6.fine-in-range', all(ec, setFine(20_000_000)))).toBe('warn');
    expect(worst('P6.fine-in-range', all(ec, setFine(60_000_000)))).toBe('fail');
  });

  it('处罚法第29条: with 市场主体登记管理条例第43条 and 无证无照经营查处办法第13条 the fine need fit only one', () => {
    const two: Mutate = (pkg) => {
      pkg.case.proposedDecision.legalBasis = [
        { law: '中华人民共和国市场主体登记管理条例', article: '第四十三条' },
        { law: '无证无照经营查处办法', article: '第十三条' },
      ];
    };
    const [f] = run('P6.fine-in-range', all(two, setFine(3_000_000)));
    expect(f!.severity).toBe('ok');
    expect(f!.computation).toContain('另有罚则');
    expect(worst('P6.fine-in-range', all(two, setFine(60_000_000)))).toBe('fail');
  });
});

describe('P6 裁量档次 (裁量意见: 从轻下30%、从重上30%；减轻须说明理由)', () => {
  it('band model boundaries for 50,000–100,000 yuan', () => {
    const v = discretionZones(rules, 'band', 5_000_000, 10_000_000);
    expect(v.zones).toEqual([
      { level: '从轻', lo: 5_000_000, hi: 6_500_000 },
      { level: '一般', lo: 6_500_000, hi: 8_500_000 },
      { level: '从重', lo: 8_500_000, hi: 10_000_000 },
    ]);
  });
  it.each([
    ['裁量意见: 从轻 at the 30% boundary (65,000 yuan) is ok', '从轻', 6_500_000, 'ok'],
    ['裁量意见: 从轻 at 65,000.01 yuan is outside the lower 30%', '从轻', 6_500_001, 'warn'],
    ['裁量意见: 从重 at 85,000 yuan (upper 30%) is ok', '从重', 8_500_000, 'ok'],
    ['裁量意见: 从重 at 80,000 yuan is not in the upper 30%', '从重', 8_000_000, 'warn'],
    ['裁量意见: 一般 at 70,000 yuan is ok', '一般', 7_000_000, 'ok'],
    ['处罚法第32条: 减轻 but not below the minimum is inconsistent', '减轻', 5_000_000, 'warn'],
    ['处罚法第33条: 不予处罚 with a fine is a fail', '不予处罚', 5_000_000, 'fail'],
  ] as const)('%s', (_n, l, fen, sev) => {
    const [f] = run('P6.discretion-position', all(setFine(fen), level(l, '理由')));
    expect(f!.severity).toBe(sev);
    expect(f!.computation).toContain('幅度比例模式');
  });

  it('处罚法第32条: 减轻 below the minimum with a stated reason is accepted', () => {
    const m = all(setFine(3_000_000), level('减轻', '当事人主动消除违法行为危害后果'));
    expect(worst('P6.fine-in-range', m)).toBe('info');
    expect(worst('P6.mitigation-reason', m)).toBe('ok');
  });
  it('处罚法第32条: 减轻 without a reason is a fail', () => {
    expect(worst('P6.mitigation-reason', all(setFine(3_000_000), level('减轻')))).toBe('fail');
  });
  it('处罚法第32条: 从轻 without any factor is flagged', () => {
    expect(worst('P6.factors-stated', level('从轻', undefined, []))).toBe('warn');
  });

  it('tier model (agency override): 食品安全法第126条 5,000–50,000 yuan cut by multiples (ratio 10 ≥ 4)', () => {
    const tier = mergeRuleSet(rules, { format: 'fashen.rules-override', agencyCode: 't', name: '分档', version: '1', effectiveFrom: '2026-01-01', source: { law: '某地裁量基准' }, status: 'to_verify', rules: { discretion: { defaultModel: 'tier' } } });
    const m = all(basis('中华人民共和国食品安全法', '第一百二十六条', '第五十三条'), setFine(1_500_000), (pkg) => pkg.documents.push(doc('责令改正通知书', '2026-05-11')));
    const [f] = run('P6.discretion-position', m, { rules: tier });
    expect(f!.severity).toBe('ok');
    expect(f!.computation).toContain('按倍数分档');
    expect(f!.computation).toContain('第1档 5,000元–10,772.17元，第2档 10,772.17元–23,207.94元，第3档 23,207.94元–50,000元');
    expect(worst('P6.discretion-position', all(m, level('从轻')), { rules: tier })).toBe('warn');
  });

  it('max-only model: 价格法第42条 (五千元以下): 一般 is 40–60% of the maximum', () => {
    const m = basis('中华人民共和国价格法', '第四十二条', '第十三条');
    const [ok] = run('P6.discretion-position', all(m, setFine(250_000)));
    expect(ok!.severity).toBe('ok');
    expect(ok!.computation).toContain('仅规定最高限模式');
    expect(worst('P6.discretion-position', all(m, setFine(400_000)))).toBe('warn');
  });
  it('max-only model: a fine between two bands says so (20–40% of the maximum is no band)', () => {
    const m = basis('中华人民共和国价格法', '第四十二条', '第十三条');
    const [gap] = run('P6.discretion-position', all(m, setFine(150_000)));
    expect(gap!.severity).toBe('warn');
    expect(gap!.message).toContain('罚款 1,500元 不在该档');
    expect(gap!.message).toContain('位于最高限的20%–40%（1,000元–2,000元），所用裁量基准对这一区间未规定档次（不属任何一档）');
    const [heavy] = run('P6.discretion-position', all(m, setFine(400_000)));
    expect(heavy!.message).toContain('位于“从重”档');
  });
  it('max-only model: every finding shows the whole range, the unassigned 20–40% named as such', () => {
    const m = basis('中华人民共和国价格法', '第四十二条', '第十三条');
    const [ok] = run('P6.discretion-position', all(m, setFine(250_000)));
    expect(ok!.computation).toContain('从轻≤20%，一般40%–60%，从重≥60%；20%–40%未划档');
    expect(ok!.computation).toContain('从轻 0元–1,000元，一般 2,000元–3,000元，从重 3,000元–5,000元；最高限的20%–40%（1,000元–2,000元）裁量基准未规定档次');
    const v = discretionZones(rules, 'max_only', 0, 500_000);
    // Bands and unassigned parts together cover [0, max] without a hole.
    const parts = [...v.zones.map((z) => [z.lo, z.hi] as const), ...v.gaps.map((g) => [g.lo, g.hi] as const)].sort((a, b) => a[0] - b[0]);
    expect(parts[0]![0]).toBe(0);
    expect(parts.at(-1)![1]).toBe(500_000);
    for (let i = 1; i < parts.length; i++) expect(parts[i]![0]).toBeLessThanOrEqual(parts[i - 1]![1]);
    expect(v.gaps).toEqual([{ lo: 100_000, hi: 200_000, loPct: 20, hiPct: 40 }]);
  });

  it('处罚法第33条: first violation, minor, corrected → a 不予处罚 hint', () => {
    expect(worst('P6.first-violation-hint', (pkg) => (pkg.case.facts += '当事人系初次违法，已及时改正。'))).toBe('info');
    expect(run('P6.first-violation-hint')).toEqual([]);
  });
  it('处罚法第33条 needs 及时改正: no 不予处罚 hint once correction was refused', () => {
    const first: Mutate = (pkg) => (pkg.case.facts += '当事人系初次违法。');
    expect(worst('P6.first-violation-hint', first)).toBe('info');
    expect(run('P6.first-violation-hint', all(first, (pkg) => (pkg.case.facts += '经责令改正，当事人逾期不改正。')))).toEqual([]);
    // 食品安全法第126条 fines only 拒不改正: the basis itself rules the hint out.
    expect(run('P6.first-violation-hint', all(first, basis('中华人民共和国食品安全法', '第一百二十六条', '第五十三条'), setFine(1_500_000)))).toEqual([]);
  });

  it('食品安全法第126条: a fine needs a prior order to correct (拒不改正)', () => {
    const m = all(basis('中华人民共和国食品安全法', '第一百二十六条', '第五十三条'), setFine(1_500_000));
    expect(worst('P6.refused-correction', m)).toBe('warn');
    expect(worst('P6.refused-correction', all(m, (pkg) => pkg.documents.push(doc('责令改正通知书', '2026-05-11'))))).toBe('info');
  });
});

describe('P6 类案同罚 (same article key in the local cache)', () => {
  const key = '食品安全法第124条第5项';
  const cases = (...fen: number[]) => fen.map((f, i) => ({ caseId: `c${i}`, caseNumber: `马市监处罚〔2026〕${i + 1}号`, articleKey: key, fineFen: f }));
  it.each([
    ['类案同罚: inside the spread of similar cases is ok', cases(6_000_000, 8_000_000), 'ok'],
    ['类案同罚: above the spread is flagged', cases(5_000_000, 6_000_000), 'warn'],
    ['类案同罚: below the spread is flagged', cases(8_000_000, 9_000_000), 'warn'],
    ['类案同罚: no similar case with the same article', [{ caseId: 'x', caseNumber: 'x', articleKey: '价格法第40条', fineFen: 1 }], 'info'],
  ])('%s', (_n, similarCases, sev) => {
    expect(worst('P6.similar-cases', undefined, { similarCases })).toBe(sev);
  });
  it('shows the similar cases’ amounts', () => {
    const [f] = run('P6.similar-cases', undefined, { similarCases: cases(5_000_000, 6_000_000) });
    expect(f!.computation).toContain('马市监处罚〔2026〕1号 50,000元；马市监处罚〔2026〕2号 60,000元；区间 50,000元–60,000元；本案 70,000元');
    // The article as people cite it, not the comparison key.
    expect(f!.computation).toContain('适用条款：《食品安全法》第一百二十四条第（五）项');
    const [none] = run('P6.similar-cases', undefined, { similarCases: [{ caseId: 'x', caseNumber: 'x', articleKey: '价格法第40条', fineFen: 1 }] });
    expect(none!.message).toBe('本地缓存中没有适用《食品安全法》第一百二十四条第（五）项的类案');
  });
  it('no cache given: no finding', () => {
    expect(run('P6.similar-cases')).toEqual([]);
  });
});
