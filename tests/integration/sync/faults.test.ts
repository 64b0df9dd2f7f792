// A seeded randomized fault test: the central server runs as a child process behind the fault
// proxy; syncs run while the proxy switches between pass-through, latency, reset mid-body, cut
// (either direction) and blackhole, while syncs are aborted and the workstation reopened (a crash),
// while `fashen sync` child processes are killed with SIGKILL, and while the server itself is killed
// with SIGKILL and restarted on the same data. New cases and new signed opinions keep arriving.
// At the end: every submission arrived exactly once, every blob is intact, the outbox is empty,
// the cursor is at the end of the feed.
//
// FASHEN_FAULT_SEED=<n> replays a run's sequence of decisions (timing still varies); the seed is
// printed at the start and again on failure. FASHEN_FAULT_MIN (default 200) sets the fault count.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildNode, ENTRIES } from '../../../scripts/build-node.mjs';
import { writeCentralLogin } from '../../../src/main/services/sync/central-login';
import type { Workstation } from '../../../src/main/workstation';
import type { CaseSummary, FeedPage, LoginAnswer, SubmissionSummary } from '../../../src/shared/sync/protocol';
import { startFaultProxy, type FaultMode, type FaultProxy } from '../../helpers/fault-proxy';
import { enrol, type Signer } from '../../helpers/server-fixtures';
import { Client } from '../../helpers/server';
import { tempDir } from '../../helpers/package-builder';
import { killCentral, startCentralProcess, stopCentral, type CentralProcess } from './central-process';
import { httpTransport, newDataDir, outbox, packageWithFiles, publish, queueOpinion, workstation } from './fixtures';

const SEED = process.env.FASHEN_FAULT_SEED ? Number(process.env.FASHEN_FAULT_SEED) : Math.floor(Math.random() * 2 ** 31);
const MIN_FAULTS = Number(process.env.FASHEN_FAULT_MIN ?? 200);
const TIMEOUT_MS = 300;
/** Restarting the server costs ~3 s and a `fashen sync` process ~1 s: a few of each are enough. */
const MAX_SERVER_KILLS = 3;
const MAX_SYNC_KILLS = 4;

/** mulberry32: a small seeded PRNG. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

const rnd = prng(SEED);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let serverData: string;
let server: CentralProcess;
let proxy: FaultProxy;
let admin: Client;
let reviewerToken: string;
let signer: Signer;
let home: string;
let ws: Workstation;
const stats = { rounds: 0, proxyFaults: 0, aborts: 0, serverKills: 0, syncKills: 0, modeSwitches: 0, opinions: 0, cases: 0 };

function randomMode(): FaultMode {
  const k = rnd.pick(['pass', 'latency', 'latency', 'reset', 'reset', 'reset', 'cut', 'cut', 'cut', 'blackhole'] as const);
  switch (k) {
    case 'pass':
      return { kind: 'pass' };
    case 'latency':
      return { kind: 'latency', ms: rnd.int(5, 60) };
    case 'reset':
      return { kind: 'reset', afterBytes: rnd.int(0, 60_000) };
    case 'cut':
      return { kind: 'cut', afterBytes: rnd.int(0, 60_000), direction: rnd.next() < 0.75 ? 'down' : 'up' };
    case 'blackhole':
      return { kind: 'blackhole' };
  }
}

const reviewer = () => new Client(server.url, reviewerToken);

async function currentCases(): Promise<CaseSummary[]> {
  return (await admin.get('/v1/admin/cases')).json as CaseSummary[];
}

async function newCase(): Promise<void> {
  const sizes = Array.from({ length: rnd.int(1, 3) }, () => rnd.int(1_000, 400_000));
  await publish(admin, await packageWithFiles(tempDir(), sizes), 'rita');
  stats.cases++;
}

async function newOpinion(): Promise<void> {
  const c = rnd.pick(await currentCases());
  await queueOpinion(ws, signer, { caseId: c.id, caseNumber: c.caseNumber, revision: c.revision, revisionHash: c.revisionHash }, 'rita');
  stats.opinions++;
}

function openWorkstation(): Workstation {
  return workstation(home, () => httpTransport(proxy.url, reviewerToken, { connect: TIMEOUT_MS, headers: TIMEOUT_MS, body: TIMEOUT_MS }), {
    retry: { retries: 2, minDelay: 5, maxDelay: 60 },
    concurrency: 3,
    pageSize: 4,
  });
}

async function restartServer(): Promise<void> {
  await killCentral(server);
  stats.serverKills++;
  server = await startCentralProcess(serverData);
  admin = new Client(server.url, admin.token);
  proxy.retarget(server.port);
}

/** `fashen sync` in a child process, killed with SIGKILL after a random time. */
async function killedSyncProcess(): Promise<void> {
  const child = spawn(process.execPath, [ENTRIES.cli.out, 'sync'], { env: { ...process.env, FASHEN_HOME: home, FASHEN_SYNC_TIMEOUT_MS: String(TIMEOUT_MS), FASHEN_SYNC_RETRIES: '2' }, stdio: 'ignore' });
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  await Promise.race([sleep(rnd.int(200, 1_500)), exited]);
  if (child.exitCode === null) {
    child.kill('SIGKILL');
    stats.syncKills++;
  }
  await exited;
}

/** One round: a sync under a random mode, with random events while it runs. */
async function round(): Promise<void> {
  stats.rounds++;
  proxy.setMode(randomMode());
  if (rnd.next() < 0.25) await newOpinion();
  if (rnd.next() < 0.06) await newCase();
  if (rnd.next() < 0.08 && stats.syncKills < MAX_SYNC_KILLS) {
    await killedSyncProcess();
    return;
  }
  const controller = new AbortController();
  const run = ws.sync.run({ signal: controller.signal });
  const events = rnd.int(1, 4);
  let crashed = false;
  let killedServer: Promise<void> | null = null;
  for (let i = 0; i < events; i++) {
    await Promise.race([sleep(rnd.int(0, 250)), run]);
    const roll = rnd.next();
    if (roll < 0.55) {
      proxy.setMode(randomMode());
      stats.modeSwitches++;
    } else if (roll < 0.85 && !crashed) {
      controller.abort(new Error('simulated crash'));
      crashed = true;
      stats.aborts++;
    } else if (roll < 0.93 && !killedServer && stats.serverKills < MAX_SERVER_KILLS) {
      killedServer = restartServer();
    }
  }
  await run;
  if (killedServer) await killedServer;
  if (crashed) {
    // The process "dies": a fresh workstation on the same data folder takes over.
    ws.close();
    ws = openWorkstation();
  }
}

beforeAll(async () => {
  console.log(`fault test seed: FASHEN_FAULT_SEED=${SEED}`);
  await buildNode(['cli']);
  serverData = tempDir('central-faults-');
  server = await startCentralProcess(serverData, { ADMIN_PW: 'admin-faults-pw' }, ['--init-admin', 'admin', '--password-env', 'ADMIN_PW']);
  const anon = new Client(server.url);
  const login = async (user: string, password: string) => ((await anon.post('/v1/login', { user, password, device: `${user}-test` })).json as LoginAnswer).token;
  admin = new Client(server.url, await login('admin', 'admin-faults-pw'));
  expect((await admin.post('/v1/admin/users', { name: 'rita', role: 'reviewer', password: 'rita-password' })).status).toBe(201);
  reviewerToken = await login('rita', 'rita-password');
  signer = await enrol(reviewer(), 'rita');
  proxy = await startFaultProxy(server.port);
  home = newDataDir();
  writeCentralLogin(home, { server: proxy.url, user: 'rita', role: 'reviewer', deviceId: 'test', token: reviewerToken, savedAt: new Date().toISOString() });
  for (let i = 0; i < 6; i++) await newCase();
  ws = openWorkstation();
  for (let i = 0; i < 8; i++) await newOpinion();
}, 120_000);

afterAll(async () => {
  ws?.close();
  await proxy?.close();
  if (server) await stopCentral(server);
});

it(`survives ≥${MIN_FAULTS} injected faults: every submission exactly once, every blob intact, outbox empty, cursor at the end`, async () => {
  const started = performance.now();
  const injected = () => proxy.faults + stats.aborts + stats.serverKills + stats.syncKills;
  try {
    while (injected() < MIN_FAULTS) await round();
    stats.proxyFaults = proxy.faults;

    // Calm: pass-through, and syncs until everything is through.
    proxy.setMode({ kind: 'pass' });
    let last = await ws.sync.run();
    for (let i = 0; i < 5 && (last.outcome !== 'synced' || last.status.pending > 0); i++) last = await ws.sync.run();
    expect(last.outcome, last.line).toBe('synced');

    // Every submission arrived exactly once (and nothing else arrived).
    const rows = outbox(ws);
    const onServer = (await admin.get('/v1/admin/submissions')).json as SubmissionSummary[];
    expect(rows.length).toBe(stats.opinions + 0);
    expect(rows.every((r) => r.state === 'accepted')).toBe(true);
    expect(onServer.map((s) => s.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(onServer.every((s) => s.status === 'accepted')).toBe(true);

    // Every case as the server has it, every blob intact.
    const central = await currentCases();
    expect(ws.cases.count()).toBe(central.length);
    for (const c of central) {
      const local = ws.cases.load(c.id)!;
      expect(local.row).toMatchObject({ revisionHash: c.revisionHash, offline: true });
      for (const sha of local.blobs.keys()) expect(await ws.blobs.verify(sha)).toBe('ok');
    }
    expect(readdirSync(join(home, 'sync', 'blobs'))).toEqual([]);

    // The cursor is at the end of the feed.
    const feed = (await reviewer().get(`/v1/feed?after=${ws.sync.state.cursor()}`)).json as FeedPage;
    expect(feed.entries).toEqual([]);
    const all = (await reviewer().get('/v1/feed?after=0&limit=1000')).json as FeedPage;
    expect(ws.sync.state.cursor()).toBe(all.next);
  } catch (err) {
    console.error(`fault test FAILED — replay with FASHEN_FAULT_SEED=${SEED}\nserver log tail:\n${server.log.slice(-20).join('\n')}`);
    throw err;
  } finally {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`fault test seed ${SEED}: ${injected()} faults injected (proxy ${proxy.faults}, sync aborts ${stats.aborts}, sync processes killed ${stats.syncKills}, server kills ${stats.serverKills}; ${stats.modeSwitches} mode switches mid-sync) in ${stats.rounds} rounds, ${stats.opinions} submissions, ${stats.cases} cases, ${seconds} s`);
  }
}, 180_000);
