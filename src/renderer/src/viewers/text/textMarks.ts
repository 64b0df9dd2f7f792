// How the text pane draws its marks over up to 2 MB of text: the text cut into blocks at line
// breaks, so a change of marks re-renders and re-lays out only the blocks it touches, and at most
// a bounded number of marks around the one that matters.
import type { Span } from './findInText';

export type MarkKind = 'hit' | 'term' | 'find' | 'current';

export interface TextMark extends Span {
  kind: MarkKind;
}

/** A block of the text: [from, to); the line break at `to` (if any) is the block edge, not drawn. */
export interface Block {
  from: number;
  to: number;
}

export interface Part {
  text: string;
  kind: MarkKind | null;
}

/** Blocks of at least `size` units, each ending at a line break (a text without one is one block). */
export function textBlocks(text: string, size = 4096): Block[] {
  const out: Block[] = [];
  let from = 0;
  while (from + size < text.length) {
    const nl = text.indexOf('\n', from + size);
    if (nl < 0) break;
    out.push({ from, to: nl });
    from = nl + 1;
  }
  out.push({ from, to: text.length });
  return out;
}

/** Index of the first mark ending after `at` (marks sorted, not overlapping). */
function firstEndingAfter(marks: readonly TextMark[], at: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The marks touching a block (a mark across a line break at the edge shows in both blocks). */
export function marksIn(marks: readonly TextMark[], block: Block): TextMark[] {
  const out: TextMark[] = [];
  for (let i = firstEndingAfter(marks, block.from); i < marks.length && marks[i]!.start < block.to; i++) out.push(marks[i]!);
  return out;
}

/** A block's text as plain and marked parts, marks cut at the block's edges. */
export function blockParts(text: string, block: Block, marks: readonly TextMark[]): Part[] {
  const parts: Part[] = [];
  let at = block.from;
  for (const m of marks) {
    const start = Math.max(m.start, block.from);
    const end = Math.min(m.end, block.to);
    if (end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), kind: null });
    parts.push({ text: text.slice(start, end), kind: m.kind });
    at = end;
  }
  if (at < block.to || !parts.length) parts.push({ text: text.slice(at, block.to), kind: null });
  return parts;
}

/** At most `max` items around index `center` (all of them when there are few). */
export function around<T>(items: readonly T[], center: number, max: number): { items: T[]; offset: number } {
  if (items.length <= max) return { items: [...items], offset: 0 };
  const offset = Math.max(0, Math.min(items.length - max, center - Math.floor(max / 2)));
  return { items: items.slice(offset, offset + max), offset };
}

/** Index of the first span starting at or after `at`; 0 when none does (the search wraps). */
export function firstFrom(spans: readonly Span[], at: number): number {
  const i = spans.findIndex((s) => s.start >= at);
  return i < 0 ? 0 : i;
}

/** Two sorted, non-overlapping lists of marks merged in order. */
export function mergeMarks(a: readonly TextMark[], b: readonly TextMark[]): TextMark[] {
  const out: TextMark[] = [];
  let i = 0;
  let k = 0;
  while (i < a.length || k < b.length) {
    if (k >= b.length || (i < a.length && a[i]!.start <= b[k]!.start)) out.push(a[i++]!);
    else out.push(b[k++]!);
  }
  return out;
}
