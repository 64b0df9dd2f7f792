// A query of several words separated by spaces ("马鞍山 博源", "罚款 60,000") finds the pages and
// cases holding every word, in any order and place — as people expect of a search box — instead
// of the words as one phrase with the space. Words of 3+ characters use the trigram index; shorter
// ones are checked with LIKE among those (or, with no long word, in a bounded scan).
import type Database from 'better-sqlite3-multiple-ciphers';
import type { SearchHit } from '../../../shared/api/evidence';
import { CONTEXT, ftsPhrase, findMatch, type PageRow, likePattern, LIKE_SCAN_ROWS, pageCut, snippetAround } from './search-text';
import { termStarts } from '../../../shared/text/term-marks';


/** The words of a query; one quoted query ("…" or “…”) is a single phrase, spaces and all. */
export function queryTerms(q: string): string[] {
  const quoted = /^["“](.+)["”]$/u.exec(q);
  if (quoted) return [quoted[1]!.trim()];
  return [...new Set(q.split(' ').filter(Boolean))];
}

/**
 * What the snippet is cut around: the words as typed when they stand together, else the place
 * where most of the words fall within one snippet's reach (the earliest such), so the line shows
 * the words side by side rather than one of them alone.
 */
export function closestCut(text: string, terms: readonly string[]): [q: string, at: number] {
  const whole = terms.join(' ');
  const wholeAt = findMatch(text, whole);
  if (wholeAt >= 0) return [whole, wholeAt];
  const starts = terms.map((t) => termStarts(text, t));
  let best = { q: terms[0]!, at: -1, near: 0 };
  terms.forEach((t, i) => {
    for (const at of starts[i]!) {
      const [from, to] = [at - CONTEXT, at + t.length + CONTEXT];
      const near = terms.filter((u, j) => starts[j]!.some((s) => s >= from && s + u.length <= to)).length;
      if (near > best.near || (near === best.near && at < best.at)) best = { q: t, at, near };
    }
  });
  return [best.q, best.at];
}

export function termPages(sqlite: Database.Database, terms: readonly string[], limit: number, caseId?: string): PageRow[] {
  const params: Record<string, string | number> = { limit };
  const where: string[] = [];
  terms.forEach((t, i) => {
    if ([...t].length >= 3) {
      where.push(`p.rowid in (select rowid from page_fts where page_fts match @m${i})`);
      params[`m${i}`] = ftsPhrase(t);
    } else {
      where.push(`p.text like @l${i} escape '\\'`);
      params[`l${i}`] = likePattern(t);
    }
  });
  const indexed = terms.some((t) => [...t].length >= 3);
  if (caseId) {
    where.push('p.sha256 in (select sha256 from document where case_id = @caseId union select sha256 from evidence where case_id = @caseId)');
    params.caseId = caseId;
  }
  // Without an indexed word every page would be read: the newest LIKE_SCAN_ROWS only, as for short queries.
  const from = indexed || caseId ? 'page_text p' : `(select rowid, sha256, page, text from page_text order by rowid desc limit ${LIKE_SCAN_ROWS}) p`;
  const rows = sqlite.prepare(`select p.sha256, p.page, p.text from ${from} where ${where.join(' and ')} order by p.rowid desc limit @limit`).all(params) as { sha256: string; page: number; text: string }[];
  return rows.map((r, i) => ({ sha256: r.sha256, page: r.page, snippet: null, ...pageCut(r.text, ...closestCut(r.text, terms)), rank: i }));
}

const CASE_FIELDS: [column: string, label: string][] = [
  ['case_number', '案号'],
  ['party_name', '当事人'],
  ['cause', '案由'],
  ['facts', '案件事实'],
  ['handling_unit', '承办机构'],
];

/** Cases whose fields together hold every word (cases are few: a plain scan). */
export function termCases(sqlite: Database.Database, terms: readonly string[], limit: number): { caseId: string; hit: SearchHit & { rank: number } }[] {
  const all = `(${CASE_FIELDS.map(([c]) => `coalesce(${c}, '')`).join(` || ' ' || `)})`;
  const params: Record<string, string | number> = { limit };
  const where = terms.map((t, i) => ((params[`l${i}`] = likePattern(t)), `${all} like @l${i} escape '\\'`));
  const rows = sqlite.prepare(`select id, ${CASE_FIELDS.map(([c]) => c).join(', ')} from case_file where ${where.join(' and ')} limit @limit`).all(params) as Record<string, string>[];
  return rows.map((r, i) => {
    const [col, label] = CASE_FIELDS.find(([c]) => terms.some((t) => findMatch(r[c] ?? '', t) >= 0)) ?? CASE_FIELDS[0]!;
    const text = r[col] ?? '';
    return { caseId: r.id!, hit: { kind: 'case' as const, itemId: null, itemTitle: null, itemKind: null, sha256: null, page: null, field: label, snippet: snippetAround(text, ...closestCut(text, terms)), occurrence: null, rank: i - 1000 } };
  });
}
