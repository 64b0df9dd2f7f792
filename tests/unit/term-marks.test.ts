// Every word of a several-word query is marked in a search snippet, not only the one it was cut around.
import { describe, expect, it } from 'vitest';
import { markSnippet, markTerms } from '../../src/shared/text/term-marks';

const marked = (parts: { text: string; mark: boolean }[]) => parts.filter((p) => p.mark).map((p) => p.text);

describe('markTerms', () => {
  it('marks every occurrence of every word, in text order, and keeps all the text', () => {
    const text = '当事人马鞍山博源公司于现场检查时，马鞍山市局执法人员出示证件';
    const parts = markTerms(text, ['博源', '马鞍山']);
    expect(marked(parts)).toEqual(['马鞍山博源', '马鞍山']);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('ignores case as the index does, merges overlapping words, and leaves text without a word plain', () => {
    expect(marked(markTerms('Receipt NO. 20 and no. 21', ['no.']))).toEqual(['NO.', 'no.']);
    expect(marked(markTerms('行政处罚决定书', ['处罚决定', '决定书']))).toEqual(['处罚决定书']);
    expect(markTerms('没有命中', ['罚款'])).toEqual([{ text: '没有命中', mark: false }]);
    expect(markTerms('', ['罚款'])).toEqual([]);
    expect(markTerms('罚款', [''])).toEqual([{ text: '罚款', mark: false }]);
  });
});

describe('markSnippet', () => {
  it('marks the match and the other words in the context on both sides', () => {
    const parts = markSnippet({ before: '…询问笔录（第一次）被询问人：', match: '当事人', after: '的委托代理人，询问笔录共三页…' }, ['询问笔录', '当事人']);
    expect(marked(parts)).toEqual(['询问笔录', '当事人', '询问笔录']);
    expect(parts.map((p) => p.text).join('')).toBe('…询问笔录（第一次）被询问人：当事人的委托代理人，询问笔录共三页…');
  });

  it('reads a word right beside the match as one mark', () => {
    expect(markSnippet({ before: '某某', match: '马鞍山', after: '博源公司' }, ['马鞍山', '博源'])).toEqual([
      { text: '某某', mark: false },
      { text: '马鞍山博源', mark: true },
      { text: '公司', mark: false },
    ]);
  });

  it('with one word marks only the match, as before', () => {
    expect(markSnippet({ before: 'a', match: '罚款', after: 'b' }, ['罚款'])).toEqual([
      { text: 'a', mark: false },
      { text: '罚款', mark: true },
      { text: 'b', mark: false },
    ]);
  });
});
