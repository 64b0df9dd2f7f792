// Annotations made on an older version of a re-imported file are flagged in the 标注 list:
// 原文件已更新 (re-anchored by quote, on its page or the nearest page it moved to) or
// 未能在新版本中找到原文 — and marks on the current file are not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workstation } from '../../src/main/workstation';
import type { Anchor } from '../../src/shared/api/evidence';
import { buildPackage, setNoticeText, tempDir, type BuiltPackage } from '../helpers/package-builder';
import { reimportFromCentral } from '../helpers/reimport';
import { caller, ok, type Call } from '../helpers/meeting-fixture';

let ws: Workstation;
let call: Call;
let pkg: BuiltPackage;

const rect = [{ x: 72, y: 60, width: 40, height: 14 }];
const textAnchor = (exact: string, page = 1): Anchor => ({ type: 'text', page, quote: { exact, prefix: '', suffix: '' }, rects: rect });

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('ann-reimport-'), today: () => '2026-11-23' });
  call = caller(ws);
  pkg = await buildPackage(tempDir());
  await setNoticeText(
    pkg,
    [
      ['Hearing rights were notified', 760],
      ['Fine of 5000 yuan', 740],
      ['Goods seized on site', 720],
      ['Seized goods returned', 760, 2],
    ],
    12,
  );
  expect((await ws.importer.importOne(pkg.dir)).ok).toBe(true);
}, 60_000);
afterAll(() => ws.close());

describe('annotations on a re-imported file', () => {
  it('are flagged with whether their quote is still on the page, and fresh marks are not', async () => {
    const caseId = pkg.manifest.case.id;
    const kept = await ok(call, 'annotations.create', { caseId, itemId: 'd1', kind: 'highlight', anchor: textAnchor('Hearing  rights'), note: '听证权利已告知' });
    const gone = await ok(call, 'annotations.create', { caseId, itemId: 'd1', kind: 'note', anchor: textAnchor('5000 yuan'), note: '罚款金额' });
    const area = await ok(call, 'annotations.create', { caseId, itemId: 'd1', kind: 'redaction', anchor: { type: 'area', page: 1, rects: rect }, redactionReason: 'personal' });
    const other = await ok(call, 'annotations.create', { caseId, itemId: 'e1', kind: 'highlight', anchor: textAnchor('Evidence') });
    // Moves from page 1 to page 3 (a page inserted before it); page 5 mentions it too, the nearer page wins.
    const moved = await ok(call, 'annotations.create', { caseId, itemId: 'd1', kind: 'highlight', anchor: textAnchor('Goods seized'), note: '扣押物品' });
    const onTwo = await ok(call, 'annotations.create', { caseId, itemId: 'd1', kind: 'note', anchor: textAnchor('goods returned', 2) });
    // Before any re-import nothing is flagged.
    expect((await ok(call, 'annotations.list', { caseId })).every((a) => a.fileUpdated === undefined)).toBe(true);

    // Revision 2 replaces the notice: the hearing sentence stays (case and spacing differ), the fine changed.
    pkg.manifest.case.revision = 2;
    await setNoticeText(
      pkg,
      [
        ['HEARING RIGHTS were notified', 760],
        ['Fine of 3000 yuan', 740],
        ['Inserted page', 760, 2],
        ['Goods  SEIZED on site', 760, 3],
        ['Seized goods returned', 740, 3],
        ['Goods seized, see page 3', 700, 5],
      ],
      12,
    );
    await reimportFromCentral(ws, pkg.dir);

    const byId = new Map((await ok(call, 'annotations.list', { caseId })).map((a) => [a.id, a]));
    expect(byId.get(kept.id)!.fileUpdated).toEqual({ quote: 'found' });
    expect(byId.get(gone.id)!.fileUpdated).toEqual({ quote: 'not_found' });
    expect(byId.get(area.id)!.fileUpdated).toEqual({ quote: null });
    expect(byId.get(other.id)!.fileUpdated).toBeUndefined();
    // Moved: found on the nearest page that has the quote (3, not 5), and said where.
    expect(byId.get(moved.id)!.fileUpdated).toEqual({ quote: 'found', page: 3 });
    expect(byId.get(onTwo.id)!.fileUpdated).toEqual({ quote: 'found', page: 3 });
    expect(byId.get(moved.id)!.anchor).toEqual(moved.anchor);
    // Nothing about the marks themselves changed.
    expect(byId.get(gone.id)).toMatchObject({ note: '罚款金额', sha256: gone.sha256, anchor: gone.anchor });

    // Editing keeps the flag; a new mark on the new version has none.
    const edited = await ok(call, 'annotations.update', { id: gone.id, note: '金额已改为 3000 元，需核对' });
    expect(edited.fileUpdated).toEqual({ quote: 'not_found' });
    const fresh = await ok(call, 'annotations.create', { caseId, itemId: 'd1', kind: 'highlight', anchor: textAnchor('3000 yuan') });
    expect(fresh.fileUpdated).toBeUndefined();
    expect((await ok(call, 'annotations.list', { caseId, itemId: 'd1' })).find((a) => a.id === fresh.id)!.fileUpdated).toBeUndefined();
  });
});
