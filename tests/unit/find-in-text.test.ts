// A search hit in a text or Word pane: the occurrence the index counted, found in the raw text.
import { describe, expect, it } from 'vitest';
import { findInText } from '../../src/renderer/src/viewers/text/findInText';

const at = (text: string, find: Parameters<typeof findInText>[1]) => {
  const r = findInText(text, find);
  return r && { start: r.start, text: text.slice(r.start, r.end) };
};

describe('findInText', () => {
  it('finds the occurrence the index counted, not the first', () => {
    const text = '张三：没有票据。\n李四：合肥的批发市场，没有票据。';
    expect(at(text, { text: '没有票据', before: '', after: '', occurrence: 1 })).toEqual({ start: text.lastIndexOf('没有票据'), text: '没有票据' });
    expect(at(text, { text: '没有票据', before: '', after: '', occurrence: 0 })).toEqual({ start: 3, text: '没有票据' });
  });

  it('counts as the index does: whitespace and line breaks ignored, full-width and case folded', () => {
    const text = '收银记录：售出涉案\n食品 １２ 件，RECEIPT';
    expect(at(text, { text: '涉案食品12件', before: '', after: '', occurrence: 0 })?.text).toBe('涉案\n食品 １２ 件');
    expect(at(text, { text: 'receipt', before: '', after: '', occurrence: 0 })?.text).toBe('RECEIPT');
  });

  it('falls back to the context when the count does not fit, and says null when the text is not there', () => {
    const text = '甲：同意。乙：不同意。';
    expect(at(text, { text: '同意', before: '乙：不', after: '。', occurrence: 9 })?.start).toBe(text.lastIndexOf('同意'));
    expect(findInText(text, { text: '罚款', before: '', after: '', occurrence: 0 })).toBeNull();
    expect(findInText(text, { text: '  ', before: '', after: '', occurrence: 0 })).toBeNull();
  });
});
