// Full-text search over case fields and PDF page text (FTS5 trigram; LIKE for 1–2 characters).
import type Database from 'better-sqlite3-multiple-ciphers';
import type { SearchGroup, SearchHit, SearchResult } from '../../../shared/api/evidence';
import { bracketYears } from '../../../shared/text/case-number';
import { joinCjkLines } from '../../../shared/text/cjk-lines';
import { occurrenceIndex } from '../../../shared/text/fold';
import { CONTEXT, ftsPhrase, likePattern, LIKE_SCAN_ROWS, MARK_OPEN, normaliseQuery, pageCut, querySpellings, snippetAround, snippetFromMarks, snippetOf, type PageRow } from './search-text';
import { queryTerms, termCases, termPages } from './search-terms';

export { normaliseQuery, SearchQueryError } from './search-text';

/**
 * Pages a phrase may match and still be ranked by bm25. Ranking reads and scores every match
 * (bm25 also scans them all once for the phrase's IDF), ~0.7 µs each on a 2-core machine: a
 * phrase on 100,000+ of 200,000 pages cost 100–400 ms. A phrase found on more pages than this is
 * too common for relevance to order anything useful; its newest pages come first instead.
 */
const RANK_MAX_MATCHES = 5_000;

interface ItemRow {
  case_id: string;
  id: string;
  title: string;
  item_kind: 'document' | 'evidence';
  sha256: string;
  /** Null for a text file or Word document: its text is one page without a page number. */
  page_count: number | null;
}
interface CaseRow {
  id: string;
  case_number: string;
  party_name: string;
  cause: string;
}

const CASE_FIELDS: [column: string, label: string][] = [
  ['case_number', '案号'],
  ['parties', '当事人'],
  ['cause', '案由'],
  ['facts', '案件事实'],
  ['handling_unit', '承办机构'],
];

export class SearchRepo {
  constructor(private readonly sqlite: Database.Database) {}

  /** indexCase's statements, prepared on first use (it runs once per imported case). */
  private caseIndex?: { row: Database.Statement; parties: Database.Statement; del: Database.Statement; ins: Database.Statement };

  /** (Re)index one case's fields; call inside the import transaction. */
  indexCase(caseId: string): void {
    const st = (this.caseIndex ??= {
      row: this.sqlite.prepare('select rowid, case_number, cause, facts, handling_unit from case_file where id = ?'),
      parties: this.sqlite.prepare('select name, id_number, address, legal_representative from party where case_id = ? order by position'),
      del: this.sqlite.prepare('delete from case_fts where rowid = ?'),
      ins: this.sqlite.prepare('insert into case_fts (rowid, case_number, parties, cause, facts, handling_unit) values (?, ?, ?, ?, ?, ?)'),
    });
    const row = st.row.get(caseId) as { rowid: number; case_number: string; cause: string; facts: string; handling_unit: string } | undefined;
    if (!row) return;
    const parties = (st.parties.all(caseId) as { name: string; id_number: string; address: string; legal_representative: string | null }[])
      .map((p) => [p.name, p.legal_representative ?? '', p.id_number, p.address].filter(Boolean).join(' '))
      .join('\n');
    st.del.run(row.rowid);
    st.ins.run(row.rowid, row.case_number, parties, row.cause, row.facts, row.handling_unit);
  }

  /**
   * Store and index the text of a blob's pages (replacing earlier text). A PDF's lines are where
   * the layout wrapped, so Chinese across them is joined; a text file's or Word document's are
   * the author's own (`keepLines`).
   */
  indexPages(sha256: string, pages: string[], opts: { keepLines?: boolean } = {}): void {
    const old = this.sqlite.prepare('select rowid, text from page_text where sha256 = ?').all(sha256) as { rowid: number; text: string }[];
    const del = this.sqlite.prepare("insert into page_fts (page_fts, rowid, text) values ('delete', ?, ?)");
    for (const o of old) del.run(o.rowid, o.text);
    this.sqlite.prepare('delete from page_text where sha256 = ?').run(sha256);
    const ins = this.sqlite.prepare('insert into page_text (sha256, page, text) values (?, ?, ?)');
    const fts = this.sqlite.prepare('insert into page_fts (rowid, text) values (?, ?)');
    pages.forEach((raw, i) => {
      const text = opts.keepLines ? raw : joinCjkLines(raw);
      const { lastInsertRowid } = ins.run(sha256, i + 1, text);
      fts.run(lastInsertRowid, text);
    });
  }

  /** Once per store: page text indexed before lines were joined is joined (a store of a former version). */
  ensureLinesJoined(now: string): void {
    const KEY = 'page_text_lines_joined';
    if (this.sqlite.prepare('select 1 from setting where key = ?').get(KEY)) return;
    this.rejoinStoredLines();
    this.sqlite.prepare('insert into setting (key, value_json, updated_at) values (?, ?, ?) on conflict(key) do nothing').run(KEY, 'true', now);
  }

  /** Page text stored before lines were joined (joinCjkLines), joined and reindexed; returns the pages changed. */
  rejoinStoredLines(): number {
    const rows = this.sqlite.prepare("select rowid, text from page_text where instr(text, char(10)) > 0").all() as { rowid: number; text: string }[];
    const del = this.sqlite.prepare("insert into page_fts (page_fts, rowid, text) values ('delete', ?, ?)");
    const upd = this.sqlite.prepare('update page_text set text = ? where rowid = ?');
    const ins = this.sqlite.prepare('insert into page_fts (rowid, text) values (?, ?)');
    let changed = 0;
    this.sqlite.transaction(() => {
      for (const r of rows) {
        const text = joinCjkLines(r.text);
        if (text === r.text) continue;
        del.run(r.rowid, r.text);
        upd.run(text, r.rowid);
        ins.run(r.rowid, text);
        changed++;
      }
    })();
    return changed;
  }

  /** The stored text of every page of a blob, in page order (empty: none stored). */
  pagesOf(sha256: string): string[] {
    return (this.sqlite.prepare('select text from page_text where sha256 = ? order by page').all(sha256) as { text: string }[]).map((r) => r.text);
  }

  pageCount(): number {
    return (this.sqlite.prepare('select count(*) n from page_text').get() as { n: number }).n;
  }

  query(raw: string, opts: { caseId?: string | undefined; limit: number }): SearchResult {
    const typed = normaliseQuery(raw);
    // A year typed in [] () （） 【】 is looked for as 〔YYYY〕 first, as 案号 and 文号 are printed
    // (〔 is hard to type); then as typed, for text that has those brackets (a court's （2026）);
    // then with the other width of digits or punctuation. Each spelling costs a query only when
    // the one before found nothing; without a bracketed year the list is as before.
    const spellings = [...new Set([typed, ...querySpellings(typed)].flatMap((s) => [bracketYears(s), s]))];
    let asTyped: SearchResult | undefined;
    for (const q of spellings) {
      const r = this.queryAs(q, opts);
      if (r.totalHits > 0) return r;
      if (q === typed) asTyped = r;
    }
    // Nothing anywhere: say so in the words the reviewer typed.
    return asTyped!;
  }

  private queryAs(typed: string, opts: { caseId?: string | undefined; limit: number }): SearchResult {
    const terms = queryTerms(typed);
    // A quoted phrase is searched as that phrase, without its quotes.
    const q = terms.length === 1 ? terms[0]! : typed;
    const mode = terms.some((t) => [...t].length >= 3) ? 'fts' : 'like';
    const limit = opts.limit;
    // Within one case, search only that case's files: a global top-N then filtered could miss them.
    const pageHits =
      terms.length > 1
        ? termPages(this.sqlite, terms, limit * 4, opts.caseId)
        : opts.caseId
          ? this.casePages(q, mode, opts.caseId, limit * 4)
          : mode === 'fts'
            ? this.ftsPages(q, limit * 4)
            : this.likePages(q, limit * 4);
    // Short words cannot use the trigram index: cases are few, so their fields are scanned as for several words.
    const caseHits = terms.length > 1 || mode === 'like' ? termCases(this.sqlite, terms, limit) : this.ftsCases(q, limit);

    // Map page hits (per blob) to the case items that carry that blob.
    const shas = [...new Set(pageHits.map((h) => h.sha256))];
    const items = new Map<string, ItemRow[]>();
    if (shas.length) {
      const marks = shas.map(() => '?').join(',');
      const rows = this.sqlite
        .prepare(
          `select i.*, b.page_count from (select case_id, id, title, 'document' as item_kind, sha256 from document where sha256 in (${marks})
           union all select case_id, id, title, 'evidence' as item_kind, sha256 from evidence where sha256 in (${marks})) i left join blob b on b.sha256 = i.sha256`,
        )
        .all(...shas, ...shas) as ItemRow[];
      for (const r of rows) items.set(r.sha256, [...(items.get(r.sha256) ?? []), r]);
    }

    const groups = new Map<string, { hits: (SearchHit & { rank: number })[] }>();
    const add = (caseId: string, hit: SearchHit & { rank: number }) => {
      if (opts.caseId && caseId !== opts.caseId) return;
      const g = groups.get(caseId) ?? { hits: [] };
      g.hits.push(hit);
      groups.set(caseId, g);
    };
    for (const c of caseHits) add(c.caseId, c.hit);
    for (const h of pageHits) {
      const snippet = h.cut ?? (h.snippet !== null ? snippetFromMarks(h.snippet) : snippetAround(h.text ?? '', q));
      for (const it of items.get(h.sha256) ?? []) {
        add(it.case_id, { kind: 'page', itemId: it.id, itemTitle: it.title, itemKind: it.item_kind, sha256: h.sha256, page: it.page_count === null ? null : h.page, field: null, snippet, occurrence: h.occurrence, rank: h.rank });
      }
    }

    const caseIds = [...groups.keys()];
    const meta = new Map<string, CaseRow>();
    if (caseIds.length) {
      const rows = this.sqlite.prepare(`select id, case_number, party_name, cause from case_file where id in (${caseIds.map(() => '?').join(',')})`).all(...caseIds) as CaseRow[];
      rows.forEach((r) => meta.set(r.id, r));
    }
    const ordered: SearchGroup[] = [...groups.entries()]
      .filter(([id]) => meta.has(id))
      .map(([id, g]) => {
        const hits = g.hits.sort((a, b) => a.rank - b.rank);
        const m = meta.get(id)!;
        return { caseId: id, caseNumber: m.case_number, partyName: m.party_name, cause: m.cause, hits: hits.slice(0, 20).map(({ rank: _rank, ...h }) => h), totalHits: hits.length, best: hits[0]!.rank };
      })
      .sort((a, b) => a.best - b.best)
      .map(({ best: _best, ...g }) => g);
    let total = 0;
    const out: SearchGroup[] = [];
    for (const g of ordered) {
      if (total >= limit) break;
      out.push(g);
      total += g.hits.length;
    }
    const totalHits = ordered.reduce((s, g) => s + g.totalHits, 0);
    return { query: q, terms, mode, groups: out, totalHits, truncated: out.length < ordered.length || ordered.some((g) => g.totalHits > g.hits.length) || pageHits.length >= limit * 4 };
  }

  /**
   * The best `limit` pages for a phrase. Snippets are cut from the text of those pages only: in one
   * `… order by rank limit n` statement SQLite computes snippet() (and the join) for every match
   * before sorting, which was most of the cost of a common phrase.
   */
  private ftsPages(q: string, limit: number): PageRow[] {
    const phrase = ftsPhrase(q);
    // Newest matches first, stopping after RANK_MAX_MATCHES + 1: cheap whatever the phrase.
    const newest = this.sqlite.prepare('select rowid from page_fts where page_fts match ? order by rowid desc limit ?').pluck().all(phrase, RANK_MAX_MATCHES + 1) as number[];
    const chosen: { rowid: number; rank: number }[] =
      newest.length <= RANK_MAX_MATCHES
        ? (this.sqlite.prepare('select rowid, bm25(page_fts) as rank from page_fts where page_fts match ? order by rank limit ?').all(phrase, limit) as { rowid: number; rank: number }[])
        : newest.slice(0, limit).map((rowid, i) => ({ rowid, rank: i }));
    if (!chosen.length) return [];
    const qLen = [...q].length;
    // Only the text around the first occurrence leaves SQLite (instr/substr count characters), and
    // the text before it, to count which occurrence it is in folded text (the viewer's count).
    const rows = this.sqlite
      .prepare(
        `select p.rowid, p.sha256, p.page, length(p.text) as n, instr(p.text, @q) as at,
           iif(instr(p.text, @q) > 0, substr(p.text, max(1, instr(p.text, @q) - ${CONTEXT}), @len + ${2 * CONTEXT}), p.text) as piece,
           iif(instr(p.text, @q) > 0, substr(p.text, 1, instr(p.text, @q) - 1), null) as head
         from json_each(@ids) j join page_text p on p.rowid = j.value`,
      )
      .all({ q, len: qLen, ids: JSON.stringify(chosen.map((c) => c.rowid)) }) as { rowid: number; sha256: string; page: number; n: number; at: number; piece: string; head: string | null }[];
    const byRowid = new Map(rows.map((r) => [r.rowid, r]));
    return chosen.flatMap((c) => {
      const r = byRowid.get(c.rowid);
      if (!r) return [];
      // at = 0: the page matched ignoring case; cut the snippet from the whole text.
      const i = r.at > 0 ? r.piece.indexOf(q) : -1;
      if (i < 0 || r.head === null) return [{ sha256: r.sha256, page: r.page, snippet: null, ...pageCut(r.piece, q), rank: c.rank }];
      const cut = snippetOf(r.piece.slice(0, i), q, r.piece.slice(i + q.length, i + q.length + CONTEXT), r.at - 1 > CONTEXT, r.at - 1 + qLen + CONTEXT < r.n);
      return [{ sha256: r.sha256, page: r.page, snippet: null, cut, occurrence: occurrenceIndex(r.head, q, r.head.length), rank: c.rank }];
    });
  }

  /** Pages of one case's documents and evidence that contain the query, in page order. */
  private casePages(q: string, mode: 'fts' | 'like', caseId: string, limit: number): PageRow[] {
    const filter = mode === 'fts' ? 'p.rowid in (select rowid from page_fts where page_fts match @match)' : "p.text like @like escape '\\'";
    const rows = this.sqlite
      .prepare(
        `select p.sha256, p.page, p.text from page_text p
         where p.sha256 in (select sha256 from document where case_id = @caseId union select sha256 from evidence where case_id = @caseId)
           and ${filter}
         order by p.sha256, p.page limit @limit`,
      )
      .all({ caseId, limit, ...(mode === 'fts' ? { match: ftsPhrase(q) } : { like: likePattern(q) }) }) as { sha256: string; page: number; text: string }[];
    return rows.map((r, i) => ({ sha256: r.sha256, page: r.page, snippet: null, ...pageCut(r.text, q), rank: i }));
  }

  private likePages(q: string, limit: number): PageRow[] {
    // Bounded scan: short queries can't use the trigram index.
    const rows = this.sqlite
      .prepare(`select sha256, page, text from (select sha256, page, text from page_text limit ${LIKE_SCAN_ROWS}) where text like ? escape '\\' limit ?`)
      .all(likePattern(q), limit) as { sha256: string; page: number; text: string }[];
    return rows.map((r, i) => ({ sha256: r.sha256, page: r.page, snippet: null, ...pageCut(r.text, q), rank: i }));
  }

  private ftsCases(q: string, limit: number): { caseId: string; hit: SearchHit & { rank: number } }[] {
    const rows = this.sqlite
      .prepare(
        // Ordering by the rank column (bm25), not an expression, lets FTS5 sort and stop at the
        // limit itself, so the five snippets are made for the returned rows only.
        `select c.id as case_id, case_fts.rank as rank,
           ${CASE_FIELDS.map(([col], i) => `snippet(case_fts, ${i}, char(2), char(3), '…', 16) as s_${col}`).join(', ')}
         from case_fts join case_file c on c.rowid = case_fts.rowid where case_fts match ? order by case_fts.rank limit ?`,
      )
      .all(ftsPhrase(q), limit) as Record<string, string | number>[];
    return rows.map((r) => {
      const [col, label] = CASE_FIELDS.find(([c]) => String(r[`s_${c}`]).includes(MARK_OPEN)) ?? CASE_FIELDS[0]!;
      return { caseId: String(r.case_id), hit: { kind: 'case', itemId: null, itemTitle: null, itemKind: null, sha256: null, page: null, field: label, snippet: snippetFromMarks(String(r[`s_${col}`])), occurrence: null, rank: Number(r.rank) - 1000 } };
    });
  }
}
