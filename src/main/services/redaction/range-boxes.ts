// A page's text as the shared screen and the publication copy read it (pdf.js text items joined, a
// newline at each end of line), read once (readPageText) and tied back to where each character is
// drawn:
// - rangeBoxes: the caller finds ranges in that text (personal data for the shared screen, a marked
//   quote for the publication copy) and gets the glyph boxes of their characters, item by item — a
//   range wrapped over two lines gives a box on each;
// - textOutside: the text with the characters under given boxes (the reviewer's redaction marks)
//   taken out, so an excerpt never shows what the picture blacks out.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { loadDemoFont } from '../../demo/pdf/font';
import { itemGeometry, removedChars, stretchBox, type Box, type FontStyleLike, type ItemGeometry } from './geometry';
import { glyphWidths } from './pdfjs-node';

export interface TextRange {
  start: number;
  end: number;
}

/** A page's text and how to place its items; read once, for both rangeBoxes and textOutside. */
export interface PageText {
  text: string;
  items: { item: TextItem; start: number }[];
  geometry(item: TextItem): ItemGeometry;
}

/**
 * Characters are placed with the page's own font widths; where a font gives none (no /Widths, a
 * standard font) with the widths of our CJK face, the one the publication copy's text layer is
 * written in — so the copy, its leftover check and the shared screen all place a character alike.
 */
export async function readPageText(page: PDFPageProxy): Promise<PageText> {
  const tc = await page.getTextContent();
  const widths = await glyphWidths(page);
  const ours = loadDemoFont();
  const advance = (font: string, cp: number): number | undefined => widths.get(font)?.get(cp) ?? (ours.hasGlyph(cp) ? ours.advance(cp) : undefined);
  const styles = tc.styles as Record<string, FontStyleLike>;
  const items: { item: TextItem; start: number }[] = [];
  let text = '';
  for (const raw of tc.items) {
    const item = raw as TextItem;
    if (typeof item.str !== 'string') continue;
    items.push({ item, start: text.length });
    text += item.str + (item.hasEOL ? '\n' : '');
  }
  return { text, items, geometry: (item) => itemGeometry(item, styles[item.fontName], advance) };
}

/**
 * `rangesOf` gets the page's text and answers the ranges (UTF-16 offsets) to box. `pad` widens each
 * box by that fraction of the font size on every side (the shared screen: no anti-aliased edge of
 * a glyph survives); without it the box is the characters' own extent.
 */
export function rangeBoxes(page: PageText, rangesOf: (text: string) => readonly TextRange[], pad = 0): { boxes: Box[]; ranges: number } {
  const { text, items, geometry } = page;
  const ranges = rangesOf(text);
  const boxes: Box[] = [];
  for (const { item, start } of items) {
    const end = start + item.str.length;
    const hits = ranges.filter((s) => s.start < end && s.end > start);
    if (!hits.length) continue;
    const g = geometry(item);
    // Offsets are UTF-16 units; geometry is per code point: map through Array.from.
    const units: number[] = [];
    Array.from(item.str).forEach((ch, i) => {
      for (let k = 0; k < ch.length; k++) units.push(i);
    });
    for (const s of hits) {
      if (!g.axisAligned) {
        boxes.push(stretchBox(g));
        continue;
      }
      const a = units[Math.max(0, s.start - start)] ?? 0;
      const b = units[Math.min(item.str.length, s.end - start) - 1] ?? g.chars.length - 1;
      const box = stretchBox(g, g.chars[a]!.u0, g.chars[b]!.uNext);
      const p = g.size * pad;
      boxes.push({ x0: box.x0 - p, y0: box.y0 - p, x1: box.x1 + p, y1: box.y1 + p });
    }
  }
  return { boxes, ranges: ranges.length };
}

/** The page's text with each run of characters under `cover` (the publication copy's rule, geometry.ts removedChars) replaced by '***'. */
export function textOutside(page: PageText, cover: readonly Box[]): string {
  if (!cover.length) return page.text;
  let text = '';
  for (const { item } of page.items) {
    const g = page.geometry(item);
    const gone = removedChars(g, [{ boxes: [...cover] }]);
    const s = gone.some(Boolean) ? g.chars.map((c, i) => (gone[i] ? (gone[i - 1] ? '' : '***') : c.ch)).join('') : item.str;
    text += s + (item.hasEOL ? '\n' : '');
  }
  return text;
}
