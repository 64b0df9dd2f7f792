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
  // 2: the first occurrence is broken by a line break in the extracted text.
  '拟作出行政\n处罚决定如下。……最终作出行政处罚决定并送达。',
  // 3: upper case first, the exact lower case second.
  'ABC公司提交了材料；abc公司未到场。',
  // 4: only one occurrence.
  '本页只提到一次询问笔录。',
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

      const broken = pageHit('行政处罚决定', 2, scoped);
      expect(broken.snippet.before).toContain('最终作出');
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

  it('is null for case-field hits', () => {
    const r = ws.search.query(ws.views.get(caseId)!.caseNumber, { limit: 10 });
    const caseHit = r.groups.flatMap((g) => g.hits).find((h) => h.kind === 'case')!;
    expect(caseHit.occurrence).toBeNull();
  });
});
