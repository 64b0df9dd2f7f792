// Annotations made on an older version of a re-imported file are flagged in the 标注 list:
// 原文件已更新 (re-anchored by quote) or 未能在新版本中找到原文 — and marks on the current file are not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPackage } from '../../src/main/services/package-source';
import { Workstation } from '../../src/main/workstation';
import type { Anchor } from '../../src/shared/api/evidence';
import { buildPackage, setNoticeText, tempDir, type BuiltPackage } from '../helpers/package-builder';
import { caller, ok, type Call } from '../helpers/meeting-fixture';

let ws: Workstation;
let call: Call;
let pkg: BuiltPackage;

const rect = [{ x: 72, y: 60, width: 40, height: 14 }];
const textAnchor = (exact: string): Anchor => ({ type: 'text', page: 1, quote: { exact, prefix: '', suffix: '' }, rects: rect });

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('ann-reimport-'), today: () => '2026-11-23' });
  call = caller(ws);
  pkg = await buildPackage(tempDir());
  await setNoticeText(
    pkg,
    [
      ['Hearing rights were notified', 760],
      ['Fine of 5000 yuan', 740],
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
    // Before any re-import nothing is flagged.
    expect((await ok(call, 'annotations.list', { caseId })).every((a) => a.fileUpdated === undefined)).toBe(true);

    // Revision 2 replaces the notice: the hearing sentence stays (case and spacing differ), the fine changed.
    pkg.manifest.case.revision = 2;
    await setNoticeText(
      pkg,
      [
        ['HEARING RIGHTS were notified', 760],
        ['Fine of 3000 yuan', 740],
      ],
      12,
    );
    // As a revision received from the central system (which opens a new round whatever the status).
    const src = await openPackage(pkg.dir);
    try {
      expect(await ws.importer.importSource(src, { fromCentral: true })).toMatchObject({ ok: true });
    } finally {
      src.close();
    }
    await ws.processor.processPending();

    const byId = new Map((await ok(call, 'annotations.list', { caseId })).map((a) => [a.id, a]));
    expect(byId.get(kept.id)!.fileUpdated).toEqual({ quote: 'found' });
    expect(byId.get(gone.id)!.fileUpdated).toEqual({ quote: 'not_found' });
    expect(byId.get(area.id)!.fileUpdated).toEqual({ quote: null });
    expect(byId.get(other.id)!.fileUpdated).toBeUndefined();
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
