// Finding in the shown text of a text file or a Word document. Counted as the index and the PDF
// viewer count — in folded text (whitespace ignored, full-width folded, case-insensitive) — then
// mapped back to the raw text: the search hit's occurrence, Ctrl+F matches, the search's other words.
import { foldCodePoint } from '../../../../shared/text/fold';
import { findAll, hitOccurrence, normalizeText, termSpans } from '../pdf/textMatch';
import type { RevealTarget } from '../../workspace/reveal';

export type Find = NonNullable<RevealTarget['find']>;

/** A run of the raw text: [start, end) in UTF-16 units. */
export interface Span {
  start: number;
  end: number;
}

interface Folded {
  text: string;
  /** Raw index and UTF-16 length of the code point each folded unit came from. */
  origin: Int32Array;
  width: Uint8Array;
}

// One text is folded once for all queries typed into the find bar (2 MB: ~50 ms; a new query
// only searches). Code points repeat a lot, so each distinct one is folded once.
let cache: { raw: string; folded: Folded } | null = null;

function folded(raw: string): Folded {
  if (cache?.raw === raw) return cache.folded;
  const memo = new Map<string, string>();
  // Folding a code point yields at most a few units (NFKC of ㈱ is 3): grow if ever needed.
  let origin = new Int32Array(raw.length + 16);
  let width = new Uint8Array(raw.length + 16);
  let text = '';
  let n = 0;
  let i = 0;
  for (const cp of raw) {
    let f = memo.get(cp);
    if (f === undefined) memo.set(cp, (f = foldCodePoint(cp)));
    if (n + f.length > origin.length) {
      const size = origin.length * 2 + f.length;
      origin = grow(origin, new Int32Array(size));
      width = grow(width, new Uint8Array(size));
    }
    for (let k = 0; k < f.length; k++, n++) {
      origin[n] = i;
      width[n] = cp.length;
    }
    text += f;
    i += cp.length;
  }
  cache = { raw, folded: { text, origin, width } };
  return cache.folded;
}

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function toRaw(f: Folded, start: number, length: number): Span {
  const last = start + length - 1;
  return { start: f.origin[start]!, end: f.origin[last]! + f.width[last]! };
}

/** The search hit: the occurrence the index counted (checked against its context), or null. */
export function findInText(text: string, find: Find): Span | null {
  const q = normalizeText(find.text);
  if (!q) return null;
  const f = folded(text);
  const starts = findAll(f.text, q);
  if (!starts.length) return null;
  return toRaw(f, hitOccurrence(f.text, starts, q.length, find.before, find.after, find.occurrence), q.length);
}

/** Every match of a find-bar query, in order. */
export function matchesInText(text: string, query: string): Span[] {
  const q = normalizeText(query);
  if (!q) return [];
  const f = folded(text);
  return findAll(f.text, q).map((s) => toRaw(f, s, q.length));
}

/** Every occurrence of the search's words, except where the hit is (marked on its own). */
export function termsInText(text: string, terms: readonly string[], hit: Span | null): Span[] {
  if (!terms.length) return [];
  const f = folded(text);
  // The hit in folded units: the first and last folded unit whose raw origin lies inside it.
  let skip: { start: number; length: number } | null = null;
  if (hit) {
    const first = lowerBound(f, hit.start);
    const end = lowerBound(f, hit.end);
    if (end > first) skip = { start: first, length: end - first };
  }
  return termSpans(f.text, terms, skip).map((s) => toRaw(f, s.start, s.length));
}

/** First folded index whose raw origin is ≥ raw (origins only grow). */
function lowerBound(f: Folded, raw: number): number {
  let lo = 0;
  let hi = f.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.origin[mid]! < raw) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
