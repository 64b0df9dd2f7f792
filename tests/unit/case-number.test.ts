// 案号 typed with the brackets people can type: the fold the queue and audit filters compare, and
// the rewrite of a bracketed year the full-text search looks for (〔YYYY〕, as documents print it).
import { describe, expect, it } from 'vitest';
import { bracketYears, foldCaseNumber } from '../../src/shared/text/case-number';

describe('foldCaseNumber', () => {
  it('makes every bracket kind and width one, so any typed form contains the stored number', () => {
    const stored = foldCaseNumber('马市监处罚〔2026〕244号');
    for (const typed of ['[2026]244', '(2026)244', '（2026）244', '【2026】244', '〖2026〗244', '［2026］244', '〔2026〕244']) {
      expect(stored.includes(foldCaseNumber(typed)), typed).toBe(true);
    }
  });

  it('ignores spaces, width and case as the search fold does', () => {
    expect(foldCaseNumber(' 马市监处罚 ［２０２６］ 244 号')).toBe(foldCaseNumber('马市监处罚〔2026〕244号'));
    expect(foldCaseNumber('ABC〔2026〕1号')).toBe('abc(2026)1号');
  });

  it('keeps different numbers apart', () => {
    expect(foldCaseNumber('马市监处罚〔2026〕244号').includes(foldCaseNumber('[2025]244'))).toBe(false);
  });
});

describe('bracketYears', () => {
  it('writes a year in any bracket kind as 〔YYYY〕', () => {
    for (const typed of ['马市监处罚[2026]244号', '马市监处罚(2026)244号', '马市监处罚（2026）244号', '马市监处罚【2026】244号', '马市监处罚〖2026〗244号', '马市监处罚［2026］244号']) {
      expect(bracketYears(typed), typed).toBe('马市监处罚〔2026〕244号');
    }
  });

  it('leaves text as typed when it has no bracketed year', () => {
    for (const q of ['马市监处罚〔2026〕244号', '询问笔录', '2026年', '罚款(5000)元', '[20261]', '(1234)', 'x2026]', '处罚 2026 号']) {
      expect(bracketYears(q), q).toBe(q);
    }
  });

  it('completes a year cut at either end of a word, and rewrites each word of several', () => {
    expect(bracketYears('马市监处罚[2026')).toBe('马市监处罚〔2026〕');
    expect(bracketYears('2026]244号')).toBe('〔2026〕244号');
    expect(bracketYears('马市监 (2026) 244号')).toBe('马市监 〔2026〕 244号');
    expect(bracketYears('[2025]1号 （2026）2号')).toBe('〔2025〕1号 〔2026〕2号');
  });

  it('takes time linear in the query length', () => {
    const long = '[2026'.repeat(20_000);
    const t = performance.now();
    bracketYears(long);
    expect(performance.now() - t).toBeLessThan(200);
  });
});
