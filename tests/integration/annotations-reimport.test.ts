// Annotations made on an older version of a re-imported file are flagged in the 标注 list:
// 原文件已更新 (re-anchored by quote) or 未能在新版本中找到原文 — and marks on the current file are not.
import { writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/main/api';
import { dispatch } from '../../src/main/dispatch';
import { openPackage } from '../../src/main/services/package-source';
import { Workstation } from '../../src/main/workstation';
import type { Annotation } from '../../src/shared/api/evidence';
import { buildPackage, tempDir, type BuiltPackage } from '../helpers/package-builder';

let ws: Workstation;
let pkg: BuiltPackage;
async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(buildApi(ws, 'host'), name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

async function pdfWith(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((l, i) => page.drawText(l, { x: 72, y: 760 - i * 20, size: 12, font }));
  return doc.save();
}

const rect = [{ x: 72, y: 60, width: 40, height: 14 }];
const textAnchor = (exact: string) => ({ type: 'text', page: 1, quote: { exact, prefix: '', suffix: '' }, rects: rect });

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('ann-reimport-'), today: () => '2026-11-23' });
  pkg = await buildPackage(tempDir());
  const bytes = await pdfWith(['Hearing rights were notified', 'Fine of 5000 yuan']);
  writeFileSync(join(pkg.dir, 'documents/notice.pdf'), bytes);
  pkg.manifest.documents[0]!.file = { ...pkg.manifest.documents[0]!.file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  pkg.write();
  expect((await ws.importer.importOne(pkg.dir)).ok).toBe(true);
}, 60_000);
afterAll(() => ws.close());

describe('annotations on a re-imported file', () => {
  it('are flagged with whether their quote is still on the page, and fresh marks are not', async () => {
    const caseId = pkg.manifest.case.id;
    const kept = await call<Annotation>('annotations.create', { caseId, itemId: 'd1', kind: 'highlight', anchor: textAnchor('Hearing  rights'), note: '听证权利已告知' });
    const gone = await call<Annotation>('annotations.create', { caseId, itemId: 'd1', kind: 'note', anchor: textAnchor('5000 yuan'), note: '罚款金额' });
    const area = await call<Annotation>('annotations.create', { caseId, itemId: 'd1', kind: 'redaction', anchor: { type: 'area', page: 1, rects: rect }, redactionReason: 'personal' });
    const other = await call<Annotation>('annotations.create', { caseId, itemId: 'e1', kind: 'highlight', anchor: textAnchor('Evidence') });
    // Before any re-import nothing is flagged.
    expect((await call<Annotation[]>('annotations.list', { caseId })).every((a) => a.fileUpdated === undefined)).toBe(true);

    // Revision 2 replaces the notice: the hearing sentence stays (case and spacing differ), the fine changed.
    const bytes = await pdfWith(['HEARING RIGHTS were notified', 'Fine of 3000 yuan']);
    writeFileSync(join(pkg.dir, 'documents/notice.pdf'), bytes);
    pkg.manifest.case.revision = 2;
    pkg.manifest.documents[0]!.file = { ...pkg.manifest.documents[0]!.file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    pkg.write();
    // As a revision received from the central system (which opens a new round whatever the status).
    const src = await openPackage(pkg.dir);
    try {
      expect(await ws.importer.importSource(src, { fromCentral: true })).toMatchObject({ ok: true });
    } finally {
      src.close();
    }
    await ws.processor.processPending();

    const byId = new Map((await call<Annotation[]>('annotations.list', { caseId })).map((a) => [a.id, a]));
    expect(byId.get(kept.id)!.fileUpdated).toEqual({ quote: 'found' });
    expect(byId.get(gone.id)!.fileUpdated).toEqual({ quote: 'not_found' });
    expect(byId.get(area.id)!.fileUpdated).toEqual({ quote: null });
    expect(byId.get(other.id)!.fileUpdated).toBeUndefined();
    // Nothing about the marks themselves changed.
    expect(byId.get(gone.id)).toMatchObject({ note: '罚款金额', sha256: gone.sha256, anchor: gone.anchor });

    // Editing keeps the flag; a new mark on the new version has none.
    const edited = await call<Annotation>('annotations.update', { id: gone.id, note: '金额已改为 3000 元，需核对' });
    expect(edited.fileUpdated).toEqual({ quote: 'not_found' });
    const fresh = await call<Annotation>('annotations.create', { caseId, itemId: 'd1', kind: 'highlight', anchor: textAnchor('3000 yuan') });
    expect(fresh.fileUpdated).toBeUndefined();
    expect((await call<Annotation[]>('annotations.list', { caseId, itemId: 'd1' })).find((a) => a.id === fresh.id)!.fileUpdated).toBeUndefined();
  });
});
