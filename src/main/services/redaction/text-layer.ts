// The searchable layer of a rasterised page: the kept characters of each pdf.js text item, drawn
// invisibly (text render mode 3) in our CJK font at the item's position and scale, squeezed
// horizontally (Tz) to the item's width so search hits and selections line up with the image.
import {
  beginText,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { keptRuns, type ItemGeometry } from './geometry';

/** A stretch of kept text of one item. */
export interface TextRun {
  text: string;
  /** Item transform (user space, includes the font size). */
  transform: number[];
  /** Start along the baseline from the item origin, and the run's advance (user-space units). */
  u: number;
  advance: number;
  /** Vertical writing: characters are placed one by one down the item. */
  vertical: boolean;
}

/**
 * Runs of consecutive kept characters of an item. Characters our font cannot draw (it covers
 * CJK, Latin and common symbols) are left out of the layer: they split a run rather than shift it.
 */
export function runsOf(g: ItemGeometry, transform: number[], removed: boolean[], hasGlyph: (cp: number) => boolean): TextRun[] {
  const skip = g.chars.map((c, i) => removed[i]! || !(hasGlyph(c.ch.codePointAt(0)!) || /\s/.test(c.ch)));
  const out: TextRun[] = [];
  for (const [s, e] of keptRuns(skip)) {
    const text = g.chars
      .slice(s, e)
      .map((c) => c.ch)
      .join('');
    if (!text.trim()) continue;
    const first = g.chars[s]!;
    const last = g.chars[e - 1]!;
    out.push({ text, transform, u: first.u0, advance: last.uNext - first.u0, vertical: g.vertical });
  }
  return out;
}

/** Operators that draw the runs invisibly. `widthOf` = advance of a string at size 1 (points). */
export function invisibleTextOperators(page: PDFPage, font: PDFFont, runs: TextRun[]): PDFOperator[] {
  if (!runs.length) return [];
  const key = page.node.newFontDictionary(font.name, font.ref);
  const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setFontAndSize(key, 1), setTextRenderingMode(TextRenderingMode.Invisible)];
  const place = (t: number[], u: number, text: string, advance: number): void => {
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = t;
    const hScale = Math.hypot(a, b) || 1;
    // Move along the baseline by u user-space units.
    ops.push(setTextMatrix(a, b, c, d, e + (u * a) / hScale, f + (u * b) / hScale));
    const natural = font.widthOfTextAtSize(text, 1) * hScale;
    const squeeze = natural > 0 && advance > 0 ? (100 * advance) / natural : 100;
    ops.push(setCharacterSqueeze(Math.round(squeeze * 1000) / 1000));
    ops.push(showText(font.encodeText(text)));
  };
  for (const r of runs) {
    if (!r.vertical) {
      place(r.transform, r.u, r.text, r.advance);
      continue;
    }
    // Vertical writing: one character per step down the item's "up" vector.
    const chars = Array.from(r.text);
    const step = r.advance / Math.max(1, chars.length);
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = r.transform;
    const up = Math.hypot(c, d) || 1;
    chars.forEach((ch, i) => {
      const down = r.u + i * step;
      place([a, b, c, d, e - (down * c) / up, f - (down * d) / up], 0, ch, 0);
    });
  }
  ops.push(endText(), popGraphicsState());
  return ops;
}
