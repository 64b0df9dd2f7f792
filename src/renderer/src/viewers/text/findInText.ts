// A search hit in a text file or a Word document's text: where in the shown text the occurrence
// the index counted lies. Counted as the index and the PDF viewer count — in folded text
// (whitespace ignored, full-width folded, case-insensitive) — then mapped back to the raw text.
import { foldCodePoint } from '../../../../shared/text/fold';
import { findAll, hitOccurrence, normalizeText } from '../pdf/textMatch';
import type { RevealTarget } from '../../workspace/reveal';

export type Find = NonNullable<RevealTarget['find']>;

export function findInText(text: string, find: Find): { start: number; end: number } | null {
  const q = normalizeText(find.text);
  if (!q) return null;
  let folded = '';
  // Raw index (and UTF-16 length) of the code point each folded unit came from.
  const origin: number[] = [];
  const width: number[] = [];
  let i = 0;
  for (const cp of text) {
    const f = foldCodePoint(cp);
    for (let k = 0; k < f.length; k++) {
      origin.push(i);
      width.push(cp.length);
    }
    folded += f;
    i += cp.length;
  }
  const starts = findAll(folded, q);
  if (!starts.length) return null;
  const s = hitOccurrence(folded, starts, q.length, find.before, find.after, find.occurrence);
  const last = s + q.length - 1;
  return { start: origin[s]!, end: origin[last]! + width[last]! };
}
