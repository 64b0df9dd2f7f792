import { describe, expect, it } from 'vitest';
import { articleNumber, caseArticleKey, itemNumber, normalizeLawName, parseCnNumber, toCnNumber } from '../../../src/shared/rules/law';
import { baseCase, rules } from './fixture';

describe('citations (条、款、项)', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十三', 13],
    ['二十', 20],
    ['八十六', 86],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百二十四', 124],
    ['124', 124],
  ])('Chinese numeral %s = %i', (cn, n) => {
    expect(parseCnNumber(cn)).toBe(n);
    if (!/\d/.test(cn) && cn !== '一百一十') expect(toCnNumber(n)).toBe(cn);
  });

  it('reads article and item numbers from citations', () => {
    expect(articleNumber('第一百二十四条')).toBe(124);
    expect(articleNumber('第124条')).toBe(124);
    expect(articleNumber('第二十八条第二款')).toBe(28);
    expect(articleNumber('第条')).toBeNull();
    expect(itemNumber('第一款第（五）项')).toBe(5);
    expect(itemNumber('第十项')).toBe(10);
    expect(itemNumber('第一款')).toBeNull();
  });

  it('normalises law names', () => {
    expect(normalizeLawName('《中华人民共和国食品安全法》')).toBe('食品安全法');
    expect(normalizeLawName('中华人民共和国计量法实施细则')).toBe('计量法实施细则');
  });

  it('类案同罚: the case article key is the legal basis with a fine rule', () => {
    expect(caseArticleKey(baseCase(), rules)).toBe('食品安全法第124条第5项');
  });
});
