// The quorum rule of a collective discussion as data: the arithmetic of "过半数" and "…以上", the
// absolute minimum, validation with zh-CN messages, and the text printed in the minutes.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUORUM, evaluateQuorum, fractionText, QuorumRule, requiredMembers } from '../../src/shared/meeting/quorum';

const rule = (headCount: number, numerator: number, denominator: number, moreThan: boolean, minMembers = 1): QuorumRule => ({
  headCount,
  fraction: { numerator, denominator, moreThan },
  minMembers,
  source: '工作规则第六条',
});

describe('required members', () => {
  it.each([
    // 过半数: strictly more than half
    [5, 1, 2, true, 1, 3],
    [6, 1, 2, true, 1, 4],
    [7, 1, 2, true, 1, 4],
    // 半数以上: half or more (以上 includes the number itself)
    [6, 1, 2, false, 1, 3],
    [5, 1, 2, false, 1, 3],
    // 三分之二以上
    [5, 2, 3, false, 1, 4],
    [6, 2, 3, false, 1, 4],
    [7, 2, 3, false, 1, 5],
    [9, 2, 3, false, 1, 6],
    // the absolute minimum wins when larger
    [3, 1, 2, true, 3, 3],
    [4, 1, 2, true, 4, 4],
    // all heads
    [5, 1, 1, false, 1, 5],
  ])('%i heads, %i/%i (moreThan %s), at least %i → %i', (h, n, d, more, min, expected) => {
    expect(requiredMembers(rule(h, n, d, more, min))).toBe(expected);
  });

  it('evaluates and explains', () => {
    expect(evaluateQuorum(DEFAULT_QUORUM, 2)).toEqual({
      met: false,
      present: 2,
      required: 3,
      text: `出席负责人 2 人；规则要求至少 3 人（负责人 5 人的过半数，且不少于 3 人；依据：${DEFAULT_QUORUM.source}）`,
    });
    expect(evaluateQuorum(DEFAULT_QUORUM, 3).met).toBe(true);
    expect(fractionText({ numerator: 2, denominator: 3, moreThan: false })).toBe('三分之二以上');
    expect(fractionText({ numerator: 1, denominator: 2, moreThan: false })).toBe('半数以上');
    expect(fractionText({ numerator: 1, denominator: 1, moreThan: false })).toBe('全体');
  });
});

describe('validation', () => {
  const issues = (input: unknown) => {
    const r = QuorumRule.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}：${i.message}`);
  };
  it('accepts the default and sensible rules', () => {
    expect(issues(DEFAULT_QUORUM)).toEqual([]);
    expect(issues(rule(7, 2, 3, false, 3))).toEqual([]);
  });
  it('refuses impossible or incomplete rules with zh-CN messages', () => {
    expect(issues(rule(5, 3, 2, false))).toEqual(['fraction：比例不能大于 1（分子不得大于分母）']);
    expect(issues(rule(5, 1, 1, true))).toEqual(['fraction：“超过全部负责人”无法满足：全体出席请选择“以上”']);
    expect(issues(rule(3, 1, 2, true, 4))).toEqual(['minMembers：最少出席人数（4）不能多于负责人人数（3）']);
    expect(issues({ ...DEFAULT_QUORUM, headCount: 0 })).toEqual(['headCount：负责人人数至少为 1']);
    expect(issues({ ...DEFAULT_QUORUM, source: ' ' })).toEqual(['source：请写明人数规则的依据']);
    expect(issues({ ...DEFAULT_QUORUM, headCount: 2.5 }).length).toBe(1);
    expect(issues({ ...DEFAULT_QUORUM, extra: true }).length).toBe(1);
  });
});
