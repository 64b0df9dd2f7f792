// Text folding shared by the search index (main) and the PDF viewer (renderer): whitespace ignored,
// full-width forms folded (NFKC), case-insensitive. Both sides count a hit's occurrence on a page
// in this folded text, so "the 3rd occurrence" means the same match in the stored page text and
// in the pdf.js text layer.

/**
 * Folded code points, remembered: a search folds the head of every page it returns (occurrenceIndex)
 * and normalize() per code point was most of a query's time. Text uses a few thousand distinct code
 * points; the bound only keeps a pathological input from growing it without end.
 */
const folded = new Map<string, string>();
const FOLDED_MAX = 65_536;

/** Fold one code point; '' for whitespace. */
export function foldCodePoint(cp: string): string {
  const known = folded.get(cp);
  if (known !== undefined) return known;
  const f = /\s/u.test(cp) ? '' : cp.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
  if (folded.size < FOLDED_MAX) folded.set(cp, f);
  return f;
}

export function normalizeText(s: string): string {
  let out = '';
  for (const cp of s) {
    // CJK Unified Ideographs fold to themselves (no NFKC decomposition, no case): most of a page.
    const c = cp.charCodeAt(0);
    out += c >= 0x4e00 && c <= 0x9fff ? cp : foldCodePoint(cp);
  }
  return out;
}

/** Start indexes of every non-overlapping occurrence. */
export function findAll(haystack: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

/**
 * Which occurrence (0-based, in folded text) of `query` the match starting at UTF-16 `offset` of
 * `text` is. Only text up to the match is needed: `text` may be the page's head.
 */
export function occurrenceIndex(text: string, query: string, offset: number): number {
  const q = normalizeText(query);
  // Folding is per code point, so the head is folded once and the query appended folded.
  const head = normalizeText(text.slice(0, offset));
  return findAll(head + q, q).filter((s) => s < head.length).length;
}
