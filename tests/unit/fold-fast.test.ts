// The folding's fast paths (remembered code points; CJK Unified Ideographs kept as they are) fold
// exactly as the definition does: NFKC, lower case, whitespace dropped — for every BMP code point.
import { describe, expect, it } from 'vitest';
import { foldCodePoint, normalizeText } from '../../src/shared/text/fold';

const definition = (cp: string): string => (/\s/u.test(cp) ? '' : cp.normalize('NFKC').toLowerCase().replace(/\s+/gu, ''));

describe('folding fast paths', () => {
  it('folds every BMP code point as the definition, asked once and again', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const cp = String.fromCharCode(c);
      const want = definition(cp);
      if (foldCodePoint(cp) !== want || foldCodePoint(cp) !== want || normalizeText(cp) !== want) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('folds text of mixed kinds as code point by code point', () => {
    const s = '马市监处罚〔２０２６〕153号 ＡＢＣ　罚款６０，０００元\n𠮷 Ⅻ ﬁ';
    expect(normalizeText(s)).toBe([...s].map(definition).join(''));
  });
});
