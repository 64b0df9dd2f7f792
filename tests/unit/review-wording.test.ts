// Small wording rules of the review UI: deadlines always in working days (never a bare 日, read as
// calendar days), and a computation step never splits a number from its unit across lines.
import { describe, expect, it } from 'vitest';
import { remainingLongText, remainingText, remainingTitle } from '../../src/renderer/src/queue/RemainingDays';
import { unitPieces } from '../../src/renderer/src/review/unitText';

describe('remaining review time', () => {
  it('the queue’s compact form leaves the unit to its column header (工作日), never says 日', () => {
    expect([3, 0, -2, null].map(remainingText)).toEqual(['3', '已到期', '超期2', '—']);
  });
  it('the header’s long form spells out 个工作日, as the review panel does', () => {
    expect([3, 0, -2].map((n) => remainingLongText(n))).toEqual(['剩余 3 个工作日', '已到期', '超期 2 个工作日']);
  });
  it('a count that includes today says so (a case received today shows 剩余 11 个工作日（含今日）)', () => {
    expect(remainingLongText(11, true)).toBe('剩余 11 个工作日（含今日）');
    expect(remainingTitle({ remainingWorkingDays: 11, remainingIncludesToday: true, reviewDueOn: '2026-12-18', calendarWarning: null })).toBe('剩余 11 个工作日（含今日），截止 2026-12-18');
    // On a rest day today is not counted, and the label does not claim it.
    expect(remainingTitle({ remainingWorkingDays: 10, remainingIncludesToday: false, reviewDueOn: '2026-12-18', calendarWarning: null })).toBe('剩余 10 个工作日，截止 2026-12-18');
  });
});

describe('computation steps', () => {
  it('keep each number together with its unit', () => {
    const kept = (s: string) => unitPieces(s).filter((p) => p.keep).map((p) => p.text);
    expect(kept('今日 2026-11-20（尚未拟定决定日期），超期 78 日')).toEqual(['78 日']);
    expect(kept('收件 2026-11-04 + 10 个工作日 = 2026-11-18')).toEqual(['10 个工作日']);
    expect(kept('2026-09-08 + 2年 = 2028-09-08')).toEqual(['2年']);
    expect(unitPieces('立案 2026-06-05 + 90日').map((p) => p.text).join('')).toBe('立案 2026-06-05 + 90日');
  });
});
