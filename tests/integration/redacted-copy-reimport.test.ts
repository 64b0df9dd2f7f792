// 导出公示版 after the file was re-imported: the redaction marks' stored rectangles belong to the old
// pages. Text marks are removed where their quote now is (another page included) and a quote that
// is gone is reported; an area mark cannot be located, so the copy is refused until it is redrawn.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workstation } from '../../src/main/workstation';
import type { Anchor } from '../../src/shared/api/evidence';
import { buildPackage, setNoticeText, tempDir, type BuiltPackage } from '../helpers/package-builder';
import { reimportFromCentral } from '../helpers/reimport';
import { caller, ok, type Call } from '../helpers/meeting-fixture';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

let ws: Workstation;
let call: Call;
let pkg: BuiltPackage;

// Where the marks were drawn on version 1 (top-left, scale 1): the first line of page 1.
const rect = [{ x: 72, y: 70, width: 120, height: 14 }];
const textAnchor = (exact: string, page = 1): Anchor => ({ type: 'text', page, quote: { exact, prefix: '', suffix: '' }, rects: rect });

async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/', verbosity: 0 });
  const doc = await task.promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) out.push((await (await doc.getPage(n)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' '));
  await task.destroy();
  return out;
}

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('redact-reimport-'), today: () => '2026-11-23' });
  call = caller(ws);
  pkg = await buildPackage(tempDir());
  await setNoticeText(pkg, [
    ['Buyer Zhang Wei paid 8800 yuan', 760],
    ['Fine of 5000 yuan', 740],
    ['Seller kept the receipt', 720],
  ]);
  expect((await ws.importer.importOne(pkg.dir)).ok).toBe(true);
}, 60_000);
afterAll(() => ws.close());

describe('publication copy of a re-imported file', () => {
  it('removes text marks where their quote now is, reports quotes that are gone, and refuses stale area marks', async () => {
    const caseId = pkg.manifest.case.id;
    const create = (kind: 'redaction', anchor: Anchor) => ok(call, 'annotations.create', { caseId, itemId: 'd1', kind, anchor, redactionReason: 'trade_secret' });
    await create('redaction', textAnchor('Zhang Wei paid 8800'));
    await create('redaction', textAnchor('5000 yuan'));
    const area = await create('redaction', { type: 'area', page: 1, rects: [{ x: 300, y: 300, width: 100, height: 60 }] });

    // Revision 2: a cover page is inserted, the purchase line moves to page 2 (lower down, other
    // case), the fine changed; page 3 repeats the buyer's name without the marked words around it.
    pkg.manifest.case.revision = 2;
    await setNoticeText(pkg, [
      ['Cover page', 760],
      ['Seller kept the receipt', 760, 2],
      ['Buyer ZHANG WEI  paid 8800 yuan', 600, 2],
      ['Fine of 3000 yuan', 580, 2],
      ['Zhang Wei paid 8800 yuan in cash', 700, 3],
    ]);
    await reimportFromCentral(ws, pkg.dir);
    const derivedBefore = ws.store.sqlite.prepare('select count(*) as n from blob').get() as { n: number };

    // The area mark has nothing to locate it by in the new version: refused, nothing stored.
    const refused = await call('evidence.exportRedacted', { caseId, itemId: 'd1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('第 1 页有 1 处遮盖标记是在旧版本上框选的') } });
    expect(ws.store.sqlite.prepare('select count(*) as n from blob').get()).toEqual(derivedBefore);

    await ok(call, 'annotations.delete', { id: area.id });
    const copy = await ok(call, 'evidence.exportRedacted', { caseId, itemId: 'd1' });
    expect(copy.reanchored).toEqual([
      { text: 'Zhang Wei paid 8800', from: 1, to: 2 },
      { text: '5000 yuan', from: 1, to: null },
    ]);
    // Only page 2 (where the quote is now) was rebuilt; the old rectangle on page 1 removed nothing.
    expect(copy.pagesRasterized).toEqual([2]);
    const texts = await pageTexts(await ws.blobs.read(copy.sha256));
    expect(texts[0]).toContain('Cover page');
    expect(texts[1]).toContain('Seller kept the receipt');
    expect(texts[1]).toContain('Fine of 3000 yuan');
    expect(texts[1]).not.toMatch(/ZHANG|8800/i);
    expect(texts[1]).toContain('Buyer');
    // Page 3 still shows it: the copy says so, as it does for any unmarked occurrence.
    expect(texts[2]).toContain('Zhang Wei paid 8800');
    expect(copy.remainingOccurrences).toEqual([{ page: 3, text: 'ZhangWeipaid8800' }]);
  }, 60_000);

  it('refuses when no marked text is left in the new version', async () => {
    const caseId = pkg.manifest.case.id;
    for (const a of await ok(call, 'annotations.list', { caseId, itemId: 'd1' })) if (a.anchor.type === 'text' && a.anchor.quote.exact !== '5000 yuan') await ok(call, 'annotations.delete', { id: a.id });
    const r = await call('evidence.exportRedacted', { caseId, itemId: 'd1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('原文在新版本中都未找到') } });
  });
});
