// Text helpers of the search index: the query's normal form, FTS5 phrases and LIKE patterns, and
// the snippet and occurrence of a match (counted in folded text, as the PDF viewer counts).
import type { SearchSnippet } from '../../../shared/api/evidence';
import { occurrenceIndex } from '../../../shared/text/fold';

export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';
export const LIKE_SCAN_ROWS = 100_000; // page rows examined at most by the short-query fallback
export const CONTEXT = 24; // characters of context on each side of a match

export class SearchQueryError extends Error {}

/** Characters that count as searchable: letters (incl. Han) and digits. */
export const SEARCHABLE = /[\p{L}\p{N}]/u;

/**
 * The query as typed (spaces collapsed): the index holds the text as the PDF has it, full-width
 * punctuation included, so a sentence copied from a document must not be folded to half-width.
 */
export function normaliseQuery(raw: string): string {
  const q = raw.trim().replace(/\s+/g, ' ');
  if (!q) throw new SearchQueryError('请输入要搜索的文字');
  if (!SEARCHABLE.test(q)) throw new SearchQueryError('搜索内容只有标点或符号，请输入文字或数字');
  return q;
}

/** An FTS5 phrase query: the whole string quoted, inner quotes doubled — no operators pass. */
const FULL_WIDTH: Record<string, string> = { '(': '（', ')': '）', ':': '：', ',': '，', ';': '；', '?': '？', '!': '！' };

/**
 * Other spellings of a query to try when it finds nothing: folded to half-width (NFKC, e.g. a query
 * typed with full-width digits), and with ASCII punctuation made full-width (typed without the IME).
 */
export function querySpellings(q: string): string[] {
  const half = q.normalize('NFKC');
  const full = q.replace(/[(),:;?!]/g, (c) => FULL_WIDTH[c]!);
  return [...new Set([half, full])].filter((s) => s !== q);
}

export function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Where q occurs in text: exactly, else ignoring case as the trigram index does; -1 if not. */
export function findMatch(text: string, q: string): number {
  const at = text.indexOf(q);
  if (at >= 0) return at;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower.indexOf(q.toLowerCase()) : -1;
}

export function snippetOf(before: string, match: string, after: string, cutBefore: boolean, cutAfter: boolean): SearchSnippet {
  return { before: (cutBefore ? '…' : '') + before.replace(/\s+/g, ' '), match, after: after.replace(/\s+/g, ' ') + (cutAfter ? '…' : '') };
}

export function snippetAround(text: string, q: string, at = findMatch(text, q)): SearchSnippet {
  if (at < 0) return { before: '', match: text.slice(0, CONTEXT * 2), after: '' };
  const end = at + q.length;
  return snippetOf(text.slice(Math.max(0, at - CONTEXT), at), text.slice(at, end), text.slice(end, end + CONTEXT), at > CONTEXT, end + CONTEXT < text.length);
}

/** A page hit's snippet around the match findMatch picks, and which occurrence (folded) that is. */
export function pageCut(text: string, q: string, at = findMatch(text, q)): { cut: SearchSnippet; occurrence: number } {
  return { cut: snippetAround(text, q, at), occurrence: at < 0 ? 0 : occurrenceIndex(text, q, at) };
}

export function snippetFromMarks(marked: string): SearchSnippet {
  const a = marked.indexOf(MARK_OPEN);
  const b = marked.indexOf(MARK_CLOSE, a + 1);
  if (a < 0 || b < 0) return { before: marked, match: '', after: '' };
  // Adjacent trigram matches come back as separate marked runs: merge them into one match.
  const rest = marked.slice(b + 1);
  const clean = (s: string) => s.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '').replace(/\s+/g, ' ');
  let match = marked.slice(a + 1, b);
  let after = rest;
  while (after.startsWith(MARK_OPEN)) {
    const e = after.indexOf(MARK_CLOSE);
    match += after.slice(1, e);
    after = after.slice(e + 1);
  }
  return { before: clean(marked.slice(0, a)), match, after: clean(after) };
}

export interface PageRow {
  sha256: string;
  page: number;
  /** FTS5 snippet() with marks, or the text to cut a snippet from, or the snippet itself. */
  snippet: string | null;
  text?: string;
  cut?: SearchSnippet;
  /** Which occurrence of the query on the page the snippet shows (see SearchHit.occurrence). */
  occurrence?: number;
  /** page_text's rowid of a page whose snippet is cut only if the result shows it (FtsPages.cut). */
  rowid?: number;
  rank: number;
}
