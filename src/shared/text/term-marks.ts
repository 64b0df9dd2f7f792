// A search snippet with every word of the query marked, not only the one the snippet was cut
// around: a query of several words (马鞍山 博源) shows where each of them stands in the line.

export interface MarkedPart {
  text: string;
  mark: boolean;
}

/** Start indexes of a term in text, ignoring case as the index does (exactly where case folding changes lengths). */
export function termStarts(text: string, term: string): number[] {
  if (!term) return [];
  const lower = text.toLowerCase();
  const sameLength = lower.length === text.length;
  const hay = sameLength ? lower : text;
  const needle = sameLength ? term.toLowerCase() : term;
  const out: number[] = [];
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

/** Where each term occurs in text, overlaps merged. */
function termRanges(text: string, terms: readonly string[]): [number, number][] {
  const ranges = terms.flatMap((term) => termStarts(text, term).map((at): [number, number] => [at, at + term.length]));
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** text cut into plain and marked parts, marking every occurrence of every term. */
export function markTerms(text: string, terms: readonly string[]): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let at = 0;
  for (const [start, end] of termRanges(text, terms)) {
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    parts.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}

/**
 * A snippet (before · match · after) as marked parts: the match as found, and the other words of
 * the query wherever they stand in the context on either side.
 */
export function markSnippet(s: { before: string; match: string; after: string }, terms: readonly string[]): MarkedPart[] {
  const parts = [...markTerms(s.before, terms), { text: s.match, mark: true }, ...markTerms(s.after, terms)].filter((p) => p.text);
  // Neighbouring marks (a word right after the match) read as one mark.
  return parts.reduce<MarkedPart[]>((out, p) => {
    const last = out.at(-1);
    if (last && last.mark === p.mark) last.text += p.text;
    else out.push({ ...p });
    return out;
  }, []);
}
