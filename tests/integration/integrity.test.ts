// Integrity: verify on import, re-verify on demand (完好 / 已篡改 / 缺失), never silently repaired.
import { openSync, readSync, rmSync, writeSync, closeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Workstation } from '../../src/main/workstation';
import { buildPackage, tempDir } from '../helpers/package-builder';

const open: Workstation[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

async function withCase() {
  const ws = new Workstation({ dataDir: tempDir('integrity-'), today: () => '2026-11-23' });
  open.push(ws);
  const p = await buildPackage(tempDir());
  expect((await ws.importer.importOne(p.dir)).ok).toBe(true);
  return { ws, caseId: p.manifest.case.id, doc: { id: 'd1', sha256: p.manifest.documents[0]!.file.sha256 }, ev: { id: 'e1', sha256: p.manifest.evidence[0]!.file.sha256 } };
}

function flipByte(path: string, at: number): void {
  const fd = openSync(path, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, at);
  b[0] = b[0]! ^ 0x01;
  writeSync(fd, b, 0, 1, at);
  closeSync(fd);
}

describe('integrity', () => {
  it('reports every file 完好 after import', async () => {
    const { ws, caseId } = await withCase();
    const r = (await ws.integrity.verifyCase(caseId))!;
    expect(r.summary).toEqual({ ok: 2, tampered: 0, missing: 0, unchecked: 0 });
    expect(r.cancelled).toBe(false);
  });

  it('detects one flipped byte as 已篡改 and a deleted file as 缺失', async () => {
    const { ws, caseId, doc, ev } = await withCase();
    flipByte(ws.blobs.pathOf(doc.sha256), 40);
    rmSync(ws.blobs.pathOf(ev.sha256));
    const r = (await ws.integrity.verifyCase(caseId))!;
    expect(r.items.find((i) => i.itemId === doc.id)!.state).toBe('tampered');
    expect(r.items.find((i) => i.itemId === ev.id)!.state).toBe('missing');
    expect(r.summary).toEqual({ ok: 0, tampered: 1, missing: 1, unchecked: 0 });
    // The case view shows it too, and the case is no longer available offline.
    const view = ws.views.get(caseId)!;
    expect(view.documents[0]!.file.state).toBe('tampered');
    expect(view.evidence[0]!.file.state).toBe('missing');
    expect(view.queue.offline).toBe(false);
    // Not silently repaired: still tampered on the next check.
    expect(await ws.integrity.check(doc.sha256, true)).toBe('tampered');
  });

  it('checks a file when it is opened, re-hashing after it changes on disk', async () => {
    const { ws, doc } = await withCase();
    expect(await ws.integrity.check(doc.sha256)).toBe('ok');
    flipByte(ws.blobs.pathOf(doc.sha256), 10);
    expect(await ws.integrity.check(doc.sha256)).toBe('tampered');
  });
});
