// Boxes (PDF user space) of character ranges in a page's text: the page's pdf.js text items are
// joined (a newline at each end of line), the caller finds ranges in that text (personal data for
// the shared screen, a marked quote for the publication copy), and each range becomes the glyph
// boxes of its characters, item by item — a range wrapped over two lines gives a box on each.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { itemGeometry, stretchBox, type Box, type FontStyleLike } from './geometry';
import { glyphWidths } from './pdfjs-node';

export interface TextRange {
  start: number;
  end: number;
}

/**
 * `rangesOf` gets the page's text and answers the ranges (UTF-16 offsets) to box. `pad` widens each
 * box by that fraction of the font size on every side (the shared screen: no anti-aliased edge of
 * a glyph survives); without it the box is the characters' own extent.
 */
export async function rangeBoxes(page: PDFPageProxy, rangesOf: (text: string) => readonly TextRange[], pad = 0): Promise<{ text: string; boxes: Box[]; ranges: number }> {
  const tc = await page.getTextContent();
  const widths = await glyphWidths(page);
  const styles = tc.styles as Record<string, FontStyleLike>;
  const items: { item: TextItem; start: number }[] = [];
  let text = '';
  for (const raw of tc.items) {
    const item = raw as TextItem;
    if (typeof item.str !== 'string') continue;
    items.push({ item, start: text.length });
    text += item.str + (item.hasEOL ? '\n' : '');
  }
  const ranges = rangesOf(text);
  const boxes: Box[] = [];
  for (const { item, start } of items) {
    const end = start + item.str.length;
    const hits = ranges.filter((s) => s.start < end && s.end > start);
    if (!hits.length) continue;
    const g = itemGeometry(item, styles[item.fontName], (font, cp) => widths.get(font)?.get(cp));
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
  return { text, boxes, ranges: ranges.length };
}
