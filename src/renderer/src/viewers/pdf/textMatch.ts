// Finding text in a page's pdf.js text layer (or its text content) the way a reviewer means it:
// whitespace ignored, full-width forms folded (NFKC), case-insensitive. The same folding is used for
// counting matches from getTextContent() and for marking them in the DOM, so the n-th match agrees.
import type { Rect } from '../../../../shared/api/evidence';
import { findAll, foldCodePoint as fold, normalizeText } from '../../../../shared/text/fold';

// The folding lives in src/shared so the search index counts occurrences the same way.
export { findAll, normalizeText };

/** Folded text of a text layer, with where each folded UTF-16 unit came from. */
export interface TextMap {
  text: string;
  nodes: Text[];
  offsets: number[];
  /** UTF-16 length of the source code point. */
  lengths: number[];
}

export function mapTextLayer(root: HTMLElement): TextMap {
  const map: TextMap = { text: '', nodes: [], offsets: [], lengths: [] };
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let parts = '';
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    let i = 0;
    for (const cp of data) {
      const f = fold(cp);
      for (let k = 0; k < f.length; k++) {
        map.nodes.push(node);
        map.offsets.push(i);
        map.lengths.push(cp.length);
      }
      parts += f;
      i += cp.length;
    }
  }
  map.text = parts;
  return map;
}

interface Context {
  /** Folded last 16 characters before the match, and first 16 after it (snippet ellipses dropped). */
  b: string;
  a: string;
}

function contextOf(before: string, after: string): Context {
  return { b: normalizeText(before.replace(/…/g, '')).slice(-16), a: normalizeText(after.replace(/…/g, '')).slice(0, 16) };
}

/** How many characters around the occurrence at `s` agree with the context. */
function contextScore(text: string, s: number, length: number, { b, a }: Context): number {
  let score = 0;
  for (let k = 1; k <= b.length && text[s - k] === b[b.length - k]; k++) score++;
  for (let k = 0; k < a.length && text[s + length + k] === a[k]; k++) score++;
  return score;
}

function best(text: string, starts: readonly number[], length: number, ctx: Context): number {
  if (starts.length <= 1) return starts[0] ?? -1;
  let at = starts[0]!;
  let atScore = -1;
  for (const s of starts) {
    const score = contextScore(text, s, length, ctx);
    if (score > atScore) {
      atScore = score;
      at = s;
    }
  }
  return at;
}

/**
 * The search hit's occurrence: the n-th one the index counted, when the page has it and its
 * context does not disagree with the snippet; else the one whose context agrees best.
 */
export function hitOccurrence(text: string, starts: readonly number[], length: number, before: string, after: string, nth: number | null): number {
  const ctx = contextOf(before, after);
  const fallback = best(text, starts, length, ctx);
  const at = nth !== null ? starts[nth] : undefined;
  return at !== undefined && contextScore(text, at, length, ctx) >= contextScore(text, fallback, length, ctx) ? at : fallback;
}

/** Of several occurrences, the one whose surroundings best agree with the expected context. */
export function bestOccurrence(text: string, starts: readonly number[], length: number, before: string, after: string): number {
  return best(text, starts, length, contextOf(before, after));
}

export function rangeAt(map: TextMap, start: number, length: number): Range | null {
  const endAt = start + length - 1;
  const startNode = map.nodes[start];
  const endNode = map.nodes[endAt];
  if (!startNode || !endNode || length <= 0) return null;
  const range = document.createRange();
  range.setStart(startNode, map.offsets[start]!);
  range.setEnd(endNode, map.offsets[endAt]! + map.lengths[endAt]!);
  return range;
}

/** First and last folded index covered by a DOM range (a selection), or null. */
export function selectedSpan(map: TextMap, range: Range): { first: number; last: number } | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < map.nodes.length; i++) {
    const node = map.nodes[i]!;
    const start = map.offsets[i]!;
    const inside = range.comparePoint(node, start) === 0 && range.comparePoint(node, start + map.lengths[i]!) === 0;
    if (!inside) continue;
    if (first < 0) first = i;
    last = i;
  }
  return first < 0 ? null : { first, last };
}

/**
 * Client rects of a range, relative to the page box and divided by the scale: PDF units at scale 1,
 * top-left origin — what anchors store. Rects on one line (one column on a turned page) are joined into one.
 */
export function rangeRects(range: Range, pageEl: HTMLElement, scale: number): Rect[] {
  const page = pageEl.getBoundingClientRect();
  const raw = [...range.getClientRects()]
    .filter((r) => r.width > 0.5 && r.height > 0.5)
    .map((r) => ({ x: (r.left - page.left) / scale, y: (r.top - page.top) / scale, width: r.width / scale, height: r.height / scale }));
  return mergeLines(raw);
}

/** Taller than wide: a run of text on a page turned 90° or 270°, where lines are columns. */
const isColumn = (r: Rect) => r.height > 1.5 * r.width;

export function mergeLines(rects: readonly Rect[]): Rect[] {
  const sorted = [...rects].sort((p, q) => p.y - q.y || p.x - q.x);
  const lines: Rect[] = [];
  for (const r of sorted) {
    const line = lines.find((l) => {
      if (isColumn(l) && isColumn(r)) {
        // Side-by-side columns share their y range: only the same column is one line.
        const across = Math.min(l.x + l.width, r.x + r.width) - Math.max(l.x, r.x);
        return across > 0.5 * Math.min(l.width, r.width);
      }
      const overlap = Math.min(l.y + l.height, r.y + r.height) - Math.max(l.y, r.y);
      return overlap > 0.5 * Math.min(l.height, r.height);
    });
    if (!line) {
      lines.push({ ...r });
      continue;
    }
    const x1 = Math.min(line.x, r.x);
    const y1 = Math.min(line.y, r.y);
    const x2 = Math.max(line.x + line.width, r.x + r.width);
    const y2 = Math.max(line.y + line.height, r.y + r.height);
    Object.assign(line, { x: x1, y: y1, width: x2 - x1, height: y2 - y1 });
  }
  return lines.map((r) => ({ x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height) }));
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Find `needle` in the text layer; the occurrence closest to the context, or the n-th. */
export function locate(layer: HTMLElement, needle: string, pick: { before?: string; after?: string; nth?: number } = {}): { map: TextMap; starts: number[]; chosen: number; length: number } | null {
  const map = mapTextLayer(layer);
  const n = normalizeText(needle);
  const starts = findAll(map.text, n);
  if (!starts.length) return null;
  const chosen = pick.nth !== undefined ? (starts[pick.nth] ?? starts[0]!) : bestOccurrence(map.text, starts, n.length, pick.before ?? '', pick.after ?? '');
  return { map, starts, chosen, length: n.length };
}

/**
 * The other words of a multi-word search, in folded text: every occurrence of every term, overlaps
 * merged, leaving out what overlaps the hit itself (it has its own, stronger mark).
 */
export function termSpans(text: string, terms: readonly string[], hit: { start: number; length: number } | null): { start: number; length: number }[] {
  const spans: [number, number][] = [];
  for (const term of terms) {
    const n = normalizeText(term);
    for (const s of findAll(text, n)) {
      if (hit && s < hit.start + hit.length && s + n.length > hit.start) continue;
      spans.push([s, s + n.length]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of spans) {
    const last = merged.at(-1);
    // Merging never reaches into the hit: both ends were checked against it above.
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged.map(([start, end]) => ({ start, length: end - start }));
}
