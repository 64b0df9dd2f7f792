// Full-text search over case fields and PDF page text (FTS5 trigram; LIKE for 1–2 characters).
import type Database from 'better-sqlite3-multiple-ciphers';
import type { SearchGroup, SearchHit, SearchResult } from '../../../shared/api/evidence';
import { bracketYears } from '../../../shared/text/case-number';
import { joinCjkLines } from '../../../shared/text/cjk-lines';
import { FtsPages } from './search-fts-pages';
import { ftsPhrase, likePattern, LIKE_SCAN_ROWS, MARK_OPEN, normaliseQuery, pageCut, querySpellings, snippetAround, snippetFromMarks, type PageRow } from './search-text';
import { queryTerms, termCases, termPages } from './search-terms';

export { normaliseQuery, SearchQueryError } from './search-text';

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

/** Hits listed per case; the group says how many more it has. */
const HITS_PER_CASE = 20;

/** A hit found, before it is listed: a case hit, or a page of an item (its snippet maybe not cut yet). */
interface Found {
  rank: number;
  hit?: SearchHit;
  page?: PageRow;
  item?: ItemRow;
}

function pageHit(h: PageRow, it: ItemRow, q: string): SearchHit {
  const snippet = h.cut ?? (h.snippet !== null ? snippetFromMarks(h.snippet) : snippetAround(h.text ?? '', q));
  return { kind: 'page', itemId: it.id, itemTitle: it.title, itemKind: it.item_kind, sha256: h.sha256, page: it.page_count === null ? null : h.page, field: null, snippet, occurrence: h.occurrence ?? 0 };
}

const CASE_FIELDS: [column: string, label: string][] = [
  ['case_number', '案号'],
  ['parties', '当事人'],
  ['cause', '案由'],
  ['facts', '案件事实'],
  ['handling_unit', '承办机构'],
];

export class SearchRepo {
  private readonly fts: FtsPages;
  private itemsStatement?: Database.Statement;
  private caseRowsStatement?: Database.Statement;

  constructor(private readonly sqlite: Database.Database) {
    this.fts = new FtsPages(sqlite);
  }

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
            ? this.fts.find(q, limit * 4)
            : this.likePages(q, limit * 4);
    // Short words cannot use the trigram index: cases are few, so their fields are scanned as for several words.
    const caseHits = terms.length > 1 || mode === 'like' ? termCases(this.sqlite, terms, limit) : this.ftsCases(q, limit);

    // Map page hits (per blob) to the case items that carry that blob.
    const items = this.itemsOf([...new Set(pageHits.map((h) => h.sha256))]);
    const groups = new Map<string, Found[]>();
    const add = (caseId: string, f: Found) => {
      if (opts.caseId && caseId !== opts.caseId) return;
      const g = groups.get(caseId);
      if (g) g.push(f);
      else groups.set(caseId, [f]);
    };
    for (const { caseId, hit: { rank, ...hit } } of caseHits) add(caseId, { rank, hit });
    for (const h of pageHits) for (const it of items.get(h.sha256) ?? []) add(it.case_id, { rank: h.rank, page: h, item: it });
    const ordered = [...groups.entries()]
      .map(([caseId, found]) => ({ caseId, found: found.sort((a, b) => a.rank - b.rank) }))
      .sort((a, b) => a.found[0]!.rank - b.found[0]!.rank);

    // Groups are listed until they hold `limit` hits; only those need their case row and snippets.
    // Every hit's case exists (foreign keys); a group whose case row is missing is skipped.
    const meta = new Map<string, CaseRow | null>();
    const out: { caseId: string; found: Found[]; totalHits: number }[] = [];
    let total = 0;
    for (let i = 0; i < ordered.length && total < limit; i++) {
      if (!meta.has(ordered[i]!.caseId)) {
        // The cases of the groups that would fill the list from here on, read at once.
        const ids: string[] = [];
        for (let j = i, t = total; j < ordered.length && t < limit; j++) {
          ids.push(ordered[j]!.caseId);
          t += Math.min(HITS_PER_CASE, ordered[j]!.found.length);
        }
        const rows = this.caseRows(ids);
        for (const id of ids) meta.set(id, rows.get(id) ?? null);
      }
      const g = ordered[i]!;
      if (meta.get(g.caseId) === null) continue;
      out.push({ caseId: g.caseId, found: g.found.slice(0, HITS_PER_CASE), totalHits: g.found.length });
      total += Math.min(HITS_PER_CASE, g.found.length);
    }
    this.fts.cut(q, out.flatMap((g) => g.found.flatMap((f) => (f.page && !f.page.cut ? [f.page] : []))));

    const listed = ordered.filter((g) => meta.get(g.caseId) !== null);
    const groupsOut: SearchGroup[] = out.map((g) => {
      const m = meta.get(g.caseId)!;
      return { caseId: g.caseId, caseNumber: m.case_number, partyName: m.party_name, cause: m.cause, hits: g.found.map((f) => f.hit ?? pageHit(f.page!, f.item!, q)), totalHits: g.totalHits };
    });
    const totalHits = listed.reduce((s, g) => s + g.found.length, 0);
    return { query: q, terms, mode, groups: groupsOut, totalHits, truncated: out.length < listed.length || listed.some((g) => g.found.length > HITS_PER_CASE) || pageHits.length >= limit * 4 };
  }

  /** The case items (documents and evidence) that carry each of these blobs. */
  private itemsOf(shas: string[]): Map<string, ItemRow[]> {
    const items = new Map<string, ItemRow[]>();
    if (!shas.length) return items;
    const st = (this.itemsStatement ??= this.sqlite.prepare(
      `select i.*, b.page_count from (select case_id, id, title, 'document' as item_kind, sha256 from document where sha256 in (select value from json_each(@shas))
       union all select case_id, id, title, 'evidence' as item_kind, sha256 from evidence where sha256 in (select value from json_each(@shas))) i left join blob b on b.sha256 = i.sha256`,
    ));
    for (const r of st.all({ shas: JSON.stringify(shas) }) as ItemRow[]) {
      const list = items.get(r.sha256);
      if (list) list.push(r);
      else items.set(r.sha256, [r]);
    }
    return items;
  }

  private caseRows(ids: string[]): Map<string, CaseRow> {
    const st = (this.caseRowsStatement ??= this.sqlite.prepare('select id, case_number, party_name, cause from case_file where id in (select value from json_each(?))'));
    return new Map((st.all(JSON.stringify(ids)) as CaseRow[]).map((r) => [r.id, r]));
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
