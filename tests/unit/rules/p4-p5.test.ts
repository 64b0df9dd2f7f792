// P4 事实与证据 (处罚法第40条; 行政诉讼法第33条) and P5 法律适用 (处罚法第29条、第37条).
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/shared/rules';
import { mergeRuleSet, type RuleOverride } from '../../../src/shared/rules/override';
import { doc, ev, input, rules, run, worst, type Mutate } from './fixture';

describe('P4 构成要件与证据 (处罚法第四十条)', () => {
  it('处罚法第40条: every element of 食品安全法第34条第(10)项 has matching evidence', () => {
    const fs = run('P4.elements');
    expect(fs.map((f) => f.severity)).toEqual(['ok', 'ok', 'ok']);
  });
  it('处罚法第40条: an element without evidence (超过保质期) is flagged', () => {
    const fs = run('P4.elements', (pkg) => (pkg.evidence = pkg.evidence.filter((e) => e.id !== 'e2')));
    const miss = fs.find((f) => f.severity === 'warn')!;
    expect(miss.message).toContain('经营标注虚假日期或超过保质期的食品');
    expect(miss.computation).toContain('超过保质期');
  });
  it('处罚法第40条: a case without evidence is a fail', () => {
    expect(worst('P4.elements', (pkg) => (pkg.evidence = []))).toBe('fail');
  });
  it('elements of an unknown provision are left to the reviewer', () => {
    expect(worst('P4.elements', (pkg) => (pkg.case.proposedDecision.violatedProvisions = [{ law: '某某条例', article: '第一条' }]))).toBe('info');
  });
});

describe('P4 证据要素与完整性 (行政诉讼法第三十三条)', () => {
  it.each<[string, Mutate, string]>([
    ['证据要素: evidence without a collector is flagged', (pkg) => (pkg.evidence[0]!.collectedBy = []), 'warn'],
    ['证据要素: evidence dated after today is a fail', (pkg) => (pkg.evidence[0]!.collectedOn = '2026-09-01'), 'fail'],
    ['证据要素: evidence dated before the lead is flagged', (pkg) => (pkg.evidence[0]!.collectedOn = '2026-05-01'), 'warn'],
  ])('%s', (_n, m, sev) => {
    expect(worst('P4.evidence-metadata', m)).toBe(sev);
  });

  it('证据真实性: a tampered or missing file is a fail; intact files are ok', () => {
    const pkg = input().pkg;
    const states = Object.fromEntries([...pkg.documents, ...pkg.evidence].map((x) => [x.file.sha256, 'ok' as const]));
    expect(worst('P4.file-integrity', undefined, { fileStates: states })).toBe('ok');
    const tampered = run('P4.file-integrity', undefined, { fileStates: { ...states, [pkg.evidence[1]!.file.sha256]: 'tampered' } });
    expect(tampered.find((f) => f.severity === 'fail')!.message).toContain('现场照片');
    expect(worst('P4.file-integrity', undefined, { fileStates: { ...states, [pkg.documents[0]!.file.sha256]: 'missing' } })).toBe('fail');
    expect(worst('P4.file-integrity')).toBe('info');
  });

  it('先取证、后裁决: evidence gathered after the notice is asked about; after the proposed decision it is a fail', () => {
    // 告知 2026-07-13, 拟决定 2026-07-27.
    const at = (date: string): Mutate => (pkg) => pkg.evidence.push(ev('补充调取的进货单据', '涉案食品的进货来源', date, { id: 'e9' }));
    const [afterNotice] = run('P4.evidence-after', at('2026-07-20'));
    expect(afterNotice!.severity).toBe('warn');
    expect(afterNotice!.message).toBe('证据“补充调取的进货单据”的收集日期 2026-07-20 晚于行政处罚告知日期 2026-07-13；如据以认定事实，应就其告知当事人并听取陈述申辩');
    const [afterDecision] = run('P4.evidence-after', at('2026-07-28'));
    expect(afterDecision!.severity).toBe('fail');
    expect(afterDecision!.message).toContain('不能作为认定事实的依据（先取证、后裁决）');
    expect(run('P4.evidence-after', at('2026-07-13'))).toEqual([]);
    // The metadata check still says its own ok.
    expect(run('P4.evidence-metadata', at('2026-07-20')).map((f) => f.severity)).toEqual(['ok']);
  });

  it('处罚法第47条: 扣押 needs an audio-video record of that day', () => {
    const seize: Mutate = (pkg) => pkg.documents.push(doc('实施行政强制措施决定书', '2026-05-12', { title: '实施行政强制措施决定书（扣押）' }));
    expect(worst('P4.audio-video', seize)).toBe('warn');
    expect(worst('P4.audio-video', (pkg) => (seize(pkg), pkg.evidence.push(ev('扣押现场执法记录仪视频', '扣押过程', '2026-05-12', { kind: '视听资料' }))))).toBe('ok');
    expect(run('P4.audio-video')).toEqual([]);
  });

  it('处罚法第47条: photographs filed as 视听资料 are no audio-video record of the 扣押', () => {
    const seize: Mutate = (pkg) => pkg.documents.push(doc('实施行政强制措施决定书', '2026-05-12', { title: '实施行政强制措施决定书（扣押）' }));
    const photo = (title: string, mime: string): Mutate => (pkg) =>
      pkg.evidence.push(ev(title, '扣押物品的数量和状态', '2026-05-12', { kind: '视听资料', file: { path: 'evidence/x', sha256: 'a'.repeat(64), size: 1, mime } }));
    expect(worst('P4.audio-video', (pkg) => (seize(pkg), photo('扣押物品照片', 'image/jpeg')(pkg)))).toBe('warn');
    expect(worst('P4.audio-video', (pkg) => (seize(pkg), photo('扣押现场', 'image/jpeg')(pkg)))).toBe('warn');
    // A 视听资料 whose file is a recording counts, whatever its title.
    expect(worst('P4.audio-video', (pkg) => (seize(pkg), photo('扣押现场', 'video/mp4')(pkg)))).toBe('ok');
  });
});

describe('P5 法律依据 (处罚法第三十七条 从旧兼从轻)', () => {
  it.each<[string, Mutate, string, string]>([
    ['处罚法第37条: a law not in the rule data is a warning', (pkg) => (pkg.case.proposedDecision.legalBasis = [{ law: '某某条例', article: '第一条' }]), 'P5.article-exists', 'warn'],
    ['食品安全法共154条: 第二百条 does not exist', (pkg) => (pkg.case.proposedDecision.legalBasis = [{ law: '中华人民共和国食品安全法', article: '第二百条' }]), 'P5.article-exists', 'fail'],
    ['处罚法第37条: 食品安全法第124条 (2015-10-01) was not in force for a violation in 2015-05', (pkg) => (pkg.case.violationPeriod = { start: '2015-05-01', end: '2015-05-10', continuing: false }), 'P5.in-force', 'fail'],
    ['处罚法第37条: in force on 2026-05-10', () => {}, 'P5.in-force', 'ok'],
  ])('%s', (_n, m, check, sev) => {
    expect(worst(check, m)).toBe(sev);
  });

  const override = (newMaxFen: number): RuleOverride => ({
    format: 'fashen.rules-override',
    agencyCode: 'test',
    name: '测试：条文修改',
    version: 't',
    effectiveFrom: '2026-06-01',
    source: { law: '测试' },
    status: 'to_verify',
    rules: {
      statutes: [
        {
          law: '测试法',
          short: '测试法',
          aliases: [],
          kind: 'law',
          version: '2026年修正',
          effectiveFrom: '2026-06-01',
          lifeHealth: false,
          status: 'to_verify',
          articles: [
            { article: '第十条', no: 10, summary: '旧罚则', status: 'to_verify', effectiveFrom: '2020-01-01', effectiveTo: '2026-05-31', penaltyTypes: ['fine'], fine: { text: '五万元以下', optional: false, branches: [{ range: { kind: 'fixed', minFen: 0, maxFen: 5_000_000 }, text: '五万元以下' }] } },
            { article: '第十条', no: 10, summary: '新罚则', status: 'to_verify', effectiveFrom: '2026-06-01', penaltyTypes: ['fine'], fine: { text: '新罚则', optional: false, branches: [{ range: { kind: 'fixed', minFen: 0, maxFen: newMaxFen }, text: '新罚则' }] } },
          ],
        },
      ],
    },
  });
  const testLaw: Mutate = (pkg) => {
    pkg.case.proposedDecision.legalBasis = [{ law: '测试法', article: '第十条' }];
    pkg.case.proposedDecision.penalties = [{ type: 'fine', amountFen: 1_000_000, description: '罚款一万元' }];
  };
  it('处罚法第37条: a lighter new provision in force at decision time must be applied (从旧兼从轻)', () => {
    const fs = runChecks({ ...input(testLaw), rules: mergeRuleSet(rules, override(3_000_000)) }).filter((f) => f.check === 'P5.lighter-new-law');
    expect(fs).toHaveLength(1);
    expect(fs[0]!.severity).toBe('warn');
    expect(fs[0]!.computation).toContain('0元–50,000元');
    expect(fs[0]!.computation).toContain('0元–30,000元');
  });
  it('处罚法第37条: a heavier new provision leaves the old one applicable', () => {
    const fs = runChecks({ ...input(testLaw), rules: mergeRuleSet(rules, override(8_000_000)) }).filter((f) => f.check === 'P5.lighter-new-law');
    expect(fs.map((f) => f.severity)).toEqual(['info']);
  });

  it('违法条款与罚则对应: 第124条第(五)项 punishes 第34条第(十)项, not 第53条', () => {
    expect(worst('P5.basis-matches-violation')).toBe('ok');
    expect(worst('P5.basis-matches-violation', (pkg) => (pkg.case.proposedDecision.violatedProvisions = [{ law: '中华人民共和国食品安全法', article: '第五十三条' }]))).toBe('warn');
  });

  it('处罚法第29条: two fines for one act are flagged', () => {
    expect(worst('P5.one-fine', (pkg) => pkg.case.proposedDecision.penalties.push({ type: 'fine', amountFen: 100_000, description: '罚款一千元' }))).toBe('warn');
  });

  it('无证无照经营查处办法第13条 alone after 2022-03-01 points to 市场主体登记管理条例第43条', () => {
    const unl: Mutate = (pkg) => {
      pkg.case.proposedDecision.violatedProvisions = [{ law: '无证无照经营查处办法', article: '第二条' }];
      pkg.case.proposedDecision.legalBasis = [{ law: '无证无照经营查处办法', article: '第十三条' }];
    };
    expect(worst('P5.caution', unl)).toBe('warn');
    expect(run('P5.caution', (pkg) => (unl(pkg), pkg.case.proposedDecision.legalBasis.unshift({ law: '中华人民共和国市场主体登记管理条例', article: '第四十三条' })))).toEqual([]);
  });
});
