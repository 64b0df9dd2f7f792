// The sync engine against the real central server on loopback (PGlite): pull with verified files,
// push with exactly-once confirmation, stale and rejected answers kept visible, unassignment,
// offline and not-logged-in status lines.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '../../../src/main/db/schema';
import type { Workstation } from '../../../src/main/workstation';
import type { SubmissionSummary } from '../../../src/shared/sync/protocol';
import { enrol, type Signer } from '../../helpers/server-fixtures';
import { buildOutboxBundle, exportOutboxBundle } from '../../../src/main/services/sync/bundle';
import { openSealedBytes } from '../../../src/main/services/bundle-envelope/open';

import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { tempDir } from '../../helpers/package-builder';
import { testCalendar } from '../../helpers/test-calendar';
import { startFaultProxy } from '../../helpers/fault-proxy';
import { buildNode, ENTRIES } from '../../../scripts/build-node.mjs';
import { writeCentralLogin } from '../../../src/main/services/sync/central-login';
import { syncStatusView } from '../../../src/main/services/sync/status-view';
import { CHUNK_BYTES } from '../../../src/main/services/cache-crypto/blob-format';
import { REASSIGNED_REASON } from '../../../src/shared/sync/answer-labels';
import { httpTransport, newDataDir, outbox, packageWithFiles, publish, queueOpinion, workstation } from './fixtures';

/** The passphrase agreed for the bundles in these tests (the reviewer tells the admin by phone). */
const BUNDLE_PASS = '青山-打印机-四十七';

let central: CentralUnderTest;
let alice: Client;
let signer: Signer;
let ws: Workstation;
const cases: { caseId: string; caseNumber: string; revision: number; revisionHash: string }[] = [];

const submissions = async () => (await central.admin.get('/v1/admin/submissions')).json as SubmissionSummary[];

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
  await central.user('bob');
  signer = await enrol(alice, 'alice');
  const root = tempDir();
  for (const sizes of [[200_000, 50_000], [1234]]) {
    const pkg = await packageWithFiles(root, sizes);
    const a = await publish(central.admin, pkg, 'alice');
    cases.push({ caseId: a.caseId, caseNumber: a.caseNumber, revision: a.revision, revisionHash: a.revisionHash });
  }
  await publish(central.admin, await packageWithFiles(root, [10]), 'bob');
  ws = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
});

afterAll(async () => {
  ws?.close();
  await central?.close();
});

describe('sync against the central server', () => {
  it('pulls only the reviewer’s cases, every file verified, available offline; the cursor at the end', async () => {
    const r = await ws.sync.run();
    expect(r.outcome, r.line).toBe('synced');
    expect(r.summary.pulled).toBe(2);
    expect(r.line).toBe('已同步 · 拉取 2 个案件');
    const local = ws.cases.listRows({});
    expect(local.map((c) => c.id).sort()).toEqual(cases.map((c) => c.caseId).sort());
    for (const c of local) {
      expect(c.offline).toBe(true);
      const agg = ws.cases.load(c.id)!;
      for (const sha of agg.blobs.keys()) expect(await ws.blobs.verify(sha)).toBe('ok');
    }
    const feed = (await alice.get('/v1/feed?after=0&limit=1000')).json as { next: number };
    expect(ws.sync.state.cursor()).toBe(feed.next);
    // A second run has nothing to do.
    const again = await ws.sync.run();
    expect(again.line).toBe('已同步');
    expect(again.summary.bytes).toBe(0);
  });

  it('pushes the outbox in order; an entry leaves the queue only on the server’s answer; a repeat confirms', async () => {
    const a = await queueOpinion(ws, signer, cases[0]!, 'alice', '2026-11-20T01:00:00.000Z');
    const b = await queueOpinion(ws, signer, cases[1]!, 'alice', '2026-11-20T02:00:00.000Z');
    expect(ws.sync.status().pending).toBe(2);
    const r = await ws.sync.run();
    expect(r.summary.sent).toBe(2);
    expect(r.line).toBe('已同步 · 发送 2 件');
    const server = await submissions();
    expect(server.filter((s) => s.id === a || s.id === b).map((s) => s.status)).toEqual(['accepted', 'accepted']);
    // Receipt order on the server follows the outbox order.
    const got = server.filter((s) => s.id === a || s.id === b).sort((x, y) => x.receivedAt.localeCompare(y.receivedAt));
    expect(got.map((s) => s.id)).toEqual([a, b]);
    expect(outbox(ws).map((o) => o.state)).toEqual(['accepted', 'accepted']);

    // A crash after the server stored it but before the answer was written: the row is still queued.
    ws.store.db.update(t.outbox).set({ state: 'queued' }).where(eq(t.outbox.id, a)).run();
    const again = await ws.sync.run();
    expect(again.summary.sent).toBe(1);
    expect(ws.sync.state.byId(a)!.state).toBe('accepted');
    expect((await submissions()).filter((s) => s.id === a)).toHaveLength(1);
  });

  it('a forged signature is rejected with the reason and stays visible', async () => {
    const id = await queueOpinion(ws, signer, cases[1]!, 'alice');
    const row = ws.sync.state.byId(id)!;
    const file = JSON.parse(row.payloadJson);
    file.content.facts = '签名之后被改动的事实';
    ws.store.db.update(t.outbox).set({ payloadJson: JSON.stringify(file) }).where(eq(t.outbox.id, id)).run();
    const r = await ws.sync.run();
    expect(r.summary.rejected).toBe(1);
    const after = ws.sync.state.byId(id)!;
    expect(after.state).toBe('rejected');
    expect(after.lastError).toMatch(/签名|摘要/);
    expect(r.status.attention).toBe(1);
    expect((await submissions()).find((s) => s.id === id)?.status).toBe('rejected');
  });

  it('stale: the case moved on — the submission stays visible with the current revision; the pull opens a new round', async () => {
    const c = cases[0]!;
    const id = await queueOpinion(ws, signer, c, 'alice');
    // Meanwhile the handling unit sends revision 2 to the central system.
    const pkg2 = await packageWithFiles(tempDir(), [3000], { id: c.caseId, caseNumber: c.caseNumber, revision: 2 });
    const rev2 = await publish(central.admin, pkg2, 'alice');
    const r = await ws.sync.run();
    expect(r.summary.stale).toBe(1);
    expect(r.summary.pulled).toBe(1);
    const row = ws.sync.state.byId(id)!;
    expect(row.state).toBe('stale');
    expect(row.lastError).toContain('当前修订 2');
    const local = ws.cases.load(c.caseId)!.row;
    expect(local).toMatchObject({ revision: 2, revisionHash: rev2.revisionHash, round: 2, status: 'pending', offline: true });
    expect(r.line).toContain('1 件已过时');
  });

  it('a case no longer assigned is kept (with the reviewer’s work) but marked unavailable', async () => {
    const c = cases[1]!;
    // alice’s opinion on it was accepted above: the admin confirms the reassignment.
    await central.admin.post(`/v1/admin/cases/${encodeURIComponent(c.caseId)}/assign`, { user: 'bob', force: true });
    const r = await ws.sync.run();
    expect(r.summary.unassigned).toBe(1);
    const local = ws.cases.load(c.caseId)!.row;
    expect(local.offline).toBe(false);
    // The reviewer is told, by 案号; the queue and the review panel mark it; nothing more is concluded or signed.
    expect(r.line).toBe(`已同步 · 1 件案件已改派给其他审核员（${c.caseNumber}）`);
    expect(ws.views.list({}).find((q) => q.id === c.caseId)?.reassigned).toBe(true);
    expect(ws.review.get(c.caseId).reassigned).toBe(true);
    expect(() => ws.review.conclude(c.caseId, '同意', '同意。')).toThrow(/案件已改派给其他审核员，不能再作出审核结论/);
    await expect(ws.opinions.sign(c.caseId, 'x'.repeat(64))).rejects.toThrow(/案件已改派给其他审核员，不能再签署审核意见书/);
    ws.store.db.update(t.reviews).set({ conclusion: '同意', opinionText: '同意。', concludedAt: new Date().toISOString() }).where(eq(t.reviews.caseId, c.caseId)).run();
    expect(() => ws.review.reopen(c.caseId)).toThrow(/案件已改派给其他审核员，不能再撤回结论/);
    // What he did stays to read.
    expect(ws.review.get(c.caseId).conclusion?.opinionText).toBe('同意。');
    ws.store.db.update(t.reviews).set({ conclusion: null, opinionText: null, concludedAt: null }).where(eq(t.reviews.caseId, c.caseId)).run();
    // Assigned back: available again without downloading anything, and his to sign again.
    await central.admin.post(`/v1/admin/cases/${encodeURIComponent(c.caseId)}/assign`, { user: 'alice' });
    const back = await ws.sync.run();
    expect(back.summary.bytes).toBe(0);
    expect(ws.cases.load(c.caseId)!.row.offline).toBe(true);
    expect(ws.views.list({}).find((q) => q.id === c.caseId)?.reassigned).toBeUndefined();
    expect(ws.review.get(c.caseId).reassigned).toBeUndefined();
  });

  it('an opinion for a case reassigned before it was sent: 被退回 with the reason, not left queued for ever', async () => {
    const c = cases[1]!;
    const id = await queueOpinion(ws, signer, c, 'alice');
    await central.admin.post(`/v1/admin/cases/${encodeURIComponent(c.caseId)}/assign`, { user: 'bob', force: true });
    const r = await ws.sync.run();
    expect(r.outcome, r.line).toBe('synced');
    expect(r.summary.rejected).toBe(1);
    const row = ws.sync.state.byId(id)!;
    expect(row.state).toBe('rejected');
    expect(row.lastError).toContain('案件已改派给其他审核员');
    expect(ws.sync.status().pending).toBe(0);
    expect((await submissions()).find((s) => s.id === id)).toMatchObject({ status: 'rejected', user: 'alice' });
    // The answer is the first answer: sent again (a crash before it was written), the same refusal.
    ws.store.db.update(t.outbox).set({ state: 'queued' }).where(eq(t.outbox.id, id)).run();
    expect((await ws.sync.run()).summary.rejected).toBe(1);
    expect((await submissions()).filter((s) => s.id === id)).toHaveLength(1);
    await central.admin.post(`/v1/admin/cases/${encodeURIComponent(c.caseId)}/assign`, { user: 'alice' });
    expect((await ws.sync.run()).outcome).toBe('synced');
  });

  it('unreachable server: 离线（N 项待发送）; not logged in: 出错', async () => {
    const dead = workstation(newDataDir(), () => httpTransport('http://127.0.0.1:9', 'x', { connect: 300 }));
    try {
      await queueOpinion(dead, signer, cases[1]!, 'alice');
      const r = await dead.sync.run();
      expect(r.outcome).toBe('offline');
      expect(r.line).toBe('离线（1 项待发送）');
      expect(outbox(dead)[0]).toMatchObject({ state: 'queued' });
      // Nothing left this workstation: the central system's settings (its TSA) come first, and could not be read.
      expect(outbox(dead)[0]!.attempts).toBe(0);
    } finally {
      dead.close();
    }
    const none = workstation(newDataDir(), () => null as never);
    try {
      const r = await none.sync.run();
      expect(r.line).toBe('出错（尚未登录中心系统（fashen login））');
    } finally {
      none.close();
    }
  });

  it('a revoked device token: 出错 with a clear reason, nothing changed', async () => {
    const other = await central.login('alice', 'alice-password');
    const me = (await other.get('/v1/me')).json as { deviceId: string };
    expect((await central.admin.post(`/v1/admin/devices/${me.deviceId}/revoke`, {})).status).toBe(200);
    const w = workstation(newDataDir(), () => httpTransport(central.url, other.token!));
    try {
      const r = await w.sync.run();
      expect(r.outcome).toBe('error');
      expect(r.line).toMatch(/登录已失效/);
      expect(w.cases.count()).toBe(0);
    } finally {
      w.close();
    }
  });

  it('every id the outbox holds arrived exactly once', async () => {
    const ids = outbox(ws).map((o) => o.id);
    const server = await submissions();
    for (const id of ids) expect(server.filter((s) => s.id === id)).toHaveLength(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect(randomUUID()).not.toBe(ids[0]);
  });
});

describe('offline bundle (离线交换包)', () => {
  const keysOf = (s: Signer) => ({ active: () => ({ keyId: s.keyId }), unlock: async () => s.key });
  const importBundle = (client: Client, bundle: unknown) => client.post('/v1/admin/bundles', bundle);

  it('the server imports the outbox with the same exactly-once rule; a later online sync only gets repeats', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      await w.sync.run();
      const c = { ...cases[1]!, revisionHash: w.cases.load(cases[1]!.caseId)!.row.revisionHash };
      const ids = [await queueOpinion(w, signer, c, 'alice', '2026-11-21T01:00:00.000Z'), await queueOpinion(w, signer, c, 'alice', '2026-11-21T02:00:00.000Z')];
      const file = join(tempDir(), 'outbox.fashen-bundle.json');
      const exported = await exportOutboxBundle({ sync: w.sync, opinions: { keys: keysOf(signer) } }, file, undefined, 'plain');
      expect(exported.count).toBe(2);
      const bundle = JSON.parse(readFileSync(file, 'utf8'));
      expect(bundle).toMatchObject({ format: 'fashen-outbox-bundle', version: 1, signature: { keyId: signer.keyId } });
      // Exporting changes nothing here: the entries wait for the server's answer.
      expect(outbox(w).filter((o) => ids.includes(o.id)).map((o) => o.state)).toEqual(['queued', 'queued']);

      const first = await importBundle(central.admin, bundle);
      expect(first.status, first.body.toString()).toBe(200);
      expect(first.json).toMatchObject({ signer: 'alice', results: [{ id: ids[0], status: 'accepted' }, { id: ids[1], status: 'accepted' }] });
      const again = await importBundle(central.admin, bundle);
      expect(again.json.results.map((r: { repeated?: boolean }) => r.repeated)).toEqual([true, true]);

      const r = await w.sync.run();
      expect(r.summary.sent).toBe(2);
      expect(outbox(w).filter((o) => ids.includes(o.id)).map((o) => o.state)).toEqual(['accepted', 'accepted']);
      for (const id of ids) expect((await submissions()).filter((s) => s.id === id)).toHaveLength(1);
    } finally {
      w.close();
    }
  });

  it('refuses a tampered bundle, a bundle signed by an unregistered key, and a non-admin — storing nothing', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    try {
      await w.sync.run();
      const c = { ...cases[1]!, revisionHash: w.cases.load(cases[1]!.caseId)!.row.revisionHash };
      const id = await queueOpinion(w, signer, c, 'alice');
      const bundle = JSON.parse(JSON.stringify(await buildOutboxBundle(w.sync.state, keysOf(signer), undefined)));
      const before = (await submissions()).length;

      const tampered = structuredClone(bundle);
      tampered.createdAt = '2020-01-01T00:00:00.000Z';
      const t1 = await importBundle(central.admin, tampered);
      expect(t1.status).toBe(422);
      expect(t1.json.error.message).toMatch(/离线交换包签名无效/);

      const { generateKeyPairSync } = await import('node:crypto');
      const stranger = { ...signer, keyId: 'f'.repeat(64), key: { ...signer.key, keyId: 'f'.repeat(64), privateKey: generateKeyPairSync('ed25519').privateKey } };
      const t2 = await importBundle(central.admin, await buildOutboxBundle(w.sync.state, keysOf(stranger), undefined));
      expect(t2.status).toBe(422);
      expect(t2.json.error.message).toMatch(/未登记/);

      expect((await importBundle(alice, bundle)).status).toBe(403);
      expect((await importBundle(central.admin, { ...bundle, submissions: [] })).status).toBe(400);
      expect((await submissions()).length).toBe(before);
      expect(w.sync.state.byId(id)!.state).toBe('queued');
    } finally {
      w.close();
    }
  });
});

describe('through the fault proxy', () => {
  it('a download cut mid-body resumes with Range/If-Range from the real server: only the rest crosses the wire', async () => {
    const dave = await central.user('dave');
    const pkg = await packageWithFiles(tempDir(), [900_000]);
    await publish(central.admin, pkg, 'dave');
    const proxy = await startFaultProxy(Number(new URL(central.url).port));
    const w = workstation(newDataDir(), () => httpTransport(proxy.url, dave.token!), { retry: { retries: 0, minDelay: 1, maxDelay: 1 }, concurrency: 1 });
    try {
      proxy.setMode({ kind: 'cut', afterBytes: 300_000, direction: 'down' });
      const cut = await w.sync.run();
      expect(cut.outcome).toBe('offline');
      expect(proxy.faults).toBeGreaterThan(0);
      expect(w.cases.load(pkg.manifest.case.id)).toBeNull();
      proxy.setMode({ kind: 'pass' });
      const rest = await w.sync.run();
      expect(rest.outcome, rest.line).toBe('synced');
      const total = pkg.manifest.documents.concat(pkg.manifest.evidence as never[]).reduce((n, d) => n + (d as { file: { size: number } }).file.size, 0);
      expect(cut.summary.bytes).toBeGreaterThan(100_000);
      // Across runs only whole sealed chunks are kept: at most the partial chunk crosses the wire again.
      expect(cut.summary.bytes + rest.summary.bytes).toBeGreaterThanOrEqual(total);
      expect(cut.summary.bytes + rest.summary.bytes).toBeLessThan(total + CHUNK_BYTES);
      const big = pkg.manifest.evidence.at(-1)!.file.sha256;
      expect(await w.blobs.verify(big)).toBe('ok');
    } finally {
      w.close();
      await proxy.close();
    }
  });

  it('the server answers a blob that was changed on its disk with other bytes: refused, never imported', async () => {
    const carol = await central.user('carol');
    const pkg = await packageWithFiles(tempDir(), [40_000]);
    await publish(central.admin, pkg, 'carol');
    const big = pkg.manifest.evidence.at(-1)!.file.sha256;
    const onDisk = join(central.blobDir, big.slice(0, 2), big.slice(2)); // LocalFolderBackend's layout
    writeFileSync(onDisk, randomBytes(40_000));
    const w = workstation(newDataDir(), () => httpTransport(central.url, carol.token!));
    try {
      const r = await w.sync.run();
      expect(r.outcome).toBe('error');
      expect(r.line).toMatch(/文件校验值不符/);
      expect(w.blobs.has(big)).toBe(false);
      expect(w.cases.count()).toBe(0);
      expect(w.sync.state.cursor()).toBe(0);
    } finally {
      w.close();
    }
  });
});

/** A server that answers nothing useful and records what reaches it (method, path, authorization). */
async function listenRecording(): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

describe('fashen sync (CLI, same engine)', () => {
  // Asynchronously: the server runs in this process and must keep answering.
  const run = (home: string, args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; out: string; err: string }>((res) => {
      const p = spawn(process.execPath, [ENTRIES.cli.out, ...args], { env: { ...process.env, FASHEN_HOME: home, ...env } });
      let out = '';
      let err = '';
      p.stdout.on('data', (c: Buffer) => (out += c.toString()));
      p.stderr.on('data', (c: Buffer) => (err += c.toString()));
      p.on('close', (code) => res({ code, out, err }));
    });

  it('prints the status line; exit 0 when synced, 1 when offline; --json; export-bundle', async () => {
    await buildNode(['cli']);
    const erin = await central.user('erin');
    await publish(central.admin, await packageWithFiles(tempDir(), [5_000]), 'erin');
    const home = newDataDir();
    writeCentralLogin(home, { server: central.url, user: 'erin', role: 'reviewer', deviceId: 'cli', token: erin.token!, savedAt: new Date().toISOString() });

    const first = await run(home, ['sync']);
    expect(first, first.err).toMatchObject({ code: 0, out: '已同步 · 拉取 1 个案件\n' });
    expect(await run(home, ['sync', 'status'])).toMatchObject({ code: 0, out: '已同步\n' });
    const json = await run(home, ['sync', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({ outcome: 'synced', status: { state: '已同步', pending: 0 } });

    // Offline, with a signed opinion waiting (a key of this workstation, made by `fashen keys create`).
    const keys = await run(home, ['keys', 'create', '--name', '李审核', '--agency', '测试市市场监督管理局', '--passphrase-env', 'PW'], { PW: 'long-enough-pw' });
    expect(keys.code, keys.err).toBe(0);
    const local = workstation(home, () => null as never);
    try {
      const kase = local.cases.listRows({})[0]!;
      await queueOpinion(local, signer, { caseId: kase.id, caseNumber: kase.caseNumber, revision: kase.revision, revisionHash: kase.revisionHash }, 'erin');
    } finally {
      local.close();
    }
    // The line is down (the saved server does not answer): 离线, with which server and why. (The
    // sealed token is bound to its server: an address edited in the file would not get it.)
    const saved = readFileSync(join(home, 'central.json'), 'utf8');
    const down = await startFaultProxy(Number(new URL(central.url).port));
    down.setMode({ kind: 'reset', afterBytes: 0 });
    writeCentralLogin(home, { server: down.url, user: 'erin', role: 'reviewer', deviceId: 'cli', token: erin.token!, savedAt: new Date().toISOString() });
    const offline = await run(home, ['sync'], { FASHEN_SYNC_TIMEOUT_MS: '300', FASHEN_SYNC_RETRIES: '1' });
    await down.close();
    writeFileSync(join(home, 'central.json'), saved);
    expect(offline).toMatchObject({ code: 1, out: '离线（1 项待发送）\n' });
    expect(offline.err).toMatch(new RegExp(`原因：无法连接中心系统 ${new URL(down.url).host}：连接被中断 \\[(ECONNRESET|UND_ERR_SOCKET)\\]`));
    expect(offline.err).not.toMatch(/[A-Za-z]{12,}/); // no English sentence from the socket

    // --server elsewhere: the saved token is never sent there; the run stops with the reason.
    const stranger = await listenRecording();
    try {
      const elsewhere = await run(home, ['sync', '--server', stranger.url]);
      expect(elsewhere.code).toBe(1);
      expect(elsewhere.out).toMatch(/不是本机登录的中心系统/);
      expect(stranger.requests).toEqual([]);
    } finally {
      await stranger.close();
    }

    const out = join(tempDir(), 'bundle.fashen-bundle');
    // The bundle passphrase: at least 10 characters, from the variable --bundle-passphrase-env names; without one and no terminal, said.
    expect(await run(home, ['sync', 'export-bundle', '--out', out, '--passphrase-env', 'PW'], { PW: 'long-enough-pw' })).toMatchObject({ code: 2, err: expect.stringMatching(/需要交换包口令：.*--bundle-passphrase-env.*--plain/) });
    expect(await run(home, ['sync', 'export-bundle', '--out', out, '--passphrase-env', 'PW', '--bundle-passphrase-env', 'BPW'], { PW: 'long-enough-pw', BPW: '短口令' })).toMatchObject({ code: 2, err: expect.stringMatching(/交换包口令至少 10 个字符/) });
    expect(existsSync(out)).toBe(false);
    const bundle = await run(home, ['sync', 'export-bundle', '--out', out, '--passphrase-env', 'PW', '--bundle-passphrase-env', 'BPW'], { PW: 'long-enough-pw', BPW: BUNDLE_PASS });
    expect(bundle.code, bundle.err).toBe(0);
    expect(bundle.out).toMatch(/已导出 1 件待发送的提交/);
    expect(bundle.out).toMatch(/已用交换包口令加密；口令请另行告知中心系统管理员/);
    expect(readFileSync(out).subarray(0, 8).toString('latin1')).toBe('FSHNSEAL');
    expect(readFileSync(out).includes(Buffer.from('fashen-outbox-bundle'))).toBe(false);
    expect(JSON.parse((await openSealedBytes(out, BUNDLE_PASS, 'outbox')).toString('utf8'))).toMatchObject({ format: 'fashen-outbox-bundle', version: 1, submissions: [{ kind: 'opinion' }] });
    // --plain: the old format, said to be plain.
    const plain = join(tempDir(), 'plain.json');
    const plainRun = await run(home, ['sync', 'export-bundle', '--out', plain, '--passphrase-env', 'PW', '--plain'], { PW: 'long-enough-pw' });
    expect(plainRun.out).toMatch(/注意：未加密的交换包（--plain）/);
    expect(JSON.parse(readFileSync(plain, 'utf8'))).toMatchObject({ format: 'fashen-outbox-bundle', submissions: [{ kind: 'opinion' }] });
    // Shown as exported and waiting for the answer, not as a failed try.
    const after = workstation(home, () => null as never);
    try {
      const [entry] = syncStatusView(after.sync, home).queued;
      expect(entry).toMatchObject({ state: 'queued', exportedAt: expect.any(String) });
      expect(Date.now() - Date.parse(entry!.exportedAt!)).toBeLessThan(60_000);
    } finally {
      after.close();
    }
    expect(await run(home, ['sync', 'export-bundle'])).toMatchObject({ code: 2 });
    // No terminal to ask in and no --passphrase-env: said so (it printed the app's 请输入签名密钥口令 and exit 1).
    expect(await run(home, ['sync', 'export-bundle', '--out', join(tempDir(), 'b.json')])).toMatchObject({ code: 2, err: expect.stringMatching(/--passphrase-env/) });
    // A stick not mounted: the same answer as the app's form, nothing written under the mount point.
    const unmounted = join(tempDir(), 'no-stick', 'bundle.json');
    expect(await run(home, ['sync', 'export-bundle', '--out', unmounted, '--passphrase-env', 'PW', '--bundle-passphrase-env', 'BPW'], { PW: 'long-enough-pw', BPW: BUNDLE_PASS })).toMatchObject({ code: 1, err: expect.stringMatching(/文件夹不存在：.*no-stick（U 盘是否已插好？）/) });
    expect(existsSync(dirname(unmounted))).toBe(false);
    expect((await run(home, ['sync', 'bogus'])).code).toBe(2);
    // --server naming the logged-in server in another spelling (a trailing slash) is that server.
    expect(await run(home, ['sync', '--server', `${central.url}/`])).toMatchObject({ code: 0, out: expect.stringMatching(/^已同步/) });
  });

  it('names each returned submission (kind, 案号, 文号, reason, what to do) after the line, in sync status and in --json', async () => {
    await buildNode(['cli']);
    const gina = await central.user('gina');
    const a = await publish(central.admin, await packageWithFiles(tempDir(), [300]), 'gina');
    const home = newDataDir();
    writeCentralLogin(home, { server: central.url, user: 'gina', role: 'reviewer', deviceId: 'cli', token: gina.token!, savedAt: new Date().toISOString() });
    expect((await run(home, ['sync'])).code).toBe(0);
    const local = workstation(home, () => null as never);
    let id: string;
    let documentNumber: string;
    try {
      id = await queueOpinion(local, signer, { caseId: a.caseId, caseNumber: a.caseNumber, revision: a.revision, revisionHash: a.revisionHash }, 'gina');
      documentNumber = (JSON.parse(outbox(local).find((o) => o.id === id)!.payloadJson) as { content: { documentNumber: string } }).content.documentNumber;
    } finally {
      local.close();
    }
    await central.admin.post(`/v1/admin/cases/${encodeURIComponent(a.caseId)}/assign`, { user: 'bob' });

    const r = await run(home, ['sync']);
    expect(r.code, r.err).toBe(0);
    const [line, returned] = r.out.split('\n');
    expect(line).toBe(`已同步 · 1 件被退回 · 1 件案件已改派给其他审核员（${a.caseNumber}） · 1 件需处理`);
    expect(returned).toBe(`  被退回  审核意见书（${documentNumber}）  ${a.caseNumber}：${REASSIGNED_REASON}。本案已由其他审核员负责，无需重新签署；原提交保留在此备查。`);
    const status = await run(home, ['sync', 'status']);
    expect(status.out).toBe(`已同步 · 1 件需处理\n${returned}\n`);
    const json = JSON.parse((await run(home, ['sync', 'status', '--json'])).out) as { returned: unknown[] };
    expect(json.returned).toEqual([{ id, kind: 'opinion', state: 'rejected', caseId: a.caseId, caseNumber: a.caseNumber, documentNumber, reason: REASSIGNED_REASON }]);
  });

  it('fashen central receive hands the central system an outbox bundle from a USB stick, exactly once; bad files are named, exit 1', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    const file = join(tempDir(), 'outbox.fashen-bundle');
    const plainFile = join(tempDir(), 'outbox-plain.fashen-bundle.json');
    let id: string;
    try {
      const a = await publish(central.admin, await packageWithFiles(tempDir(), [10]), 'alice');
      await w.sync.run();
      id = await queueOpinion(w, signer, { caseId: a.caseId, caseNumber: a.caseNumber, revision: a.revision, revisionHash: a.revisionHash }, 'alice');
      const keys = { active: () => ({ keyId: signer.keyId }), unlock: async () => signer.key };
      await exportOutboxBundle({ sync: w.sync, opinions: { keys }, audit: w.audit }, file, undefined, { passphrase: BUNDLE_PASS });
      // The same outbox also written plain, as an older workstation would.
      await exportOutboxBundle({ sync: w.sync, opinions: { keys }, audit: w.audit }, plainFile, undefined, 'plain');
    } finally {
      w.close();
    }
    const notJson = join(tempDir(), 'photo.json');
    writeFileSync(notJson, 'not json');
    const other = join(tempDir(), 'other.json');
    writeFileSync(other, JSON.stringify({ format: 'something-else' }));
    // The .submission.json written beside a signed opinion: an easy file to pick by mistake.
    const single = join(tempDir(), '法制审核意见书-1-v1.submission.json');
    // (the shape the signing writes: src/main/services/signing/verify.ts SignedSubmission)
    writeFileSync(single, JSON.stringify({ format: 'fashen-signed-submission', version: 1, content: { schema: 'fashen.opinion/1', caseId: 'c' }, signature: { alg: 'ES256', signature: 'AA==', publicKey: 'k' } }));
    const admin = ['--server', central.url, '--user', 'admin', '--password-env', 'APW'];
    const home = newDataDir();
    // A wrong passphrase: refused, nothing sent; no passphrase and no terminal: said how to give it.
    const wrong = await run(home, ['central', 'receive', file, ...admin, '--passphrase-env', 'BPW'], { APW: 'admin-password', BPW: '不是这个口令-0000' });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/未导入  .*outbox\.fashen-bundle\n  口令不正确或文件已损坏\n/);
    const unasked = await run(home, ['central', 'receive', file, ...admin], { APW: 'admin-password' });
    expect(unasked.err).toMatch(/此离线交换包已加密.*--passphrase-env/);
    expect((await submissions()).filter((x) => x.id === id!)).toHaveLength(0);
    const first = await run(home, ['central', 'receive', file, notJson, other, single, join(tempDir(), 'missing.json'), ...admin, '--passphrase-env', 'BPW'], { APW: 'admin-password', BPW: BUNDLE_PASS });
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/^已导入  .*outbox\.fashen-bundle：审核员 alice（密钥 .+），1 项提交（已接收 1，已过时 0，已拒绝 0）$/m);
    expect(first.out).not.toMatch(/未加密/);
    expect(first.out).toMatch(/审计链头（第 \d+ 条）(此前)?已记下/);
    expect(first.err).toMatch(/未导入  .*photo\.json\n  不是离线交换包（不是 JSON 文件）/);
    expect(first.err).toMatch(/未导入  .*other\.json\n  不是有效的离线交换包/);
    expect(first.err).toMatch(/未导入  .*v1\.submission\.json\n  这是单份签名提交件.*fashen sync export-bundle/);
    expect(first.err).toMatch(/找不到文件/);
    // A plain bundle from an older workstation is still taken, and said to be plain.
    const again = await run(home, ['central', 'receive', plainFile, '--json', ...admin], { APW: 'admin-password' });
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject([{ ok: true, encrypted: false, signer: 'alice', results: [{ id: id!, status: 'accepted', repeated: true }] }]);
    expect((await run(home, ['central', 'receive', plainFile, ...admin], { APW: 'admin-password' })).out).toMatch(/未加密的交换包（旧版本工作站导出，或导出时用了 --plain）/);
    expect((await submissions()).filter((x) => x.id === id!)).toHaveLength(1);
    // The admin's list says what each one is, in Chinese.
    const listed = await run(home, ['central', 'submissions', ...admin], { APW: 'admin-password' });
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toMatch(/已接收\s+审核意见书\s+alice\s+\S+〔\d{4}〕\d+号\s+1\s/);
    expect(listed.out).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d\s/m); // China time, not the stored UTC ISO
    // Reviewers cannot hand in bundles for the central system.
    const asAlice = await run(home, ['central', 'receive', file, '--server', central.url, '--user', 'alice', '--password-env', 'PW', '--passphrase-env', 'BPW'], { PW: 'alice-password', BPW: BUNDLE_PASS });
    expect(asAlice.code).toBe(1);
    expect(asAlice.err).toMatch(/需要管理员权限/);
  });

  it('a working-day calendar taken by fashen sync is audited as its own calendar.update entry', async () => {
    const fay = await central.user('fay');
    const home = newDataDir();
    writeCentralLogin(home, { server: central.url, user: 'fay', role: 'reviewer', deviceId: 'cli', token: fay.token!, savedAt: new Date().toISOString() });
    expect((await central.admin.request('PUT', '/v1/admin/calendar', { json: testCalendar() })).status).toBe(200);
    const first = await run(home, ['sync']);
    expect(first.code, first.err).toBe(0);
    expect((await run(home, ['sync'])).code).toBe(0); // unchanged the second time: no second entry
    const local = workstation(home, () => null as never);
    try {
      const log = local.audit.log.list();
      expect(log.filter((e) => e.action === 'calendar.update').map((e) => e.detail)).toEqual([{ years: [2099], source: testCalendar().source, origin: 'sync', via: 'cli' }]);
      expect(log.filter((e) => e.action === 'sync.run')).toHaveLength(2);
    } finally {
      local.close();
    }
  });
});
