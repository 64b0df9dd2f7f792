// Issue 8: the audit chain head goes to the central system on each sync (and in an offline bundle),
// so a history rebuilt locally — which verifies intact on the workstation — is caught there. Real
// central server (PGlite) for the online and bundle paths; the in-memory central system for the
// network-failure path.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../src/main/workstation';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { TransportError } from '../../../src/main/services/sync/transport';
import { exportOutboxBundle } from '../../../src/main/services/sync/bundle';
import { ANCHOR_SEQS_KEY, anchorSeqs } from '../../../src/main/services/sync/audit-head';
import { syncCommand } from '../../../src/cli/commands/sync';
import { writeCentralLogin } from '../../../src/main/services/sync/central-login';
import { enrol, type Signer } from '../../helpers/server-fixtures';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { buildPackage, tempDir } from '../../helpers/package-builder';
import { filesOf, httpTransport, newDataDir, packageWithFiles, publish, queueOpinion, workstation } from './fixtures';

let central: CentralUnderTest;
let alice: Client;
let signer: Signer;

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
  signer = await enrol(alice, 'alice');
}, 60_000);
afterAll(() => central?.close());

const append = (w: Workstation, n: number, tag: string) => {
  for (let i = 0; i < n; i++) w.audit.log.append({ action: 'case.open', subject: `case-${tag}-${i}`, detail: { tag } });
};

/** Someone with the database file wipes the log and writes a history of their own (the chain verifies). */
function rebuild(w: Workstation, n: number, tag: string): void {
  w.store.sqlite.exec("drop trigger if exists audit_no_delete; delete from audit; delete from sqlite_sequence where name = 'audit';");
  append(w, n, tag);
  expect(w.audit.log.verify().intact).toBe(true);
}

type Overview = { device: string; seq: number | null; hash: string | null; user: string; rewritten: { seq: number; hash: string }[] }[];
const overview = async () => ((await central.admin.get('/v1/admin/audit/heads')).json as { devices: Overview }).devices;

describe('the head on each sync (real central server)', () => {
  it('is accepted while the chain grows; a rebuilt history makes the next sync report 出错 — and the pull still happens', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      append(w, 4, 'echt');
      const first = await w.sync.run();
      expect(first.outcome, first.line).toBe('synced');
      const device = w.audit.log.device();
      // The sync.run entry itself comes after the head it sent.
      const sent = (await overview()).find((d) => d.device === device)!;
      expect(sent).toMatchObject({ seq: 4, user: 'alice', rewritten: [] });
      append(w, 2, 'echt');
      expect((await w.sync.run()).outcome).toBe('synced');
      const known = w.audit.head();
      expect((await overview()).find((d) => d.device === device)!.seq).toBe(known.seq);

      rebuild(w, 3, 'neu');
      const pkg = await packageWithFiles(tempDir(), [100]);
      await publish(central.admin, pkg, 'alice');
      const r = await w.sync.run();
      expect(r.outcome).toBe('error');
      // The anchor at the last accepted seq names what is gone (the head went back, too).
      expect(r.line).toBe(`出错（审计记录与中心不一致：本机审计链已没有此前报送过的第 ${known.seq} 条（记录被删除））`);
      expect(r.problems.join('\n')).toContain('审计记录与中心不一致');
      expect(r.summary.pulled).toBe(1); // not blocked
      expect(w.sync.status().state).toBe('出错');

      const flagged = (await overview()).find((d) => d.device === device)!;
      expect(flagged).toMatchObject({ seq: known.seq, hash: known.hash });
      expect(flagged.rewritten.map((x) => x.seq)).toEqual([3]);

      // It stays flagged on later syncs: the rebuilt head still does not continue the known one.
      const again = await w.sync.run();
      expect(again.line).toContain('审计记录与中心不一致');
    } finally {
      w.close();
    }
  });

  it('a history rebuilt and grown past the last reported seq is caught by the anchor; honest growth passes, also with the anchor record lost', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      append(w, 3, 'echt');
      expect((await w.sync.run()).outcome).toBe('synced');
      const known = anchorSeqs(w.sync.state);
      expect(known).toEqual([3]); // the server's answer: the highest seq it accepted
      // Honest growth after the local record was lost: the server asks for the anchor, the retry passes.
      append(w, 2, 'echt');
      w.sync.state.clear(ANCHOR_SEQS_KEY);
      const honest = await w.sync.run();
      expect(honest.outcome, honest.line).toBe('synced');
      const last = anchorSeqs(w.sync.state)[0]!;
      expect(last).toBeGreaterThan(3);

      // Rebuilt and grown well past the last report: no seq of it is one the server knew.
      rebuild(w, last + 10, 'neu');
      const r = await w.sync.run();
      expect(r.outcome).toBe('error');
      expect(r.line).toMatch(new RegExp(`^出错（审计记录与中心不一致：第 ${last} 条的校验值与此前报送的不同`));
      // The same with the anchor record wiped too (the server asks, the retry gives the rebuilt hash).
      w.sync.state.clear(ANCHOR_SEQS_KEY);
      append(w, 1, 'neu');
      expect((await w.sync.run()).line).toContain(`第 ${last} 条的校验值与此前报送的不同`);
      const d = (await overview()).find((x) => x.device === w.audit.log.device())!;
      expect(d.seq).toBe(last);
      expect(d.rewritten.length).toBeGreaterThanOrEqual(2);
    } finally {
      w.close();
    }
  });

  it('`fashen sync` prints the mismatch and exits 1', async () => {
    const home = newDataDir();
    writeCentralLogin(home, { server: central.url, user: 'alice', role: 'reviewer', deviceId: 'cli', token: alice.token!, savedAt: new Date().toISOString() });
    const w = workstation(home, () => httpTransport(central.url, alice.token!));
    append(w, 5, 'echt');
    expect((await w.sync.run()).outcome).toBe('synced');
    rebuild(w, 5, 'anders');
    w.close();
    const out: string[] = [];
    const err: string[] = [];
    const code = await syncCommand(home, [], {}, { out: (s) => out.push(s), err: (s) => err.push(s) }, {});
    expect(code).toBe(1);
    expect(out.join('')).toMatch(/^出错（审计记录与中心不一致：第 5 条的校验值与此前报送的不同/);
    expect(err.join('')).toContain('  审计记录与中心不一致：第 5 条的校验值与此前报送的不同');
  });
});

describe('the head when the central system cannot be reached for it (in memory)', () => {
  it('a network failure on the head only leaves a note; the next sync sends the head as it is then', async () => {
    const c = new MemoryCentral();
    const pkg = await buildPackage(tempDir());
    c.publish(pkg.manifest, filesOf(pkg));
    const w = workstation(newDataDir(), () => c.transport());
    try {
      append(w, 2, 'x');
      c.fault = (op) => {
        if (op === 'auditHead') throw new TransportError('network', '无法连接中心系统：ECONNRESET');
      };
      const r = await w.sync.run();
      expect(r.outcome, r.line).toBe('synced');
      expect(r.summary.pulled).toBe(1);
      expect(r.notes!.join('\n')).toMatch(/审计链头未能报送中心系统（无法连接中心系统：ECONNRESET），下次同步时重新报送/);
      expect(c.auditHeads.size).toBe(0);

      c.fault = null;
      const head = w.audit.head();
      expect((await w.sync.run()).outcome).toBe('synced');
      expect(c.auditHeads.get(head.device)!.accepted.get(head.seq)).toBe(head.hash);

      rebuild(w, 1, 'y');
      const bad = await w.sync.run();
      expect(bad.line).toMatch(/^出错（审计记录与中心不一致：/);
      expect(c.auditHeads.get(head.device)!.rewritten).toHaveLength(1);
    } finally {
      w.close();
    }
  });
});

describe('the head in an offline bundle (离线交换包)', () => {
  const keysOf = (s: Signer) => ({ active: () => ({ keyId: s.keyId }), unlock: async () => s.key });

  it('is carried under the signature and judged by the import; a rebuilt history is flagged there', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      const pkg = await packageWithFiles(tempDir(), [10]);
      const a = await publish(central.admin, pkg, 'alice');
      await w.sync.run();
      const c = { caseId: a.caseId, caseNumber: a.caseNumber, revision: a.revision, revisionHash: w.cases.load(a.caseId)!.row.revisionHash };
      append(w, 3, 'echt');
      const dev = { sync: w.sync, opinions: { keys: keysOf(signer) }, audit: w.audit };

      await queueOpinion(w, signer, c, 'alice');
      const file1 = join(tempDir(), 'b1.json');
      await exportOutboxBundle(dev, file1, undefined, 'plain');
      const b1 = JSON.parse(readFileSync(file1, 'utf8'));
      expect(b1.auditHead).toMatchObject(w.audit.head());
      const r1 = await central.admin.post('/v1/admin/bundles', b1);
      expect(r1.status, r1.body.toString()).toBe(200);
      expect(r1.json.auditHead).toEqual({ status: 'accepted', device: w.audit.log.device(), seq: b1.auditHead.seq });
      expect(anchorSeqs(w.sync.state)).toContain(b1.auditHead.seq); // the next report anchors at the exported head

      // A head swapped in afterwards breaks the signature: the bundle is refused outright.
      const forged = { ...b1, auditHead: { ...b1.auditHead, seq: b1.auditHead.seq + 100 } };
      expect((await central.admin.post('/v1/admin/bundles', forged)).status).toBe(422);

      rebuild(w, 1, 'neu');
      const file2 = join(tempDir(), 'b2.json');
      await exportOutboxBundle(dev, file2, undefined, 'plain');
      const r2 = await central.admin.post('/v1/admin/bundles', JSON.parse(readFileSync(file2, 'utf8')));
      expect(r2.status).toBe(200);
      expect(r2.json.results.every((x: { status: string }) => x.status === 'accepted')).toBe(true); // the submissions still go in
      expect(r2.json.auditHead).toMatchObject({ status: 'rewritten', seq: 1, reason: expect.stringContaining(`本机审计链已没有此前报送过的第 ${b1.auditHead.seq} 条`) });
      const d = (await overview()).find((x) => x.device === w.audit.log.device())!;
      expect(d.rewritten.map((x) => x.seq)).toEqual([1]);
    } finally {
      w.close();
    }
  });

  it('a history rebuilt and grown past the last report is caught in a bundle too; an honest one is accepted', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      const pkg = await packageWithFiles(tempDir(), [11]);
      const a = await publish(central.admin, pkg, 'alice');
      append(w, 2, 'echt');
      await w.sync.run();
      const known = anchorSeqs(w.sync.state)[0]!;
      const c = { caseId: a.caseId, caseNumber: a.caseNumber, revision: a.revision, revisionHash: w.cases.load(a.caseId)!.row.revisionHash };
      const dev = { sync: w.sync, opinions: { keys: keysOf(signer) }, audit: w.audit };

      append(w, 2, 'echt');
      await queueOpinion(w, signer, c, 'alice');
      const ok = join(tempDir(), 'ok.json');
      await exportOutboxBundle(dev, ok, undefined, 'plain');
      const honest = JSON.parse(readFileSync(ok, 'utf8'));
      expect(honest.auditHead.anchors).toEqual([{ seq: known, hash: w.audit.hashAt(known) }]);
      expect((await central.admin.post('/v1/admin/bundles', honest)).json.auditHead).toMatchObject({ status: 'accepted', seq: honest.auditHead.seq });

      rebuild(w, honest.auditHead.seq + 5, 'neu');
      const bad = join(tempDir(), 'bad.json');
      await exportOutboxBundle(dev, bad, undefined, 'plain');
      const r = await central.admin.post('/v1/admin/bundles', JSON.parse(readFileSync(bad, 'utf8')));
      expect(r.status).toBe(200);
      expect(r.json.auditHead).toMatchObject({ status: 'rewritten', reason: expect.stringMatching(/第 \d+ 条的校验值与此前报送的不同/) });
    } finally {
      w.close();
    }
  });
});
