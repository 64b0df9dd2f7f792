// Full-text search over case fields and PDF page text: indexing at import, FTS5 trigram for
// 3+ characters, bounded LIKE fallback for 1–2, grouping and snippets, bad queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workstation } from '../../src/main/workstation';
import { generateDemoPackages } from '../../src/main/demo/generate';
import { tempDir } from '../helpers/package-builder';
import { markSnippet } from '../../src/shared/text/term-marks';

let ws: Workstation;

beforeAll(async () => {
  const demo = await generateDemoPackages({ outDir: tempDir('search-demo-'), today: '2026-11-23', seed: 7 });
  ws = new Workstation({ dataDir: tempDir('search-ws-'), today: () => '2026-11-23' });
  const out = await ws.importer.importMany(demo.map((d) => d.dir));
  expect(out.every((o) => o.ok)).toBe(true);
}, 120_000);
afterAll(() => ws.close());

describe('indexing at import', () => {
  it('extracts the text of every PDF page in the back end', () => {
    expect(ws.search.pageCount()).toBeGreaterThan(50);
    const view = ws.views.get(ws.views.list({})[0]!.id)!;
    const pdf = view.documents.find((d) => d.file.mime === 'application/pdf')!;
    expect(pdf.file.textState).toBe('done');
    expect(pdf.file.pageCount).toBeGreaterThan(0);
  });
});

describe('search', () => {
  it('finds Chinese substrings in page text and groups hits by case and document', () => {
    const r = ws.search.query('询问笔录', { limit: 100 });
    expect(r.mode).toBe('fts');
    expect(r.groups.length).toBeGreaterThanOrEqual(5);
    const hit = r.groups[0]!.hits.find((h) => h.kind === 'page')!;
    expect(hit.itemTitle).toBeTruthy();
    expect(hit.page).toBeGreaterThanOrEqual(1);
    expect(hit.snippet.match).toBe('询问笔录');
  });

  it('matches a substring in the middle of a word (trigram, no segmenter)', () => {
    const r = ws.search.query('本案关系', { limit: 50 });
    expect(r.totalHits).toBeGreaterThan(0);
    expect(r.groups[0]!.hits[0]!.snippet.match).toBe('本案关系');
  });

  it('finds case fields (案号, 当事人) and ranks them first', () => {
    const row = ws.views.list({})[3]!;
    const byParty = ws.search.query(row.partyName.length >= 3 ? row.partyName : row.caseNumber, { limit: 20 });
    expect(byParty.groups[0]!.caseId).toBe(row.id);
    expect(byParty.groups[0]!.hits[0]!.kind).toBe('case');
    const byNumber = ws.search.query(row.caseNumber, { limit: 20 });
    expect(byNumber.groups[0]!.caseId).toBe(row.id);
    expect(byNumber.groups[0]!.hits[0]!.field).toBe('案号');
  });

  it('several words separated by spaces find what holds them all, in any order, long or short', () => {
    const row = ws.views.list({})[2]!;
    const cause = row.cause.slice(0, 2);
    // The party's name and a word of the 案由, as a reviewer types them: one case, found on its fields.
    const both = ws.search.query(`${cause} ${row.partyName}`, { limit: 20 });
    expect(both.groups.map((g) => g.caseId)).toContain(row.id);
    expect(both.groups.find((g) => g.caseId === row.id)!.hits[0]!.kind).toBe('case');
    // Pages: every page hit holds both words; one word that is nowhere leaves nothing.
    const pages = ws.search.query('询问笔录 当事人', { limit: 50 });
    const pageHits = pages.groups.flatMap((g) => g.hits).filter((h) => h.kind === 'page');
    expect(pageHits.length).toBeGreaterThan(0);
    for (const h of pageHits) {
      const text = ws.search.pagesOf(h.sha256!)[h.page! - 1]!;
      expect(text).toContain('询问笔录');
      expect(text).toContain('当事人');
      expect(['询问笔录', '当事人']).toContain(h.snippet.match);
    }
    // Both words are given back, so the list can mark each of them, not only the one the snippet was cut around.
    expect(pages.terms).toEqual(['询问笔录', '当事人']);
    const markedBoth = pageHits.filter((h) => markSnippet(h.snippet, pages.terms).filter((p) => p.mark).length >= 2);
    expect(markedBoth.length).toBeGreaterThan(0);
    expect(ws.search.query('询问笔录 没有这个词语', { limit: 50 }).totalHits).toBe(0);
    // Quoted, the words are one phrase, space included: nothing has them side by side.
    expect(ws.search.query('“询问笔录 当事人”', { limit: 50 }).totalHits).toBe(0);
    expect(ws.search.query('“询问笔录 当事人”', { limit: 50 }).terms).toEqual(['询问笔录 当事人']);
    expect(ws.search.query('"询问笔录"', { limit: 50 }).totalHits).toBe(ws.search.query('询问笔录', { limit: 50 }).totalHits);
    // Within one case as well.
    const caseId = pages.groups[0]!.caseId;
    const inCase = ws.search.query('询问笔录 当事人', { limit: 50, caseId });
    expect(inCase.groups.map((g) => g.caseId)).toEqual([caseId]);
    expect(inCase.totalHits).toBeGreaterThan(0);
  });

  it('falls back to a bounded LIKE scan for 1–2 character queries', () => {
    const r = ws.search.query('笔录', { limit: 30 });
    expect(r.mode).toBe('like');
    expect(r.totalHits).toBeGreaterThan(0);
    expect(r.groups.flatMap((g) => g.hits).every((h) => h.snippet.match === '笔录')).toBe(true);
    const one = ws.search.query('罚', { limit: 10 });
    expect(one.mode).toBe('like');
    expect(one.totalHits).toBeGreaterThan(0);
  });

  it('restricts to one case when asked', () => {
    const id = ws.views.list({})[0]!.id;
    const r = ws.search.query('询问笔录', { caseId: id, limit: 50 });
    expect(r.groups.map((g) => g.caseId)).toEqual([id]);
  });

  it('finds every page hit of one case even when other cases fill the global top results', () => {
    // A limit of 1 makes the global top-4 pages miss most cases; the case-scoped search must not.
    const cases = ws.views.list({});
    for (const c of cases) {
      const all = ws.search.query('询问笔录', { caseId: c.id, limit: 200 }).groups.flatMap((g) => g.hits).filter((h) => h.kind === 'page');
      const scoped = ws.search.query('询问笔录', { caseId: c.id, limit: 1 });
      expect(scoped.groups.every((g) => g.caseId === c.id)).toBe(true);
      if (all.length) expect(scoped.groups[0]!.hits.some((h) => h.kind === 'page')).toBe(true);
    }
    // Short queries (LIKE) are scoped the same way.
    const id = cases[0]!.id;
    const short = ws.search.query('笔录', { caseId: id, limit: 50 });
    expect(short.mode).toBe('like');
    expect(short.groups.map((g) => g.caseId)).toEqual([id]);
    expect(short.totalHits).toBeGreaterThan(0);
  });

  it('treats FTS operators and LIKE wildcards as plain text', () => {
    expect(ws.search.query('"询问 OR 笔录"', { limit: 10 }).totalHits).toBe(0);
    expect(ws.search.query('询%录', { limit: 10 }).totalHits).toBe(0);
    expect(ws.search.query('询_', { limit: 10 }).totalHits).toBe(0);
    expect(ws.search.query('询问* NEAR', { limit: 10 }).totalHits).toBe(0);
  });

  it('rejects empty and punctuation-only queries with a clear zh-CN message', () => {
    expect(() => ws.search.query('   ', { limit: 10 })).toThrow('请输入要搜索的文字');
    expect(() => ws.search.query('，。！？……——', { limit: 10 })).toThrow(/只有标点或符号/);
    expect(() => ws.search.query('!!!', { limit: 10 })).toThrow(/只有标点或符号/);
  });
});

describe('a 案号 typed with the brackets people can type', () => {
  // 〔〕 is hard to type: [2026], (2026), （2026） and 【2026】 find the 〔2026〕 the documents print.
  const typedForms = (n: string) => [
    n.replace('〔', '[').replace('〕', ']'),
    n.replace('〔', '(').replace('〕', ')'),
    n.replace('〔', '（').replace('〕', '）'),
    n.replace('〔', '【').replace('〕', '】'),
  ];

  it('finds the case and its pages as the number typed with 〔〕 does, and marks 〔YYYY〕 in the snippets', () => {
    const row = ws.views.list({})[3]!;
    const exact = ws.search.query(row.caseNumber, { limit: 50 });
    expect(exact.totalHits).toBeGreaterThan(1);
    for (const typed of typedForms(row.caseNumber)) {
      const r = ws.search.query(typed, { limit: 50 });
      expect(r.mode, typed).toBe('fts');
      expect(r.totalHits, typed).toBe(exact.totalHits);
      expect(r.groups[0]!.caseId, typed).toBe(row.id);
      expect(r.groups[0]!.hits[0]!.field, typed).toBe('案号');
      // The words searched are the ones in the text, so the list marks the number where it stands.
      expect(r.query, typed).toBe(row.caseNumber);
      expect(r.terms, typed).toEqual([row.caseNumber]);
      for (const h of r.groups.flatMap((g) => g.hits)) {
        expect(markSnippet(h.snippet, r.terms).filter((p) => p.mark).map((p) => p.text), typed).toContain(row.caseNumber);
      }
    }
  });

  it('within one case, and with a short word beside it (the LIKE scans of case fields and pages)', () => {
    const row = ws.views.list({})[3]!;
    const tail = row.caseNumber.slice(row.caseNumber.indexOf('〔')); // 〔2026〕151号
    const short = row.caseNumber.slice(0, 2); // 马市
    const inCase = ws.search.query(`(${tail.slice(1, 5)})${tail.slice(6)}`, { limit: 50, caseId: row.id });
    expect(inCase.groups.map((g) => g.caseId)).toEqual([row.id]);
    expect(inCase.groups[0]!.hits.some((h) => h.kind === 'page')).toBe(true);
    const both = ws.search.query(`${short} [${tail.slice(1, 5)}]${tail.slice(6)}`, { limit: 50 });
    expect(both.terms).toEqual([short, tail]);
    const group = both.groups.find((g) => g.caseId === row.id)!;
    expect(group.hits[0]!.field).toBe('案号');
    expect(group.hits.some((h) => h.kind === 'page')).toBe(true);
    for (const h of group.hits) expect(markSnippet(h.snippet, both.terms).some((p) => p.mark && p.text.includes(tail))).toBe(true);
  });

  it('a bracketed year found nowhere is reported as typed', () => {
    const r = ws.search.query('[2026]没有这个案号', { limit: 10 });
    expect(r.totalHits).toBe(0);
    expect(r.query).toBe('[2026]没有这个案号');
  });
});
