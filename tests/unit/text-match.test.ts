// The renderer's text matching for find, search hits and highlight anchors: folding, occurrences,
// choosing the occurrence by context, joining rects per line (the DOM parts are covered by E2E).
import { describe, expect, it } from 'vitest';
import { bestOccurrence, findAll, hitOccurrence, mergeLines, normalizeText } from '../../src/renderer/src/viewers/pdf/textMatch';
import { occurrenceIndex } from '../../src/shared/text/fold';

describe('text matching in the PDF text layer', () => {
  it('folds whitespace, full-width forms and case', () => {
    expect(normalizeText('询问 时间：\n2026年')).toBe('询问时间:2026年');
    expect(normalizeText('ＡＢＣ１２３')).toBe('abc123');
  });

  it('finds every non-overlapping occurrence', () => {
    expect(findAll('询问询问询问', '询问')).toEqual([0, 2, 4]);
    expect(findAll('aaaa', 'aa')).toEqual([0, 2]);
    expect(findAll('abc', '')).toEqual([]);
  });

  it('picks the occurrence whose context matches the search snippet', () => {
    const text = normalizeText('与本案关系：当事人。问：你与本案关系如何？答：与本案关系：证人');
    const starts = findAll(text, '与本案关系');
    expect(starts).toHaveLength(3);
    expect(bestOccurrence(text, starts, 5, '…答：', '：证人…')).toBe(starts[2]);
    expect(bestOccurrence(text, starts, 5, '问：你', '如何')).toBe(starts[1]);
  });

  it('joins the rects of one line and keeps lines apart', () => {
    const rects = mergeLines([
      { x: 10, y: 100, width: 20, height: 12 },
      { x: 30, y: 101, width: 40, height: 11 },
      { x: 10, y: 118, width: 50, height: 12 },
    ]);
    expect(rects).toEqual([
      { x: 10, y: 100, width: 60, height: 12 },
      { x: 10, y: 118, width: 50, height: 12 },
    ]);
  });
});

describe('which occurrence a search hit is', () => {
  it('counts occurrences before the match in folded text', () => {
    const text = '罚款５０００元，又罚款5000元';
    expect(occurrenceIndex(text, '罚款5000元', text.indexOf('罚款5000元'))).toBe(1);
    expect(occurrenceIndex(text, '罚款5000元', 0)).toBe(0);
    expect(occurrenceIndex('行政\n处罚 行政处罚', '行政处罚', 6)).toBe(1);
    expect(occurrenceIndex('无关文字', '行政处罚', 4)).toBe(0);
  });

  it('marks the counted occurrence when the snippet context cannot tell them apart', () => {
    // Boilerplate: every occurrence has the same context, so context alone picks the first.
    const text = normalizeText('依法处罚。依法处罚。依法处罚。');
    const starts = findAll(text, '处罚');
    expect(bestOccurrence(text, starts, 2, '依法', '。')).toBe(starts[0]);
    expect(hitOccurrence(text, starts, 2, '依法', '。', 2)).toBe(starts[2]);
  });

  it('falls back to the context when the count does not fit the page', () => {
    const text = normalizeText('与本案关系：当事人。与本案关系：证人');
    const starts = findAll(text, '与本案关系');
    expect(hitOccurrence(text, starts, 5, '', '：证人', 7)).toBe(starts[1]);
    // A count whose context disagrees with the snippet's loses to the one that agrees.
    expect(hitOccurrence(text, starts, 5, '', '：证人', 0)).toBe(starts[1]);
    expect(hitOccurrence(text, starts, 5, '', '：证人', null)).toBe(starts[1]);
  });
});
