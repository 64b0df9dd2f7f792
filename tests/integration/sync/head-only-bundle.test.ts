// An offline bundle with nothing queued: it carries only the audit chain head, so a county office
// with nothing to submit still reports its audit trail by USB. The real central server (PGlite)
// imports it, records the head (exactly once: a second import is 'repeated'), and refuses a bundle
// with neither submissions nor head.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOutboxBundle } from '../../../src/main/services/sync/bundle';
import { describeAuditDetail } from '../../../src/shared/audit/describe';
import { enrol, type Signer } from '../../helpers/server-fixtures';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { tempDir } from '../../helpers/package-builder';
import { httpTransport, newDataDir, workstation } from './fixtures';

let central: CentralUnderTest;
let alice: Client;
let signer: Signer;

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
  signer = await enrol(alice, 'alice');
}, 60_000);
afterAll(() => central?.close());

const keysOf = (s: Signer) => ({ active: () => ({ keyId: s.keyId }), unlock: async () => s.key });
type Overview = { device: string; seq: number | null; hash: string | null; user: string }[];
const overview = async () => ((await central.admin.get('/v1/admin/audit/heads')).json as { devices: Overview }).devices;

describe('a bundle with an empty outbox', () => {
  it('carries only the audit head; the import records it once; a repeat is answered as repeated', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      for (let i = 0; i < 3; i++) w.audit.log.append({ action: 'case.open', subject: `case-${i}`, detail: {} });
      expect(w.sync.state.queued()).toHaveLength(0);
      const file = join(tempDir(), 'head-only.fashen-bundle.json');
      const out = await exportOutboxBundle({ sync: w.sync, opinions: { keys: keysOf(signer) }, audit: w.audit }, file, undefined, 'plain');
      expect(out).toMatchObject({ count: 0, auditHeadSeq: 3 });
      const bundle = JSON.parse(readFileSync(file, 'utf8'));
      expect(bundle.submissions).toEqual([]);
      expect(bundle.auditHead).toMatchObject({ device: w.audit.log.device(), seq: 3, hash: w.audit.head().hash });

      const r = await central.admin.post('/v1/admin/bundles', bundle);
      expect(r.status, r.body.toString()).toBe(200);
      expect(r.json).toMatchObject({ signer: 'alice', results: [], auditHead: { status: 'accepted', device: w.audit.log.device(), seq: 3 } });
      expect((await overview()).find((d) => d.device === w.audit.log.device())).toMatchObject({ seq: 3, hash: w.audit.head().hash, user: 'alice' });

      const again = await central.admin.post('/v1/admin/bundles', bundle);
      expect(again.status).toBe(200);
      expect(again.json.auditHead).toMatchObject({ status: 'repeated', seq: 3 });

      // The export's own audit entry says what the bundle held.
      expect(describeAuditDetail({ action: 'export.bundle', detail: { file: 'head-only.fashen-bundle.json', count: 0 } })).toBe('head-only.fashen-bundle.json · 仅审计链头');
    } finally {
      w.close();
    }
  });

  it('refuses a bundle with neither submissions nor head (workstation and server), and a head swapped in later', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      // Without an audit service there is nothing to carry: the export is refused in zh-CN.
      await expect(exportOutboxBundle({ sync: w.sync, opinions: { keys: keysOf(signer) } }, join(tempDir(), 'x.json'), undefined, 'plain')).rejects.toThrow('没有待发送的提交，无需导出离线交换包');

      w.audit.log.append({ action: 'case.open', subject: 'c', detail: {} });
      const file = join(tempDir(), 'b.json');
      await exportOutboxBundle({ sync: w.sync, opinions: { keys: keysOf(signer) }, audit: w.audit }, file, undefined, 'plain');
      const bundle = JSON.parse(readFileSync(file, 'utf8'));
      const { auditHead: _head, ...empty } = bundle;
      const r = await central.admin.post('/v1/admin/bundles', empty);
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.json)).toContain('离线交换包中既没有提交，也没有审计链头');
      const forged = await central.admin.post('/v1/admin/bundles', { ...bundle, auditHead: { ...bundle.auditHead, seq: 99 } });
      expect(forged.status).toBe(422);
    } finally {
      w.close();
    }
  });
});
