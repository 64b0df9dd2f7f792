// Search hits say which occurrence on the page their snippet shows (counted in folded text, as the
// PDF viewer counts), so opening a hit marks that occurrence and not the page's first one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workstation } from '../../src/main/workstation';
import type { SearchHit } from '../../src/shared/api/evidence';
import { buildPackage, tempDir } from '../helpers/package-builder';

let ws: Workstation;
let caseId: string;

const PAGES = [
  // 1: the exact text comes second; the first is full-width (the same once folded).
  '处罚依据：罚款５０００元整。经复核，决定罚款5000元整，当事人无异议。',
  // 2: Chinese wrapped across lines: the break is joined when indexed, so the first one is found.
  '拟作出行政\n处罚决定如下。……最终作出行政处罚决定并送达。',
  // 3: upper case first, the exact lower case second.
  'ABC公司提交了材料；abc公司未到场。',
  // 4: only one occurrence.
  '本页只提到一次询问笔录。',
  // 5: a break between Latin text stays: the first occurrence is broken, the exact one second.
  'Invoice No.\nABC-1077 was paid; later Invoice No.ABC-1077 again.',
  // 6: full-width punctuation as Chinese documents have it.
  '执法人员汪一鸣（执法证号：34050012）询问时间：2026年11月3日',
];

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('search-occ-'), today: () => '2026-11-23' });
  const p = await buildPackage(tempDir());
  expect((await ws.importer.importOne(p.dir)).ok).toBe(true);
  caseId = p.manifest.case.id;
  ws.search.indexPages(p.manifest.documents[0]!.file.sha256, PAGES);
}, 60_000);
afterAll(() => ws.close());

function pageHit(text: string, page: number, scoped: boolean): SearchHit {
  const r = ws.search.query(text, { limit: 50, ...(scoped ? { caseId } : {}) });
  const hit = r.groups.flatMap((g) => g.hits).find((h) => h.kind === 'page' && h.page === page);
  if (!hit) throw new Error(`no hit for ${text} on page ${page}`);
  return hit;
}

describe('the occurrence of a page hit', () => {
  for (const scoped of [false, true]) {
    const how = scoped ? 'within a case' : 'across all cases';
    it(`counts folded occurrences before the exact match (${how})`, () => {
      const fine = pageHit('罚款5000元', 1, scoped);
      expect(fine.snippet.match).toBe('罚款5000元');
      expect(fine.snippet.before).toContain('决定');
      expect(fine.occurrence).toBe(1);

      const wrapped = pageHit('行政处罚决定', 2, scoped);
      expect(wrapped.snippet.before).toContain('拟作出');
      expect(wrapped.occurrence).toBe(0);

      const broken = pageHit('No.ABC-1077', 5, scoped);
      expect(broken.snippet.before).toContain('later Invoice');
      expect(broken.occurrence).toBe(1);

      expect(pageHit('abc公司', 3, scoped).occurrence).toBe(1);
      expect(pageHit('ABC公司', 3, scoped).occurrence).toBe(0);
      expect(pageHit('询问笔录', 4, scoped).occurrence).toBe(0);
    });
  }

  it('is counted for short (LIKE) queries too', () => {
    const hit = pageHit('决定', 2, true);
    // The first exact 决定 is in 行政\n处罚决定 — the first occurrence in folded text too.
    expect(hit.occurrence).toBe(0);
    expect(pageHit('公司', 3, false).occurrence).toBe(0);
  });

  it('a store indexed before lines were joined is joined once, and the wrapped phrase is then found', () => {
    const sqlite = ws.store.sqlite;
    const row = sqlite.prepare("select rowid, text from page_text where text like '%如下%'").get() as { rowid: number; text: string };
    const raw = '拟作出行政\n处罚决定如下。当事人对罚款决\n定无异议。';
    sqlite.prepare("insert into page_fts (page_fts, rowid, text) values ('delete', ?, ?)").run(row.rowid, row.text);
    sqlite.prepare('update page_text set text = ? where rowid = ?').run(raw, row.rowid);
    sqlite.prepare('insert into page_fts (rowid, text) values (?, ?)').run(row.rowid, raw);
    expect(ws.search.query('罚款决定', { limit: 10 }).groups).toEqual([]);
    expect(ws.search.rejoinStoredLines()).toBe(1);
    expect(pageHit('罚款决定', 2, false).snippet.match).toBe('罚款决定');
  });

  it('a sentence copied with its full-width punctuation is found; ASCII punctuation and full-width digits find it too', () => {
    expect(pageHit('汪一鸣（执法证号：', 6, false).snippet.match).toBe('汪一鸣（执法证号：');
    expect(pageHit('汪一鸣(执法证号:', 6, false).snippet.match).toBe('汪一鸣（执法证号：');
    expect(pageHit('３４０５００１２', 6, true).snippet.match).toBe('34050012');
  });

  it('is null for case-field hits', () => {
    const r = ws.search.query(ws.views.get(caseId)!.caseNumber, { limit: 10 });
    const caseHit = r.groups.flatMap((g) => g.hits).find((h) => h.kind === 'case')!;
    expect(caseHit.occurrence).toBeNull();
  });
});
