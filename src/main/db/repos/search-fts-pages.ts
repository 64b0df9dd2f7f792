// The pages the trigram index finds for one phrase, in two steps: which pages (rowids from FTS5,
// then their blob and page number), and later the snippet and occurrence of the pages a result
// shows. A query groups up to 400 pages but lists about 100; reading and cutting the text of the
// rest was a third of a query's time at 200,000 pages.
import type Database from 'better-sqlite3-multiple-ciphers';
import { occurrenceIndex } from '../../../shared/text/fold';
import { CONTEXT, ftsPhrase, pageCut, snippetOf, type PageRow } from './search-text';

/**
 * Pages a phrase may match and still be ranked by bm25. Ranking reads and scores every match
 * (bm25 also scans them all once for the phrase's IDF), ~0.7 µs each on a 2-core machine: a
 * phrase on 100,000+ of 200,000 pages cost 100–400 ms. A phrase found on more pages than this is
 * too common for relevance to order anything useful; its newest pages come first instead.
 */
export const RANK_MAX_MATCHES = 5_000;

interface CutRow {
  rowid: number;
  n: number;
  at: number;
  piece: string;
  head: string | null;
}

export class FtsPages {
  constructor(private readonly sqlite: Database.Database) {}

  /** Prepared on first use: a query runs them all, every time. */
  private st?: { newest: Database.Statement; ranked: Database.Statement; pages: Database.Statement; cut: Database.Statement };

  private get statements() {
    return (this.st ??= {
      // Newest matches first, stopping after RANK_MAX_MATCHES + 1: cheap whatever the phrase.
      newest: this.sqlite.prepare('select rowid from page_fts where page_fts match ? order by rowid desc limit ?').pluck(),
      ranked: this.sqlite.prepare('select rowid, bm25(page_fts) as rank from page_fts where page_fts match ? order by rank limit ?'),
      pages: this.sqlite.prepare('select p.rowid, p.sha256, p.page from json_each(?) j join page_text p on p.rowid = j.value'),
      // Only the text around the first occurrence leaves SQLite (instr/substr count characters), and
      // the text before it, to count which occurrence it is in folded text (the viewer's count).
      cut: this.sqlite.prepare(
        `select p.rowid, length(p.text) as n, instr(p.text, @q) as at,
           iif(instr(p.text, @q) > 0, substr(p.text, max(1, instr(p.text, @q) - ${CONTEXT}), @len + ${2 * CONTEXT}), p.text) as piece,
           iif(instr(p.text, @q) > 0, substr(p.text, 1, instr(p.text, @q) - 1), null) as head
         from json_each(@ids) j join page_text p on p.rowid = j.value`,
      ),
    });
  }

  /**
   * The best `limit` pages for a phrase, without their snippet (`cut` makes it). In one
   * `… order by rank limit n` statement SQLite would compute snippet() and the join for every
   * match before sorting, which was most of the cost of a common phrase.
   */
  find(q: string, limit: number): PageRow[] {
    const st = this.statements;
    const phrase = ftsPhrase(q);
    const newest = st.newest.all(phrase, RANK_MAX_MATCHES + 1) as number[];
    const chosen: { rowid: number; rank: number }[] =
      newest.length <= RANK_MAX_MATCHES ? (st.ranked.all(phrase, limit) as { rowid: number; rank: number }[]) : newest.slice(0, limit).map((rowid, i) => ({ rowid, rank: i }));
    if (!chosen.length) return [];
    const rows = st.pages.all(JSON.stringify(chosen.map((c) => c.rowid))) as { rowid: number; sha256: string; page: number }[];
    const byRowid = new Map(rows.map((r) => [r.rowid, r]));
    return chosen.flatMap((c) => {
      const r = byRowid.get(c.rowid);
      return r ? [{ rowid: r.rowid, sha256: r.sha256, page: r.page, snippet: null, rank: c.rank }] : [];
    });
  }

  /** Fill in the snippet and occurrence of pages `find` returned (those a result shows). */
  cut(q: string, pages: readonly PageRow[]): void {
    const ids = [...new Set(pages.flatMap((p) => (p.rowid === undefined ? [] : [p.rowid])))];
    if (!ids.length) return;
    const qLen = [...q].length;
    const rows = this.statements.cut.all({ q, len: qLen, ids: JSON.stringify(ids) }) as CutRow[];
    const byRowid = new Map(rows.map((r) => [r.rowid, r]));
    for (const p of pages) {
      const r = p.rowid === undefined ? undefined : byRowid.get(p.rowid);
      if (!r) continue;
      // at = 0: the page matched ignoring case; cut the snippet from the whole text.
      const i = r.at > 0 ? r.piece.indexOf(q) : -1;
      if (i < 0 || r.head === null) {
        Object.assign(p, pageCut(r.piece, q));
        continue;
      }
      p.cut = snippetOf(r.piece.slice(0, i), q, r.piece.slice(i + q.length, i + q.length + CONTEXT), r.at - 1 > CONTEXT, r.at - 1 + qLen + CONTEXT < r.n);
      p.occurrence = occurrenceIndex(r.head, q, r.head.length);
    }
  }
}
