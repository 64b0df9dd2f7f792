// 裁量分析 for the meeting screen: the same statutory range and 30% bands as the P6 review check,
// this case's fine and its position, and only the similar cases that cite the same article.
import { describe, expect, it } from 'vitest';
import { discretionAnalysis } from '../../src/shared/meeting/discretion';
import { baseCase, rules } from './rules/fixture';

const similar = [
  { caseId: 'x1', caseNumber: '马市监处罚〔2026〕88号', articleKey: '食品安全法第124条第5项', fineFen: 6_000_000 },
  { caseId: 'x2', caseNumber: '马市监处罚〔2026〕12号', articleKey: '食品安全法第124条第5项', fineFen: 5_000_000 },
  { caseId: 'x3', caseNumber: '马市监处罚〔2026〕7号', articleKey: '广告法第55条', fineFen: 20_000_000 },
  { caseId: 'case-0001-aaaa', caseNumber: '马市监处罚〔2026〕101号', articleKey: '食品安全法第124条第5项', fineFen: 7_000_000 },
];

describe('discretion analysis', () => {
  it('range 50,000–100,000 yuan (goods value below 10,000), 30% bands, the fine at 40%, same-article cases sorted', () => {
    const d = discretionAnalysis(baseCase(), rules, similar);
    expect(d).toMatchObject({
      available: true,
      note: null,
      article: '《食品安全法》第一百二十四条第一款第（五）项',
      minFen: 5_000_000,
      maxFen: 10_000_000,
      caseFen: 7_000_000,
      position: '40.0%',
      statedLevel: '一般',
      factors: ['违法行为持续时间较短'],
    });
    expect(d.bands).toEqual([
      { level: '从轻', loFen: 5_000_000, hiFen: 6_500_000 },
      { level: '一般', loFen: 6_500_000, hiFen: 8_500_000 },
      { level: '从重', loFen: 8_500_000, hiFen: 10_000_000 },
    ]);
    expect(d.model).toContain('从轻为下30%');
    expect(d.similar).toEqual([
      { caseNumber: '马市监处罚〔2026〕12号', fineFen: 5_000_000 },
      { caseNumber: '马市监处罚〔2026〕88号', fineFen: 6_000_000 },
    ]);
  });

  it('says why when there is no fine, or the fine is outside the range', () => {
    const noFine = baseCase();
    noFine.case.proposedDecision.penalties = noFine.case.proposedDecision.penalties.filter((p) => p.type !== 'fine');
    expect(discretionAnalysis(noFine, rules, [])).toMatchObject({ available: false, note: '本案拟处罚不含罚款，无罚款裁量幅度', caseFen: null });
    const low = baseCase();
    low.case.proposedDecision.penalties.find((p) => p.type === 'fine')!.amountFen = 3_000_000;
    low.case.proposedDecision.discretion = { level: '减轻', factors: [], reason: '主动消除违法后果' };
    expect(discretionAnalysis(low, rules, [])).toMatchObject({ available: true, note: '拟罚款低于法定最低限（减轻处罚）', position: null, factors: ['主动消除违法后果'] });
  });
});
