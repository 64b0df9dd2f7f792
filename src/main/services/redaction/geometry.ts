// Geometry of redaction: marks in PDF user space, text items and their per-character boxes, and the
// rule that decides which characters of the searchable text layer a mark removes.
//
// Coordinates: everything here is in PDF *user space* of the page (the coordinate system of the
// page's content stream: origin wherever the MediaBox puts it, y up, unscaled, page /Rotate NOT
// applied). pdf.js `getTextContent()` item transforms are in this space.

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A text item as pdf.js `getTextContent()` returns it (only the fields we use). */
export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

export interface FontStyleLike {
  ascent?: number;
  descent?: number;
  vertical?: boolean;
}

/** One character of an item with its estimated extent along the baseline (user-space units). */
export interface CharSlot {
  ch: string;
  /** Start of the glyph along the baseline, from the item origin. */
  u0: number;
  /** End of the glyph's own advance (ink side). */
  u1: number;
  /** End of the slot including character spacing that follows the glyph. */
  uNext: number;
}

export interface ItemGeometry {
  /** Baseline origin, unit direction along the baseline and "up" (user space). */
  ox: number;
  oy: number;
  dx: number;
  dy: number;
  ux: number;
  uy: number;
  /** Font height in user space (length of the transform's second column). */
  size: number;
  /** Glyph box below/above the baseline, as multiples of `size` (descent < 0 < ascent). */
  descent: number;
  ascent: number;
  /** Axis-aligned horizontal text (no rotation, no skew): characters can be split reliably. */
  axisAligned: boolean;
  /** Vertical writing mode (advance runs down the "up" vector). */
  vertical: boolean;
  chars: CharSlot[];
  /** Total advance of the item along the baseline (pdf.js `width`). */
  length: number;
}

/** Advance of one code point in 1/1000 em in the item's font (`fontName`), or undefined if unknown. */
export type AdvanceFn = (fontName: string, codePoint: number) => number | undefined;

export function normBox(x: number, y: number, w: number, h: number): Box {
  return { x0: Math.min(x, x + w), y0: Math.min(y, y + h), x1: Math.max(x, x + w), y1: Math.max(y, y + h) };
}

export function intersect(a: Box, b: Box): Box | undefined {
  const x0 = Math.max(a.x0, b.x0);
  const y0 = Math.max(a.y0, b.y0);
  const x1 = Math.min(a.x1, b.x1);
  const y1 = Math.min(a.y1, b.y1);
  return x1 > x0 && y1 > y0 ? { x0, y0, x1, y1 } : undefined;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/**
 * Estimated geometry of a text item. pdf.js reports only the item's total advance, so the
 * characters are placed with per-character advances (`advance`: the widths the page's own font
 * gives each character, read from the page's operator list, else our font's): if the item's
 * width is close to the sum of those advances, the difference is character spacing (Tc, e.g.
 * justified Chinese lines) spread evenly over the characters — exact for ordinary text; otherwise
 * the advances are scaled proportionally to the item's width.
 */
export function itemGeometry(item: TextItemLike, style: FontStyleLike | undefined, advance: AdvanceFn): ItemGeometry {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
  const hScale = Math.hypot(a, b) || 1;
  const size = Math.hypot(c, d) || item.height || 1;
  const axisAligned = !style?.vertical && Math.abs(b) < 1e-6 * hScale && Math.abs(c) < 1e-6 * size && a > 0 && d > 0;
  const chars = Array.from(item.str);
  const natural = chars.map((ch) => ((advance(item.fontName, ch.codePointAt(0)!) ?? (/\s/.test(ch) ? 250 : 1000)) / 1000) * hScale);
  const sum = natural.reduce((s, v) => s + v, 0);
  const length = style?.vertical ? item.height : item.width;
  let widths: number[];
  let gaps: number[];
  const n = chars.length;
  if (n > 0 && sum > 0 && length >= sum * 0.95 && length <= sum * 1.6) {
    // The advances fit: the rest is character spacing between glyphs (pdf.js counts the spacing
    // between the item's glyphs, not after the last one).
    const gap = n > 1 ? (length - sum) / (n - 1) : 0;
    widths = natural.map((w, i) => (gap < 0 && i < n - 1 ? w + gap : w));
    gaps = natural.map((_, i) => (i < n - 1 ? Math.max(gap, 0) : 0));
  } else {
    const k = sum > 0 ? length / sum : 0;
    widths = natural.map((w) => w * k);
    gaps = natural.map(() => 0);
  }
  const slots: CharSlot[] = [];
  let u = 0;
  chars.forEach((ch, i) => {
    const w = widths[i]!;
    slots.push({ ch, u0: u, u1: u + w, uNext: u + w + gaps[i]! });
    u += w + gaps[i]!;
  });
  // Box above/below the baseline from the font's metrics, kept within sane bounds.
  const ascent = clamp(style?.ascent ?? 0.88, 0.7, 1.2);
  const descent = clamp(style?.descent ?? -0.2, -0.35, -0.1);
  return { ox: e, oy: f, dx: a / hScale, dy: b / hScale, ux: c / size, uy: d / size, size, ascent, descent, axisAligned, vertical: !!style?.vertical, chars: slots, length };
}

/** Axis-aligned bounding box of a stretch [u0, u1] of an item (all of it when omitted). */
export function stretchBox(g: ItemGeometry, u0 = 0, u1 = g.length): Box {
  if (g.axisAligned) return { x0: g.ox + u0, x1: g.ox + u1, y0: g.oy + g.descent * g.size, y1: g.oy + g.ascent * g.size };
  // Rotated, skewed or vertical text is never split; its box is generous on purpose (one font
  // size around the quad), since it only ever decides to remove more.
  const pts: [number, number][] = [];
  if (g.vertical) {
    // Vertical writing advances downwards (in text space) from the origin.
    for (const s of [0, g.length]) for (const v of [-g.size, g.size]) pts.push([g.ox - s * g.ux + v * g.dx, g.oy - s * g.uy + v * g.dy]);
  }
  for (const s of [u0, u1]) for (const v of [g.descent * g.size, g.ascent * g.size]) pts.push([g.ox + s * g.dx + v * g.ux, g.oy + s * g.dy + v * g.uy]);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs) - g.size, x1: Math.max(...xs) + g.size, y0: Math.min(...ys) - g.size, y1: Math.max(...ys) + g.size };
}

/**
 * Boxes to paint black for removed characters of horizontal text: the characters' estimated
 * glyph boxes (ink height, not the full line box), merged per consecutive run. Whatever leaves the
 * text layer is thus also blacked out on the image, even when a mark was drawn a little short.
 */
export function removedInkBoxes(g: ItemGeometry, removed: boolean[]): Box[] {
  if (!g.axisAligned) return [];
  const boxes: Box[] = [];
  keptRuns(removed.map((r, i) => !r || !g.chars[i]!.ch.trim())).forEach(([s, e]) => {
    boxes.push({ x0: g.ox + g.chars[s]!.u0, x1: g.ox + g.chars[e - 1]!.u1, y0: g.oy + Math.max(g.descent, -0.22) * g.size, y1: g.oy + Math.min(g.ascent, 0.92) * g.size });
  });
  return boxes;
}

/** Share of a glyph box's width (and height) a mark must cover to remove the character. */
export const COVER_X = 0.2;
export const COVER_Y = 0.2;

function covers(mark: Box, glyph: Box): boolean {
  const hit = intersect(mark, glyph);
  if (!hit) return false;
  const w = glyph.x1 - glyph.x0;
  const h = glyph.y1 - glyph.y0;
  const okX = w <= 1e-6 || hit.x1 - hit.x0 >= COVER_X * w;
  return okX && hit.y1 - hit.y0 >= COVER_Y * h;
}

const strip = (s: string): string => s.replace(/\s+/g, '');

/**
 * Which characters of the item a set of marks removes (true = removed).
 *
 * - Axis-aligned text is split per character: a character is removed when a mark covers at least
 *   20 % of its estimated box in width and 20 % in height (a sliver of a neighbouring line
 *   grazed by a tall mark stays searchable; a character under the mark goes).
 * - If a mark quotes its text and the item contains that text (or the start/end of it, for a run
 *   wrapped over lines) at the place the mark covers, exactly those characters are removed too —
 *   this anchors the split on the text itself rather than on estimated widths.
 * - Rotated, skewed and vertical text is not split: any overlap removes the whole item.
 */
export function removedChars(g: ItemGeometry, marks: { boxes: Box[]; text?: string }[]): boolean[] {
  const n = g.chars.length;
  const out = new Array<boolean>(n).fill(false);
  const whole = stretchBox(g);
  for (const m of marks) {
    const hitting = m.boxes.filter((b) => intersect(b, whole));
    if (!hitting.length) continue;
    if (!g.axisAligned) return out.fill(true);
    g.chars.forEach((s, i) => {
      if (!out[i] && hitting.some((b) => covers(b, stretchBox(g, s.u0, s.u1)))) out[i] = true;
    });
    const quoted = m.text ? strip(m.text) : '';
    if (quoted.length >= 2) for (const [s, e] of quoteCandidates(g, quoted)) if (spanCovered(g, s, e, hitting) >= 0.5) out.fill(true, s, e);
  }
  return out;
}

/** Character ranges [s, e) of the item that match the quoted text, or its start/end (≥ 2 chars). */
function quoteCandidates(g: ItemGeometry, quoted: string): [number, number][] {
  const chars = g.chars.map((c) => c.ch);
  const q = Array.from(quoted);
  const out: [number, number][] = [];
  const eq = (i: number, j: number, len: number): boolean => {
    for (let k = 0; k < len; k++) if (chars[i + k] !== q[j + k]) return false;
    return true;
  };
  for (let i = 0; i + q.length <= chars.length; i++) if (eq(i, 0, q.length)) out.push([i, i + q.length]);
  for (let len = Math.min(q.length - 1, chars.length); len >= 2; len--) {
    if (eq(chars.length - len, 0, len)) out.push([chars.length - len, chars.length]); // item ends with the quote's start
    if (eq(0, q.length - len, len)) out.push([0, len]); // item starts with the quote's end
  }
  return out;
}

/** Share of the estimated span of chars [s, e) that the boxes cover horizontally. */
function spanCovered(g: ItemGeometry, s: number, e: number, boxes: Box[]): number {
  const span = stretchBox(g, g.chars[s]!.u0, g.chars[e - 1]!.u1);
  const w = span.x1 - span.x0;
  if (w <= 0) return 0;
  let covered = 0;
  for (const b of boxes) {
    const hit = intersect(b, span);
    if (hit && hit.y1 - hit.y0 >= COVER_Y * (span.y1 - span.y0)) covered += hit.x1 - hit.x0;
  }
  return Math.min(1, covered / w);
}

/** Consecutive kept characters of an item: [first, last+1) ranges. */
export function keptRuns(removed: boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  removed.forEach((r, i) => {
    if (!r && start < 0) start = i;
    if (r && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  });
  if (start >= 0) runs.push([start, removed.length]);
  return runs;
}

/** pdf.js viewport-like converter (top-left CSS pixels at scale 1 → user space). */
export interface ViewportLike {
  convertToPdfPoint(x: number, y: number): number[];
}

/** A rect in top-left-origin viewport pixels (scale 1, page rotation applied) → user-space box. */
export function topLeftToUserBox(vp: ViewportLike, x: number, y: number, w: number, h: number): Box {
  const pts = [vp.convertToPdfPoint(x, y), vp.convertToPdfPoint(x + w, y), vp.convertToPdfPoint(x, y + h), vp.convertToPdfPoint(x + w, y + h)];
  const xs = pts.map((p) => p[0]!);
  const ys = pts.map((p) => p[1]!);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}
