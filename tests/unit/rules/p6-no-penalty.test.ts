// P6 不予处罚 (处罚法第三十三条): no penalty may be imposed, and the ground must be stated.
import { describe, expect, it } from 'vitest';
import type { ProposedDecision } from '../../../src/shared/casefile/schema';
import { run, worst, type Mutate } from './fixture';

const noPenalty =
  (penalties: ProposedDecision['penalties'], factors: string[]): Mutate =>
  (pkg) => {
    pkg.case.proposedDecision.penalties = penalties;
    pkg.case.proposedDecision.discretion = { level: '不予处罚', factors };
  };
const warning = { type: 'warning' as const, description: '警告' };
const goods = { type: 'confiscate_goods' as const, description: '没收不符合食品安全标准的食品' };

describe('P6 不予处罚 (处罚法第三十三条)', () => {
  it('警告 under 不予处罚 is a penalty all the same: a fail', () => {
    const [f] = run('P6.no-penalty', noPenalty([warning], ['违法行为轻微并及时改正', '没有造成危害后果']));
    expect(f!.severity).toBe('fail');
    expect(f!.message).toContain('却给予警告');
  });
  it('a confiscation under 不予处罚 is flagged for its basis (第二十八条), not failed', () => {
    const fs = run('P6.no-penalty', noPenalty([goods], ['初次违法', '危害后果轻微', '及时改正']));
    expect(fs.map((f) => f.severity)).toEqual(['warn']);
    expect(fs[0]!.basis.map((b) => b.article)).toContain('第二十八条');
  });
  it('the ground of 第三十三条 is looked for in the facts and factors', () => {
    expect(worst('P6.no-penalty-ground', noPenalty([goods], ['初次违法', '危害后果轻微', '及时改正']))).toBe('ok');
    expect(worst('P6.no-penalty-ground', noPenalty([goods], ['当事人有证据足以证明没有主观过错']))).toBe('ok');
    expect(worst('P6.no-penalty-ground', noPenalty([goods], ['配合调查']))).toBe('warn');
  });
  it('other levels are left to the fine checks', () => {
    expect(run('P6.no-penalty')).toEqual([]);
    expect(run('P6.no-penalty-ground')).toEqual([]);
  });
  it('主动消除 is a 第三十二条 (从轻、减轻) factor: it no longer prompts the 不予处罚 hint', () => {
    const m: Mutate = (pkg) => (pkg.case.proposedDecision.discretion = { level: '从轻', factors: ['主动消除违法行为危害后果'] });
    expect(run('P6.first-violation-hint', m)).toEqual([]);
  });
});
