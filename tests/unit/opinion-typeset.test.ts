// Line breaking on the GB/T 9704 grid: 28 ideographs a line, basic 禁则, Latin runs kept whole.
import { describe, expect, it } from 'vitest';
import { breakLines, lineTracking, tokenize } from '../../src/main/services/opinion/typeset';

// A monospaced stand-in for the font: ideographs 16 pt, ASCII 8 pt; grid pitch 15.79 pt.
const SIZE = 16;
const PITCH = 442.2 / 28;
const advance = (s: string): number => Array.from(s).reduce((w, ch) => w + (ch.codePointAt(0)! < 0x2e80 ? SIZE / 2 : SIZE), 0);
const opts = { width: 442.2, advance, tracking: PITCH - SIZE };
const texts = (s: string, firstWidth?: number) => breakLines(s, { ...opts, ...(firstWidth ? { firstWidth } : {}) }).map((l) => l.text);

describe('opinion typesetting', () => {
  it('sets exactly 28 ideographs a line, 26 after a two-character indent', () => {
    const text = '审'.repeat(28 * 3 + 5);
    const lines = breakLines(text, { ...opts, firstWidth: 442.2 - 2 * PITCH });
    expect(lines.map((l) => l.text.length)).toEqual([26, 28, 28, 7]);
    // Full ideograph lines come out on the grid: the justification tracking is the grid tracking.
    expect(lineTracking(lines[1]!, 442.2, PITCH - SIZE, SIZE)).toBeCloseTo(PITCH - SIZE, 6);
    expect(lines.at(-1)!.full).toBe(false);
  });

  it('hangs 。，、 in the margin instead of starting a line with them', () => {
    const lines = breakLines(`${'审'.repeat(28)}。后文`, opts);
    expect(lines[0]!.text).toBe(`${'审'.repeat(28)}。`);
    expect(lines[0]!.hung).toBe(true);
    expect(lines[0]!.glyphs).toBe(28);
    expect(lines[1]!.text).toBe('后文');
  });

  it('moves the character before ）》」 down with it, and 「（《 down to the next line', () => {
    const closing = texts(`${'审'.repeat(28)}）后文`);
    expect(closing[0]).toBe('审'.repeat(27));
    expect(closing[1]).toBe('审）后文');
    const opening = texts(`${'审'.repeat(27)}「引文」`);
    expect(opening[0]).toBe('审'.repeat(27));
    expect(opening[1]).toBe('「引文」');
    // "。」" at the margin: only one mark may hang, so both go down with the character before them.
    const both = texts(`${'审'.repeat(27)}文。」后`);
    expect(both[0]).toBe('审'.repeat(27));
    expect(both[1]).toBe('文。」后');
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const para = '当事人（方宇）于2026年8月14日销售“旺旺牌”雪饼，《食品安全法》第三十四条第（十）项规定：「禁止生产经营超过保质期的食品」。'.repeat(6);
    const lines = texts(para, 442.2 - 2 * PITCH);
    expect(lines.length).toBeGreaterThan(5);
    const noStart = new Set(Array.from('，。、；：！？）》」』\u201d'));
    const noEnd = new Set(Array.from('（《「『\u201c'));
    for (const l of lines.slice(1)) expect(noStart.has(Array.from(l)[0]!)).toBe(false);
    for (const l of lines) expect(noEnd.has(Array.from(l).at(-1)!)).toBe(false);
    expect(lines.join('')).toBe(para);
  });

  it('keeps numbers and codes whole, and drops spaces at a break', () => {
    expect(tokenize('代码：92340521MA2T8K3X7Q，罚款 50,000元')).toEqual(['代', '码', '：', '92340521MA2T8K3X7Q', '，', '罚', '款', ' ', '50,000', '元']);
    const lines = texts(`${'审'.repeat(20)}统一社会信用代码92340521MA2T8K3X7Q`);
    expect(lines[1]).toMatch(/^码?92340521MA2T8K3X7Q$|^92340521MA2T8K3X7Q$/);
    const spaced = texts(`${'审'.repeat(28)} 罚款`);
    expect(spaced).toEqual(['审'.repeat(28), '罚款']);
  });
});

describe('lines that justification would spread letter by letter', () => {
  it('a line left short by a long Latin run moved down whole keeps the grid (审核所据案卷 … 摘要 <hash>)', () => {
    const indent = 442.2 - 2 * PITCH;
    const lines = breakLines('审核所据案卷：修订 1（首次送审，摘要 b6b5cc6931aba659…）', { ...opts, firstWidth: indent });
    expect(lines.map((l) => l.text)).toEqual(['审核所据案卷：修订 1（首次送审，摘要', 'b6b5cc6931aba659…）']);
    expect(lines[0]!.full).toBe(true);
    // Before: (avail − natural) / glyphs ≈ 6 pt of extra space after every character.
    expect(lineTracking(lines[0]!, indent, PITCH - SIZE, SIZE)).toBeCloseTo(PITCH - SIZE, 6);
  });

  it('still justifies the small gap the 禁则 leave', () => {
    const lines = breakLines(`${'审'.repeat(28)}）后文`, opts);
    const t = lineTracking(lines[0]!, 442.2, PITCH - SIZE, SIZE);
    expect(t).toBeGreaterThan(PITCH - SIZE + 0.1);
    expect(lines[0]!.natural + t * lines[0]!.glyphs).toBeCloseTo(442.2, 6);
  });
});
