// Highlights and notes persist in SQLite, anchored by page + quote + rects, linked to review
// points, and survive re-import of the same case file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/main/api';
import { dispatch } from '../../src/main/dispatch';
import { Workstation } from '../../src/main/workstation';
import { buildPackage, tempDir, type BuiltPackage } from '../helpers/package-builder';
import type { Annotation } from '../../src/shared/api/evidence';

let ws: Workstation;
let pkg: BuiltPackage;
const call = async (name: string, input: unknown) => dispatch(buildApi(ws, 'host'), name, input);

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('ann-'), today: () => '2026-11-23' });
  pkg = await buildPackage(tempDir());
  await ws.importer.importOne(pkg.dir);
});
afterAll(() => ws.close());

const anchor = { type: 'text', page: 1, quote: { exact: 'Notice', prefix: '', suffix: ' /tmp' }, rects: [{ x: 72, y: 60, width: 40, height: 14 }] };

describe('annotations', () => {
  it('creates a highlight linked to P4, lists it, updates and deletes it', async () => {
    const created = await call('annotations.create', { caseId: pkg.manifest.case.id, itemId: 'd1', kind: 'highlight', anchor, note: '告知书未载明听证权利', reviewPoint: 'P4' });
    expect(created.ok).toBe(true);
    const a = (created as { value: Annotation }).value;
    expect(a).toMatchObject({ itemId: 'd1', sha256: pkg.manifest.documents[0]!.file.sha256, reviewPoint: 'P4', anchor: { page: 1 } });
    const listed = (await call('annotations.list', { caseId: pkg.manifest.case.id })) as { ok: true; value: Annotation[] };
    expect(listed.value.map((x) => x.id)).toEqual([a.id]);
    const upd = (await call('annotations.update', { id: a.id, reviewPoint: 'P3', note: '改为程序问题' })) as { ok: true; value: Annotation };
    expect(upd.value).toMatchObject({ reviewPoint: 'P3', note: '改为程序问题' });
    expect(await call('annotations.delete', { id: a.id })).toMatchObject({ ok: true });
    expect(await call('annotations.delete', { id: a.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keeps a media note at a time position and a redaction mark', async () => {
    const t = await call('annotations.create', { caseId: pkg.manifest.case.id, itemId: 'e1', kind: 'note', anchor: { type: 'time', seconds: 12.5 }, note: '当事人承认销售' });
    expect(t).toMatchObject({ ok: true, value: { anchor: { type: 'time', seconds: 12.5 } } });
    const r = await call('annotations.create', { caseId: pkg.manifest.case.id, itemId: 'd1', kind: 'redaction', anchor: { type: 'area', page: 1, rects: [{ x: 1, y: 2, width: 3, height: 4 }] }, redactionReason: 'personal' });
    expect(r).toMatchObject({ ok: true, value: { kind: 'redaction', redactionReason: 'personal' } });
  });

  it('rejects bad anchors and unknown items with clear errors, storing nothing', async () => {
    const before = ((await call('annotations.list', { caseId: pkg.manifest.case.id })) as { value: Annotation[] }).value.length;
    expect(await call('annotations.create', { caseId: pkg.manifest.case.id, itemId: 'd1', kind: 'highlight', anchor: { type: 'text', page: 0, quote: { exact: '' }, rects: [] } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('annotations.create', { caseId: pkg.manifest.case.id, itemId: 'nope', kind: 'highlight', anchor })).toMatchObject({ ok: false, error: { code: 'not_found', message: '案件中没有该文书或证据：nope' } });
    expect(await call('annotations.create', { caseId: pkg.manifest.case.id, itemId: 'd1', kind: 'highlight', anchor, reviewPoint: 'P11' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(((await call('annotations.list', { caseId: pkg.manifest.case.id })) as { value: Annotation[] }).value.length).toBe(before);
  });

  it('survive re-import of the same case file and a restart', async () => {
    await call('annotations.create', { caseId: pkg.manifest.case.id, itemId: 'd1', kind: 'highlight', anchor, note: '保留', reviewPoint: 'P4' });
    expect(await ws.importer.importOne(pkg.dir)).toMatchObject({ ok: true, action: 'unchanged' });
    const dir = ws.dataDir;
    ws.close();
    ws = new Workstation({ dataDir: dir, today: () => '2026-11-23' });
    const listed = ((await call('annotations.list', { caseId: pkg.manifest.case.id, itemId: 'd1' })) as { value: Annotation[] }).value;
    expect(listed.find((a) => a.note === '保留')).toMatchObject({ reviewPoint: 'P4', anchor: { type: 'text', page: 1, quote: { exact: 'Notice' } } });
  });
});
