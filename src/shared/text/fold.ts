// Text folding shared by the search index (main) and the PDF viewer (renderer): whitespace ignored,
// full-width forms folded (NFKC), case-insensitive. Both sides count a hit's occurrence on a page
// in this folded text, so "the 3rd occurrence" means the same match in the stored page text and
// in the pdf.js text layer.

/** Fold one code point; '' for whitespace. */
export function foldCodePoint(cp: string): string {
  if (/\s/u.test(cp)) return '';
  return cp.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

export function normalizeText(s: string): string {
  let out = '';
  for (const cp of s) out += foldCodePoint(cp);
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
