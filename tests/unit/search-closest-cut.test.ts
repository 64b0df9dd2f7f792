// A several-word hit's snippet is cut where the words stand together, so the line shows them side by side.
import { describe, expect, it } from 'vitest';
import { closestCut } from '../../src/main/db/repos/search-terms';
import { CONTEXT, snippetAround } from '../../src/main/db/repos/search-text';

const far = '无关文字'.repeat(20);

describe('closestCut', () => {
  it('prefers the place where the other word is within the snippet’s reach over the first occurrence', () => {
    const text = `询问笔录${far}${far}被询问人系当事人的员工，询问笔录第二页${far}`;
    const [q, at] = closestCut(text, ['询问笔录', '当事人']);
    const s = snippetAround(text, q, at);
    expect(`${s.before}${s.match}${s.after}`).toContain('当事人');
    expect(`${s.before}${s.match}${s.after}`).toContain('询问笔录');
    expect(at).toBeGreaterThan(2 * CONTEXT);
  });

  it('takes the words as typed when they stand together, and the earliest place among equals', () => {
    expect(closestCut(`${far}罚款 60,000元`, ['罚款', '60,000'])).toEqual(['罚款 60,000', far.length]);
    expect(closestCut(`当事人${far}当事人`, ['当事人'])).toEqual(['当事人', 0]);
  });

  it('ignores case as the index does, and says -1 when no word is there', () => {
    expect(closestCut('Receipt NO. 20', ['no.'])).toEqual(['no.', 8]);
    expect(closestCut('没有命中', ['罚款', '没收'])).toEqual(['罚款', -1]);
  });
});
