// 导出原件: an item's original, checked against its hash, copied out under the export policy and
// recorded in the audit log; a changed file is never handed out, nor one over the size limit.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/main/api';
import { dispatch, type Handlers } from '../../src/main/dispatch';
import { Workstation } from '../../src/main/workstation';
import type { OriginalExport } from '../../src/shared/api/evidence';
import { buildPackage, tempDir } from '../helpers/package-builder';

let ws: Workstation;
let handlers: Handlers;
let caseId: string;
let pkg: Awaited<ReturnType<typeof buildPackage>>;

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('export-original-'), today: () => '2026-11-23' });
  handlers = buildApi(ws, 'host');
  pkg = await buildPackage(tempDir());
  caseId = pkg.manifest.case.id;
  expect((await ws.importer.importOne(pkg.dir)).ok).toBe(true);
}, 60_000);
afterAll(() => ws.close());

describe('evidence.exportOriginal', () => {
  it('gives the original bytes with the item title as the file name, and records the export', async () => {
    const r = await dispatch(handlers, 'evidence.exportOriginal', { caseId, itemId: 'e1' });
    expect(r.ok).toBe(true);
    const file = (r as { value: OriginalExport }).value;
    expect(file.fileName).toBe('进货单据.pdf');
    expect(Buffer.from(file.base64, 'base64').equals(readFileSync(join(pkg.dir, pkg.manifest.evidence[0]!.file.path)))).toBe(true);
    expect(ws.audit.log.forSubject(caseId).find((e) => e.action === 'export.original')).toMatchObject({ detail: { itemId: 'e1', sha256: file.sha256 } });
  });

  it('asks for the approval the policy requires, like every export', async () => {
    ws.audit.policy.set({ exportRequiresApproval: true });
    try {
      expect(await dispatch(handlers, 'evidence.exportOriginal', { caseId, itemId: 'e1' })).toMatchObject({ ok: false, error: { code: 'approval_required' } });
      // The waiting export names the file it was for.
      expect(ws.audit.log.forSubject(caseId).find((e) => e.detail.outcome === 'awaiting_approval')).toMatchObject({ action: 'export.original', detail: { itemId: 'e1' } });
      expect(await dispatch(handlers, 'evidence.exportOriginal', { caseId, itemId: 'e1', approval: { reference: '测市监批〔2026〕3号', approver: '李局长' } })).toMatchObject({ ok: true });
    } finally {
      ws.audit.policy.set({ exportRequiresApproval: false });
    }
  });

  it('refuses a file changed on disk, and an unknown item', async () => {
    const sha = pkg.manifest.documents[0]!.file.sha256;
    const path = join(ws.dataDir, 'blobs', sha.slice(0, 2), sha.slice(2));
    const bytes = readFileSync(path);
    bytes[Math.floor(bytes.length / 2)]! ^= 1;
    writeFileSync(path, bytes);
    expect(await dispatch(handlers, 'evidence.exportOriginal', { caseId, itemId: 'd1' })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('不能作为原件导出') } });
    expect(await dispatch(handlers, 'evidence.exportOriginal', { caseId, itemId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
