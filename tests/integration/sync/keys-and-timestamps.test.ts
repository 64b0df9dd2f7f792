// Reviewer keys and timestamps between the workstation and the real central server on loopback
// (issues 5/6): a key made offline signs, is registered at login/sync and the opinion is accepted; a
// key made while logged in is registered at once; revocation now or at the next sync, after which
// the server refuses what the key signed; timestamps from the central server's TSA added before the
// first send — never to an entry that may already be on the server — held while a configured TSA
// fails, and said plainly when none is configured.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as t from '../../../src/main/db/schema';
import { Workstation } from '../../../src/main/workstation';
import { DevelopmentCa, verifyPdf, verifySubmission } from '../../../src/main/services/signing';
import { buildOutboxBundle } from '../../../src/main/services/sync/bundle';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { revisionHashOf } from '../../../src/main/services/importer';
import { writeCentralLogin } from '../../../src/main/services/sync/central-login';
import type { CertificateAnswer, SubmissionSummary } from '../../../src/shared/sync/protocol';
import { buildNode, ENTRIES } from '../../../scripts/build-node.mjs';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { enrol, upload } from '../../helpers/server-fixtures';
import { buildPackage, tempDir, type BuiltPackage } from '../../helpers/package-builder';
import { startTestTsa } from '../signing/tsa';
import { FAST_RETRY, filesOf, newDataDir, outbox, queueOpinion, TODAY } from './fixtures';

const PASS = 'reviewer passphrase 1';
let central: CentralUnderTest;
let alice: Client;

const submissions = async () => (await central.admin.get('/v1/admin/submissions')).json as SubmissionSummary[];
const serverKey = async (keyId: string) => (await alice.get(`/v1/certificates/${keyId}`)).json as CertificateAnswer;
const login = (dataDir: string, server = central.url) => writeCentralLogin(dataDir, { server, user: 'alice', role: 'reviewer', deviceId: 'test', token: alice.token!, savedAt: new Date().toISOString() });

/** A case on the server, assigned to alice. */
async function serverCase(): Promise<BuiltPackage> {
  const pkg = await buildPackage(tempDir());
  const r = await upload(central.admin, pkg);
  expect(r.status, r.body.toString()).toBe(201);
  expect((await central.admin.post(`/v1/admin/cases/${pkg.manifest.case.id}/assign`, { user: 'alice' })).status).toBe(200);
  return pkg;
}

/** The workstation as the app and CLI run it: sync through the saved login (central.json). */
function open(dataDir: string, env: NodeJS.ProcessEnv = {}): Workstation {
  const ws = new Workstation({ dataDir, today: () => TODAY, sync: { retry: FAST_RETRY, env } });
  ws.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  return ws;
}

function conclude(ws: Workstation, caseId: string, type: '同意' | '其他意见' = '同意'): void {
  if (ws.review.get(caseId).conclusion) ws.review.reopen(caseId);
  for (const p of ws.review.get(caseId).points) {
    for (const f of p.automatic.filter((x) => x.severity === 'fail')) ws.review.override(caseId, f.id, '经核实，承办机构已补正，不影响认定');
    ws.review.setPoint(caseId, p.id, { decision: 'ok', note: '' });
  }
  ws.review.conclude(caseId, type, type === '同意' ? '经审核，同意承办机构的处理意见。' : '建议在决定书中写明罚款的缴款期限。');
}

async function sign(ws: Workstation, caseId: string) {
  const preview = await ws.opinions.preview(caseId);
  return ws.opinions.sign(caseId, preview.contentHash, PASS);
}

const blob = async (ws: Workstation, sha: string) => new Uint8Array(await ws.blobs.read(sha));
const payloadOf = (ws: Workstation, id: string) => JSON.parse(ws.sync.state.byId(id)!.payloadJson) as { signature: { chain: string[]; timestamp?: { status: string } } };

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
}, 120_000);
afterAll(async () => central?.close());

describe('key registration (证书登记)', () => {
  it('a key made offline signs at once; at the next sync it is registered, the opinion stamped and accepted', async () => {
    const pkg = await serverCase();
    const home = newDataDir();
    const ws = open(home);
    try {
      // Offline: the same case package arrives locally; key and signature need no network.
      await ws.importer.importOne(pkg.dir);
      const created = await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS);
      expect(created.active).toMatchObject({ devCa: true, registration: { state: 'local' } });
      expect(created.central).toBeNull();
      const keyId = created.active!.keyId;
      conclude(ws, pkg.manifest.case.id);
      const rec = await sign(ws, pkg.manifest.case.id);
      expect(rec).toMatchObject({ timestamp: 'pending', submission: 'queued' });

      // Login, then one sync: key registered, entry stamped before its first send, accepted.
      login(home);
      expect(ws.opinions.keys.view().active!.registration).toMatchObject({ state: 'pending' });
      const r = await ws.sync.run();
      expect(r.outcome, r.line).toBe('synced');
      expect(r.summary).toMatchObject({ sent: 1, enrolled: 1, stamped: 1, unstamped: 0 });
      expect(r.line).toBe('已同步 · 发送 1 件');
      expect(r.notes!.join('\n')).toMatch(/已登记到中心系统/);
      expect((await submissions()).find((s) => s.id === rec.opinionId)).toMatchObject({ status: 'accepted' });
      expect(await serverKey(keyId)).toMatchObject({ user: 'alice', status: 'active' });

      // The key now carries the central certificate; the opinion kept what it was signed with.
      const view = ws.opinions.keys.view();
      expect(view.active).toMatchObject({ keyId, devCa: false, registration: { state: 'enrolled', server: central.url } });
      expect(view.active!.issuer).toMatch(/中心系统开发 CA/);
      const sent = payloadOf(ws, rec.opinionId);
      expect(sent.signature.timestamp).toMatchObject({ status: 'granted' });
      expect(sent.signature.chain[1]).toBe((await DevelopmentCa.open(home)).certificatePem);

      // The record follows: stamped submission JSON and PDF, both verifying with their timestamps.
      const after = ws.opinions.records(pkg.manifest.case.id)[0]!;
      expect(after).toMatchObject({ opinionId: rec.opinionId, timestamp: 'granted', submission: 'accepted' });
      expect(after.pdfSha256).not.toBe(rec.pdfSha256);
      const anchors = await ws.opinions.keys.trustAnchors();
      const pdf = await verifyPdf(await blob(ws, after.pdfSha256), { trustAnchors: anchors });
      expect(pdf.valid, pdf.reason).toBe(true);
      expect(pdf.signatures[0]!.timestamp).toMatchObject({ status: 'valid' });
      const sub = await verifySubmission(new TextDecoder().decode(await blob(ws, after.submissionSha256)), { trustAnchors: anchors });
      expect(sub.valid, sub.reason).toBe(true);
      expect(sub.timestamp).toMatchObject({ status: 'valid' });
      expect(sub.devCa).toBe(true); // signed before registration: the local chain, said plainly

      // Signed after registration: the central chain, accepted, verifies as not the local dev CA.
      conclude(ws, pkg.manifest.case.id, '其他意见');
      const v2 = await sign(ws, pkg.manifest.case.id);
      expect(payloadOf(ws, v2.opinionId).signature.chain[1]).not.toBe(sent.signature.chain[1]);
      // The central TSA is known since the last sync: stamped right at signing, not at the sync.
      expect(v2.timestamp).toBe('granted');
      const r2 = await ws.sync.run();
      expect(r2.summary).toMatchObject({ sent: 1, enrolled: 0, stamped: 0 });
      const v2sub = await verifySubmission(new TextDecoder().decode(await blob(ws, ws.opinions.records(pkg.manifest.case.id)[0]!.submissionSha256)), { trustAnchors: await ws.opinions.keys.trustAnchors() });
      expect(v2sub).toMatchObject({ valid: true, devCa: false, signer: { commonName: 'alice' } });
    } finally {
      ws.close();
    }
  });

  it('a key made while logged in is registered at once and signs with the central certificate', async () => {
    const pkg = await serverCase();
    const home = newDataDir();
    login(home);
    const ws = open(home);
    try {
      await ws.sync.run();
      expect(ws.cases.load(pkg.manifest.case.id)).toBeTruthy();
      const view = await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS);
      expect(view.central).toEqual({ server: central.url, user: 'alice' });
      expect(view.centralNotice).toBeNull();
      expect(view.active).toMatchObject({ devCa: false, registration: { state: 'enrolled' } });
      expect(await serverKey(view.active!.keyId)).toMatchObject({ status: 'active', user: 'alice' });
      conclude(ws, pkg.manifest.case.id);
      const rec = await sign(ws, pkg.manifest.case.id);
      expect(payloadOf(ws, rec.opinionId).signature.chain[0]).toBe(ws.opinions.keys.store.getKey(view.active!.keyId).chain[0]);
      expect(rec.timestamp).toBe('granted'); // stamped at signing (the central TSA is known)
      const r = await ws.sync.run();
      expect(r.summary).toMatchObject({ sent: 1, enrolled: 0, stamped: 0 });
      expect((await submissions()).find((s) => s.id === rec.opinionId)).toMatchObject({ status: 'accepted' });
    } finally {
      ws.close();
    }
  });

  it('a preview made with the local certificate cannot be signed once the central one arrived', async () => {
    const pkg = await serverCase();
    const home = newDataDir();
    const ws = open(home);
    try {
      await ws.importer.importOne(pkg.dir);
      await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS);
      conclude(ws, pkg.manifest.case.id);
      const preview = await ws.opinions.preview(pkg.manifest.case.id);
      login(home);
      await ws.opinions.keys.contactCentral();
      await expect(ws.opinions.sign(pkg.manifest.case.id, preview.contentHash, PASS)).rejects.toThrow(/签名证书在预览后已更换/);
      expect((await sign(ws, pkg.manifest.case.id)).version).toBe(1);
    } finally {
      ws.close();
    }
  });
});

describe('revocation (吊销)', () => {
  it('revoked while logged in: the server knows at once and refuses what the key signed but had not sent', async () => {
    const pkg = await serverCase();
    const home = newDataDir();
    login(home);
    const ws = open(home);
    try {
      await ws.sync.run();
      const keyId = (await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS)).active!.keyId;
      conclude(ws, pkg.manifest.case.id);
      const rec = await sign(ws, pkg.manifest.case.id);
      const view = await ws.opinions.keys.revoke(keyId, '笔记本电脑遗失');
      expect(view.active).toBeNull();
      expect(view.keys[0]).toMatchObject({ status: 'revoked', revocationReason: '笔记本电脑遗失', revocationReported: true });
      expect(await serverKey(keyId)).toMatchObject({ status: 'revoked', revokeReason: '笔记本电脑遗失' });
      await expect(ws.opinions.keys.unlock(keyId, PASS)).rejects.toThrow(/已吊销/);
      // Revoking again changes nothing.
      expect((await ws.opinions.keys.revoke(keyId, '另一个原因')).keys[0]!.revocationReason).toBe('笔记本电脑遗失');

      const r = await ws.sync.run();
      expect(r.summary.rejected).toBe(1);
      expect(ws.sync.state.byId(rec.opinionId)).toMatchObject({ state: 'rejected', lastError: expect.stringMatching(/^签名证书已吊销：笔记本电脑遗失/) });
    } finally {
      ws.close();
    }
  });

  it('revoked offline: recorded here at once, told to the central system at the next sync before anything is sent', async () => {
    const pkg = await serverCase();
    const home = newDataDir();
    login(home);
    const ws = open(home);
    try {
      await ws.sync.run();
      const keyId = (await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS)).active!.keyId;
      conclude(ws, pkg.manifest.case.id);
      const rec = await sign(ws, pkg.manifest.case.id);
      login(home, 'http://127.0.0.1:9'); // the network is gone
      const view = await ws.opinions.keys.revoke(keyId, '审核员调离');
      expect(view.centralNotice).toMatch(/中心系统暂时无法连接.*下次同步时告知中心/);
      expect(view.keys[0]).toMatchObject({ status: 'revoked', revocationReported: false });
      expect(await serverKey(keyId)).toMatchObject({ status: 'active' });

      login(home);
      const r = await ws.sync.run();
      expect(r.notes!.join('\n')).toMatch(/已告知中心系统：签名密钥 .+ 已吊销/);
      expect(await serverKey(keyId)).toMatchObject({ status: 'revoked', revokeReason: '审核员调离' });
      expect(ws.sync.state.byId(rec.opinionId)!.state).toBe('rejected');
      expect(ws.opinions.keys.view().keys[0]!.revocationReported).toBe(true);
    } finally {
      ws.close();
    }
  });
});

describe('timestamps before the first send (补加时间戳)', () => {
  it('a configured TSA that fails holds the entries (nothing sent, never a local time); the next sync stamps and sends', async () => {
    const home = newDataDir();
    login(home);
    const signer = await enrol(alice, 'alice');
    const pkg = await serverCase();
    const c = { caseId: pkg.manifest.case.id, caseNumber: pkg.manifest.case.caseNumber, revision: 1, revisionHash: revisionHashOf(pkg.manifest) };
    const down = open(home, { FASHEN_TSA_URL: 'http://127.0.0.1:9/tsa' });
    let id: string;
    try {
      id = await queueOpinion(down, signer, c, 'alice');
      const r = await down.sync.run();
      expect(r.outcome).toBe('error');
      expect(r.line).toMatch(/^出错（时间戳未能加盖（时间戳服务不可用：.*）：1 件提交暂缓发送/);
      expect(outbox(down)[0]).toMatchObject({ state: 'queued', attempts: 0 });
      expect(payloadOf(down, id).signature.timestamp).toBeUndefined();
      expect((await submissions()).some((s) => s.id === id)).toBe(false);
    } finally {
      down.close();
    }
    const up = open(home);
    try {
      const r = await up.sync.run();
      expect(r.outcome, r.line).toBe('synced');
      expect(r.summary).toMatchObject({ sent: 1, stamped: 1 });
      expect(payloadOf(up, id).signature.timestamp).toMatchObject({ status: 'granted' });
      expect((await submissions()).filter((s) => s.id === id)).toMatchObject([{ status: 'accepted' }]);
    } finally {
      up.close();
    }
  });

  it('never stamps an entry that may already be on the server: a lost answer, and an offline bundle', async () => {
    const home = newDataDir();
    login(home);
    const ws = open(home);
    try {
      await ws.sync.run();
      await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS);
      const signer = await enrol(alice, 'alice');
      const pkg = await serverCase();
      const c = { caseId: pkg.manifest.case.id, caseNumber: pkg.manifest.case.caseNumber, revision: 1, revisionHash: revisionHashOf(pkg.manifest) };

      // 1. Sent unstamped, the answer lost (the try was counted before it left).
      const lost = await queueOpinion(ws, signer, c, 'alice');
      const row = ws.sync.state.byId(lost)!;
      const file = JSON.parse(row.payloadJson);
      const first = await alice.post('/v1/submissions', { id: lost, kind: 'opinion', caseId: c.caseId, caseRevisionHash: c.revisionHash, payload: file.content, signature: file.signature });
      expect(first.json.status).toBe('accepted');
      ws.sync.state.beginAttempt(lost);

      // 2. Carried in an offline bundle and imported by an admin before the next sync.
      const carried = await queueOpinion(ws, signer, c, 'alice', new Date(Date.now() + 1000).toISOString());
      const bundle = await buildOutboxBundle(ws.sync.state, ws.opinions.keys, PASS);
      expect(bundle.submissions.map((s) => s.id)).toEqual([lost, carried]);
      expect(ws.sync.state.byId(carried)!.attempts).toBe(1);
      const imported = await central.admin.post('/v1/admin/bundles', bundle);
      expect(imported.status, imported.body.toString()).toBe(200);

      const r = await ws.sync.run();
      expect(r.outcome, r.line).toBe('synced');
      expect(r.summary).toMatchObject({ sent: 2, stamped: 0 });
      for (const id of [lost, carried]) {
        expect(payloadOf(ws, id).signature.timestamp).toBeUndefined();
        expect(ws.sync.state.byId(id)!.state).toBe('accepted');
        expect((await submissions()).filter((s) => s.id === id)).toHaveLength(1);
      }
    } finally {
      ws.close();
    }
  });

  it('no TSA configured: sent as signed, and the status line says so; FASHEN_TSA_URL names one', async () => {
    const memory = new MemoryCentral();
    const pkg = await buildPackage(tempDir());
    memory.publish(pkg.manifest, filesOf(pkg));
    const queue = (ws: Workstation) => {
      const id = crypto.randomUUID();
      const content = { schema: 'fashen.minutes/1', case: { id: pkg.manifest.case.id, revisionHash: revisionHashOf(pkg.manifest) }, conclusion: '同意' };
      const signature = { algorithm: 'ed25519', keyId: 'k1', signature: 'c2lnbmF0dXJl', contentHash: '0'.repeat(64) };
      const at = new Date().toISOString();
      ws.store.db.insert(t.outbox).values({ id, kind: 'minutes', caseId: pkg.manifest.case.id, payloadJson: JSON.stringify({ format: 'fashen-signed-submission', version: 1, content, signature }), state: 'queued', createdAt: at, updatedAt: at }).run();
      return id;
    };
    const none = new Workstation({ dataDir: newDataDir(), today: () => TODAY, sync: { connect: () => memory.transport(), retry: FAST_RETRY, env: {} } });
    try {
      const id = queue(none);
      const before = none.sync.state.byId(id)!.payloadJson;
      const r = await none.sync.run();
      expect(r.line).toBe('已同步 · 拉取 1 个案件 · 发送 1 件 · 1 件未加盖时间戳（未配置时间戳服务）');
      expect(r.notes).toContain('1 件提交未加盖时间戳（未配置时间戳服务），签名时间仅为签名人电脑时间');
      expect(none.sync.state.byId(id)!.payloadJson).toBe(before);
    } finally {
      none.close();
    }

    const ca = await DevelopmentCa.open(tempDir('tsa-ca-'));
    const tsa = await startTestTsa(ca);
    const own = new Workstation({ dataDir: newDataDir(), today: () => TODAY, sync: { connect: () => memory.transport(), retry: FAST_RETRY, env: { FASHEN_TSA_URL: tsa.url } } });
    try {
      const id = queue(own);
      const r = await own.sync.run();
      expect(r.summary).toMatchObject({ stamped: 1, unstamped: 0, sent: 1 });
      expect(tsa.requests).toBe(1);
      expect(memory.submissions.get(id)!.request.signature).toMatchObject({ timestamp: { status: 'granted' } });
    } finally {
      own.close();
      await tsa.close();
    }
  });
});

describe('fashen keys / fashen login', () => {
  const run = (home: string, args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; out: string; err: string }>((res) => {
      const p = spawn(process.execPath, [ENTRIES.cli.out, ...args], { env: { ...process.env, FASHEN_HOME: home, ...env } });
      let out = '';
      let err = '';
      p.stdout.on('data', (c: Buffer) => (out += c.toString()));
      p.stderr.on('data', (c: Buffer) => (err += c.toString()));
      p.on('close', (code) => res({ code, out, err }));
    });

  it('keys create offline → login registers it → keys list → keys revoke tells the central system', async () => {
    await buildNode(['cli']);
    await central.user('dave', 'reviewer', 'dave-password-1');
    const home = newDataDir();
    const created = await run(home, ['keys', 'create', '--name', '李审核', '--agency', '测试市市场监督管理局', '--passphrase-env', 'PW'], { PW: PASS });
    expect(created.code, created.err).toBe(0);
    expect(created.err).toMatch(/已创建签名密钥 [0-9a-f]{32}：仅本机开发 CA（登录中心系统后登记）/);
    const keyId = /已创建签名密钥 ([0-9a-f]{32})/.exec(created.err)![1]!;

    const loggedIn = await run(home, ['login', '--server', central.url, '--user', 'dave', '--password-env', 'PW'], { PW: 'dave-password-1' });
    expect(loggedIn.code, loggedIn.err).toBe(0);
    expect(loggedIn.out).toContain(`已将签名密钥 ${keyId} 登记到中心系统`);
    expect(await serverKey(keyId)).toMatchObject({ user: 'dave', status: 'active' });
    const list = await run(home, ['keys', 'list']);
    expect(list.out).toMatch(new RegExp(`使用中\\t${keyId}\\t.*已登记到中心（${central.url}）`));

    expect((await run(home, ['keys', 'revoke', keyId])).code).toBe(2);
    expect((await run(home, ['keys', 'revoke', 'nope', '--reason', '离职交接'])).code).toBe(2);
    expect((await run(home, ['keys', 'revoke', '0'.repeat(32), '--reason', '离职交接'])).code).toBe(1);
    const revoked = await run(home, ['keys', 'revoke', keyId, '--reason', '离职交接']);
    expect(revoked.code, revoked.err).toBe(0);
    expect(revoked.err).toContain(`已吊销签名密钥 ${keyId}：吊销（已告知中心）`);
    expect(await serverKey(keyId)).toMatchObject({ status: 'revoked', revokeReason: '离职交接' });
    const json = JSON.parse((await run(home, ['keys', 'list', '--json'])).out);
    expect(json.keys[0]).toMatchObject({ keyId, status: 'revoked', revocationReported: true, registration: { state: 'enrolled' } });
  }, 120_000);
});
