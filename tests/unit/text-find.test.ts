// Ctrl+F in the text and Word panes, and the search's other words marked beside a hit: matched in
// folded text like the PDF find and the index, mapped back to the raw text, drawn in blocks.
import { describe, expect, it } from 'vitest';
import { matchesInText, termsInText } from '../../src/renderer/src/viewers/text/findInText';
import { termSpans } from '../../src/renderer/src/viewers/pdf/textMatch';
import { around, blockParts, firstFrom, marksIn, mergeMarks, textBlocks, type TextMark } from '../../src/renderer/src/viewers/text/textMarks';

const texts = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe('matchesInText', () => {
  it('finds every match folded: whitespace and line breaks ignored, full width and case folded', () => {
    const text = '售出涉案\n食品 １２ 件；又售出涉案食品12件。RECEIPT receipt';
    expect(texts(text, matchesInText(text, '涉案食品12件'))).toEqual(['涉案\n食品 １２ 件', '涉案食品12件']);
    expect(texts(text, matchesInText(text, 'Receipt'))).toEqual(['RECEIPT', 'receipt']);
  });

  it('finds nothing for an empty or blank query, or text that is not there', () => {
    expect(matchesInText('没有票据', '')).toEqual([]);
    expect(matchesInText('没有票据', ' 　')).toEqual([]);
    expect(matchesInText('没有票据', '发票')).toEqual([]);
  });

  it('maps back to the raw text after characters that fold longer or shorter', () => {
    // ㈱ folds to three units, ﬁ to two, a space to none.
    const text = '㈱公司 ﬁle 罚款';
    expect(texts(text, matchesInText(text, '罚款'))).toEqual(['罚款']);
    expect(texts(text, matchesInText(text, 'file'))).toEqual(['ﬁle']);
  });
});

describe('search words beside the hit', () => {
  it('marks every occurrence of every word except where the hit is', () => {
    const text = '询问笔录：当事人称……另附询问笔录一份，当事人签字。';
    const hit = { start: text.lastIndexOf('询问笔录'), end: text.lastIndexOf('询问笔录') + 4 };
    expect(texts(text, termsInText(text, ['询问笔录', '当事人'], hit))).toEqual(['询问笔录', '当事人', '当事人']);
    expect(termsInText(text, ['询问笔录', '当事人'], hit).every((s) => s.end <= hit.start || s.start >= hit.end)).toBe(true);
  });

  it('merges words that overlap or touch into one mark, and folds them like the hit', () => {
    expect(termSpans('abcde', ['abc', 'cd'], null)).toEqual([{ start: 0, length: 4 }]);
    const text = '罚款 ６０，０００ 元';
    expect(texts(text, termsInText(text, ['60,000'], null))).toEqual(['６０，０００']);
  });
});

describe('text marks in blocks', () => {
  const mark = (start: number, end: number, kind: TextMark['kind'] = 'find'): TextMark => ({ start, end, kind });

  it('cuts the text into blocks at line breaks, the break itself left as the edge', () => {
    const text = 'aaaa\nbbbb\ncccc';
    expect(textBlocks(text, 3)).toEqual([
      { from: 0, to: 4 },
      { from: 5, to: 9 },
      { from: 10, to: 14 },
    ]);
    expect(textBlocks('no line break at all', 3)).toEqual([{ from: 0, to: 20 }]);
    expect(textBlocks('short\ntext')).toEqual([{ from: 0, to: 10 }]);
  });

  it('draws a mark across a block edge in both blocks, and plain text around marks', () => {
    const text = 'aaaa\nbbbb';
    const [first, second] = textBlocks(text, 3) as [{ from: number; to: number }, { from: number; to: number }];
    const marks = [mark(2, 7, 'hit')];
    expect(blockParts(text, first, marksIn(marks, first))).toEqual([
      { text: 'aa', kind: null },
      { text: 'aa', kind: 'hit' },
    ]);
    expect(blockParts(text, second, marksIn(marks, second))).toEqual([
      { text: 'bb', kind: 'hit' },
      { text: 'bb', kind: null },
    ]);
    expect(blockParts(text, first, [])).toEqual([{ text: 'aaaa', kind: null }]);
  });

  it('keeps at most so many marks, around the one that matters', () => {
    const items = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(around(items, 5, 4)).toEqual({ items: [3, 4, 5, 6], offset: 3 });
    expect(around(items, 0, 4)).toEqual({ items: [0, 1, 2, 3], offset: 0 });
    expect(around(items, 9, 4)).toEqual({ items: [6, 7, 8, 9], offset: 6 });
    expect(around(items, 3, 20).items).toHaveLength(10);
  });

  it('starts a new find at the first match from the reading place, wrapping to the first', () => {
    const spans = [mark(10, 12), mark(50, 52), mark(90, 92)];
    expect(firstFrom(spans, 0)).toBe(0);
    expect(firstFrom(spans, 40)).toBe(1);
    expect(firstFrom(spans, 95)).toBe(0);
  });

  it('merges the hit with the words in order', () => {
    expect(mergeMarks([mark(5, 7, 'hit')], [mark(0, 2, 'term'), mark(9, 10, 'term')]).map((m) => m.kind)).toEqual(['term', 'hit', 'term']);
  });
});
