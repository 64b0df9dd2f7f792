// The automatic sync as the shells run it (startShellSession): nothing while logged out; a login
// from the panel brings the reviewer's cases without a click; while the line is down the queued
// opinion waits (离线（1 项待发送）) and goes out by itself when the line comes back, exactly once;
// only the runs that changed something enter the audit chain; locking stops it, unlocking resumes;
// the reviewer's switch in the panel turns it off and on.
// Real central server, real HTTP through the fault proxy; the delays shortened, never asserted on.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { startShellSession } from '../../../src/main/shell-session';
import type { WorkstationSession } from '../../../src/main/services/lock/session';
import type { SyncStatusView } from '../../../src/shared/api/sync';
import type { SubmissionSummary } from '../../../src/shared/sync/protocol';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy';
import { tempDir } from '../../helpers/package-builder';
import { startCentral, type CentralUnderTest } from '../../helpers/server';
import { enrol, type Signer } from '../../helpers/server-fixtures';
import { FAST_RETRY, newDataDir, packageWithFiles, publish, queueOpinion, TODAY } from './fixtures';

let central: CentralUnderTest;
let proxy: FaultProxy;
let signer: Signer;
let session: WorkstationSession;
let kase: Awaited<ReturnType<typeof publish>>;

const ws = () => session.current()!;
const syncRuns = () => ws().audit.log.list().filter((e) => e.action === 'sync.run');

beforeAll(async () => {
  central = await startCentral();
  const alice = await central.user('alice');
  signer = await enrol(alice, 'alice');
  kase = await publish(central.admin, await packageWithFiles(tempDir(), [30_000, 2_000]), 'alice');
  proxy = await startFaultProxy(Number(new URL(central.url).port));
  session = await startShellSession({
    shell: 'host',
    workstation: { dataDir: newDataDir(), today: () => TODAY, sync: { retry: FAST_RETRY } },
    keys: { allowDevKey: true },
    env: {},
    autoSyncTiming: { firstMs: 20, soonMs: 20, idleMs: 150, retryMinMs: 60, retryMaxMs: 240 },
  });
});

afterAll(async () => {
  await session?.close();
  await proxy?.close();
  await central?.close();
});

it('logged out: no run at all; the panel says the app syncs by itself once logged in', async () => {
  await new Promise((r) => setTimeout(r, 400));
  expect(ws().sync.status().lastSyncAt).toBeNull();
  expect(syncRuns()).toEqual([]);
  const v = await dispatch(session.handlers, 'sync.status', {});
  expect(v.ok && (v.value as SyncStatusView).auto).toEqual({ enabled: true, nextAt: expect.any(String) });
});

it('FASHEN_AUTO_SYNC=off: only by hand (the panel says so)', async () => {
  const off = await startShellSession({ shell: 'host', workstation: { dataDir: newDataDir(), today: () => TODAY }, keys: { allowDevKey: true }, env: { FASHEN_AUTO_SYNC: 'off' } });
  try {
    const v = await dispatch(off.handlers, 'sync.status', {});
    expect(v.ok && (v.value as SyncStatusView).auto).toBeNull();
  } finally {
    await off.close();
  }
});

it('a login from the panel brings her cases without a click', async () => {
  const r = await dispatch(session.handlers, 'sync.login', { server: proxy.url, user: 'alice', password: 'alice-password' });
  expect(r.ok).toBe(true);
  await vi.waitFor(() => expect(ws().cases.load(kase.caseId)?.row.offline).toBe(true), { timeout: 15_000, interval: 50 });
  // Recorded once the run has answered.
  await vi.waitFor(() => expect(syncRuns()).toHaveLength(1), { timeout: 5_000, interval: 20 });
  const runs = syncRuns();
  expect(runs[0]!.detail).toMatchObject({ outcome: 'synced', pulled: 1, trigger: 'auto', via: 'browser' });
});

it('the line goes down: the signed opinion waits; the line comes back: it goes out by itself, once', async () => {
  proxy.setMode({ kind: 'reset', afterBytes: 0 });
  const id = await queueOpinion(ws(), signer, kase, 'alice');
  await vi.waitFor(() => expect(ws().sync.status()).toMatchObject({ state: '离线', pending: 1 }), { timeout: 15_000, interval: 50 });
  // A few retries go by while it is down: none of them is an audit entry (nothing changed).
  await new Promise((r) => setTimeout(r, 500));
  expect(syncRuns()).toHaveLength(1);
  expect(ws().sync.state.byId(id)!.state).toBe('queued');

  proxy.setMode({ kind: 'pass' });
  await vi.waitFor(() => expect(ws().sync.state.byId(id)!.state).toBe('accepted'), { timeout: 15_000, interval: 50 });
  expect(ws().sync.status().pending).toBe(0);
  const got = ((await central.admin.get('/v1/admin/submissions')).json as SubmissionSummary[]).filter((s) => s.id === id);
  expect(got).toHaveLength(1);
  expect(got[0]!.status).toBe('accepted');
  await vi.waitFor(() => expect(syncRuns()).toHaveLength(2), { timeout: 5_000, interval: 20 });
  const runs = syncRuns();
  expect(runs[1]!.detail).toMatchObject({ outcome: 'synced', sent: 1, trigger: 'auto' });
});

it('locking stops it (the store closes under no run); unlocking starts it again', async () => {
  await session.lock();
  expect(session.current()).toBeNull();
  const feed = proxy.connections;
  await new Promise((r) => setTimeout(r, 500));
  expect(proxy.connections).toBe(feed); // no run knocked while locked
  await session.unlock();
  const before = ws().sync.status().lastSyncAt;
  await vi.waitFor(() => expect(ws().sync.status().lastSyncAt).not.toBe(before), { timeout: 15_000, interval: 50 });
});

it('switched off in the panel: no run though logged in (recorded as a settings change); on again: a run soon', async () => {
  const off = await dispatch(session.handlers, 'sync.setAuto', { enabled: false });
  expect(off.ok && (off.value as SyncStatusView).auto).toEqual({ enabled: false, nextAt: null });
  await new Promise((r) => setTimeout(r, 300)); // a run already due may still finish
  const knocks = proxy.connections;
  await new Promise((r) => setTimeout(r, 600));
  expect(proxy.connections).toBe(knocks);
  expect(ws().audit.log.list().filter((e) => e.action === 'settings.change').at(-1)!.detail).toMatchObject({ setting: 'autoSync', from: true, to: false });

  const before = ws().sync.status().lastSyncAt;
  const on = await dispatch(session.handlers, 'sync.setAuto', { enabled: true });
  expect(on.ok && (on.value as SyncStatusView).auto?.enabled).toBe(true);
  await vi.waitFor(() => expect(ws().sync.status().lastSyncAt).not.toBe(before), { timeout: 15_000, interval: 50 });
  // Kept in the store: a workstation opened later on the folder has it as left.
  expect(ws().sync.autoEnabled()).toBe(true);
});

it('the window says the network is back: the waiting opinion goes within seconds, not at the next retry minutes away', async () => {
  const own = await startFaultProxy(Number(new URL(central.url).port));
  const far = 600_000; // every retry ten minutes away: only the connection-back call can bring a run sooner
  const s = await startShellSession({
    shell: 'host',
    workstation: { dataDir: newDataDir(), today: () => TODAY, sync: { retry: FAST_RETRY } },
    keys: { allowDevKey: true },
    env: {},
    autoSyncTiming: { firstMs: 20, soonMs: 20, idleMs: far, retryMinMs: far, retryMaxMs: far },
  });
  try {
    const w = s.current()!;
    expect((await dispatch(s.handlers, 'sync.login', { server: own.url, user: 'alice', password: 'alice-password' })).ok).toBe(true);
    await vi.waitFor(() => expect(w.sync.status()).toMatchObject({ state: '已同步', lastSyncAt: expect.any(String) }), { timeout: 15_000, interval: 50 });

    own.setMode({ kind: 'reset', afterBytes: 0 });
    const id = await queueOpinion(w, signer, kase, 'alice');
    w.sync.auto!.poke(); // as signing does
    await vi.waitFor(() => expect(w.sync.status()).toMatchObject({ state: '离线', pending: 1 }), { timeout: 15_000, interval: 50 });
    await vi.waitFor(() => expect(w.sync.auto!.nextAt()).not.toBeNull(), { timeout: 5_000, interval: 20 });
    expect(w.sync.auto!.nextAt()!.getTime() - Date.now()).toBeGreaterThan(far / 2);

    own.setMode({ kind: 'pass' });
    await new Promise((r) => setTimeout(r, 300));
    expect(w.sync.state.byId(id)!.state).toBe('queued'); // the line is back, but nobody has said so

    const back = await dispatch(s.handlers, 'sync.connectionBack', {});
    expect(back.ok).toBe(true);
    const next = (back.ok && (back.value as SyncStatusView).auto?.nextAt) || null;
    expect(next === null || Date.parse(next) - Date.now() < 5_000).toBe(true);
    await vi.waitFor(() => expect(w.sync.state.byId(id)!.state).toBe('accepted'), { timeout: 15_000, interval: 50 });
  } finally {
    await s.close();
    await own.close();
  }
});

it('connectionBack with the automatic sync off (or no login) changes nothing and runs nothing', async () => {
  await dispatch(session.handlers, 'sync.setAuto', { enabled: false });
  await new Promise((r) => setTimeout(r, 300)); // a run already due may still finish
  const knocks = proxy.connections;
  const r = await dispatch(session.handlers, 'sync.connectionBack', {});
  expect(r.ok && (r.value as SyncStatusView).auto).toEqual({ enabled: false, nextAt: null });
  await new Promise((r) => setTimeout(r, 300));
  expect(proxy.connections).toBe(knocks);
  await dispatch(session.handlers, 'sync.setAuto', { enabled: true });
});
