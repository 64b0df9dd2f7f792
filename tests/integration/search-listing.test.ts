// What a phrase on more pages than the list shows gives back: groups listed until they hold
// `limit` hits, each with all of its pages found (also those ranked far down), every listed page
// with its own snippet and occurrence — the text is read and cut for listed pages only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workstation } from '../../src/main/workstation';
import { occurrenceIndex } from '../../src/shared/text/fold';
import { buildPackage, tempDir, type BuiltPackage } from '../helpers/package-builder';

const PHRASE = '抽样检验';
const FILLER = '执法人员对当事人经营场所进行了现场检查，查看了进货台账和销售记录，并制作了现场笔录。'.repeat(6);
// Best ranked: short, the phrase twice.
const STRONG = `${PHRASE}报告：${PHRASE}结论合格。`;
// Ranked last: long, and the phrase once written with a space (the same once folded) before the exact one.
const weak = (n: number) => `第${n}页。${FILLER}抽 样检验的通知，${FILLER}${PHRASE}结果已送达当事人。`;
const medium = (n: number) => `第${n}页记录：本次${PHRASE}由检验机构完成。`;

let ws: Workstation;
const pkgs: BuiltPackage[] = [];

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('search-list-'), today: () => '2026-11-23' });
  for (let i = 0; i < 3; i++) {
    const p = await buildPackage(tempDir());
    expect((await ws.importer.importOne(p.dir)).ok).toBe(true);
    pkgs.push(p);
  }
  const [a, b, c] = pkgs.map((p) => p.manifest);
  ws.search.indexPages(a!.documents[0]!.file.sha256, [STRONG, weak(2), weak(3), weak(4)]);
  ws.search.indexPages(b!.documents[0]!.file.sha256, [1, 2, 3, 4, 5, 6].map(medium));
  ws.search.indexPages(c!.evidence[0]!.file.sha256, [1, 2, 3, 4, 5, 6].map(medium));
}, 60_000);
afterAll(() => ws.close());

describe('a phrase on more pages than the list shows', () => {
  it('lists whole groups until the limit, counts every hit found, and cuts a snippet for each listed page', () => {
    const r = ws.search.query(PHRASE, { limit: 5 });
    const [a, b, c] = pkgs.map((p) => p.manifest.case.id);
    // The strongest page's case first, with its weak pages ranked below all of B's and C's; then
    // one more group reaches 5 hits, and the third is counted but not listed.
    expect(r.groups.map((g) => g.caseId)).toEqual([a, expect.any(String)]);
    expect([b, c]).toContain(r.groups[1]!.caseId);
    expect(r.totalHits).toBe(4 + 6 + 6);
    expect(r.truncated).toBe(true);
    const first = r.groups[0]!;
    expect(first.totalHits).toBe(4);
    expect(first.hits.map((h) => h.page)).toEqual([1, expect.any(Number), expect.any(Number), expect.any(Number)]);
    for (const g of r.groups) {
      const sha = g.hits[0]!.sha256!;
      const pages = ws.search.pagesOf(sha);
      for (const h of g.hits) {
        expect(h.kind).toBe('page');
        expect(Object.keys(h)).not.toContain('rank');
        const text = pages[h.page! - 1]!;
        const at = text.indexOf(PHRASE);
        expect(h.snippet.match).toBe(PHRASE);
        expect(text.slice(0, at).endsWith(h.snippet.before.replace(/^…/, ''))).toBe(true);
        expect(text.slice(at + PHRASE.length).startsWith(h.snippet.after.replace(/…$/, ''))).toBe(true);
        expect(h.occurrence).toBe(occurrenceIndex(text, PHRASE, at));
      }
    }
    // The weak pages' exact phrase is the second one once folded.
    expect(first.hits.slice(1).map((h) => h.occurrence)).toEqual([1, 1, 1]);
  });

  it('a case-field hit is listed first, as a hit without its internal rank', () => {
    const a = pkgs[0]!.manifest.case;
    const r = ws.search.query(a.caseNumber, { limit: 5 });
    expect(r.groups[0]!.caseId).toBe(a.id);
    expect(r.groups[0]!.hits[0]!.kind).toBe('case');
    expect(Object.keys(r.groups[0]!.hits[0]!)).not.toContain('rank');
  });
});
