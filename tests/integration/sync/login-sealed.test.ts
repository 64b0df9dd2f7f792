// The saved central login on a lost laptop: the device token in <data>/central.json is sealed with
// the workstation's cache key (services/sync/login.ts), so the data folder alone does not carry it.
// Against the real central server on loopback: the app's login form and a sync, before and after a
// lock; `fashen login` and `fashen sync` with the cache passphrase; a login saved in the clear by an
// older version sealed at the first unlock; a file sealed under another key (or edited, or damaged)
// counts as not logged in, with the reason; whether one is logged in is readable while locked.
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildNode, ENTRIES } from '../../../scripts/build-node.mjs';
import { dispatch } from '../../../src/main/dispatch';
import { createKeyring, readKeyring, unlockKeyring } from '../../../src/main/services/cache-crypto/keyring';
import type { WorkstationSession } from '../../../src/main/services/lock/session';
import { writeCentralLogin } from '../../../src/main/services/sync/central-login';
import { centralLoginProblem, openCentralLogin, readCentralLogin } from '../../../src/main/services/sync/login';
import { syncStatusView } from '../../../src/main/services/sync/status-view';
import { startShellSession } from '../../../src/main/shell-session';
import { Workstation } from '../../../src/main/workstation';
import { startCentral, type CentralUnderTest } from '../../helpers/server';
import { tempDir } from '../../helpers/package-builder';
import { FAST_RETRY, TODAY, packageWithFiles, publish } from './fixtures';

const PASSWORD = 'bob-password';
const CACHE_PASS = '缓存口令 login-sealed 2026';
const posix = process.platform !== 'win32';
let central: CentralUnderTest;

beforeAll(async () => {
  central = await startCentral();
  await central.user('bob', 'reviewer', PASSWORD);
  await publish(central.admin, await packageWithFiles(tempDir(), [5_000]), 'bob');
}, 120_000);
afterAll(async () => central?.close());

let session: WorkstationSession | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
  const r = (await dispatch(session!.handlers, name, input)) as { ok: boolean; value?: T; error?: { message: string } };
  expect(r.ok, JSON.stringify(r.error)).toBe(true);
  return r.value as T;
};

/** A passphrase-protected data folder, as the host and the CLI make one. */
async function passphraseHome(prefix: string): Promise<string> {
  const home = tempDir(prefix);
  (await createKeyring(home, { kind: 'passphrase', passphrase: CACHE_PASS })).wipe();
  return home;
}

function startSession(home: string, passphrase?: string): Promise<WorkstationSession> {
  return startShellSession({ shell: 'host', workstation: { dataDir: home, today: () => TODAY, sync: { retry: FAST_RETRY, env: {} } }, keys: { passphrase, allowDevKey: true }, env: { FASHEN_AUTO_SYNC: 'off' } });
}

/** The saved file: its bytes must not hold the token, and its JSON has no clear token field. */
function expectSealed(home: string, token: string): void {
  const bytes = readFileSync(join(home, 'central.json'));
  expect(bytes.includes(Buffer.from(token, 'utf8'))).toBe(false);
  const saved = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  expect(saved).not.toHaveProperty('token');
  expect(saved).toMatchObject({ server: central.url, user: 'bob', tokenSealed: expect.any(String) });
  if (posix) expect(statSync(join(home, 'central.json')).mode & 0o777).toBe(0o600);
  // No temporary, and no second name left for the clear file’s blocks.
  expect(readdirSync(home).filter((f) => f.startsWith('central.json') && f !== 'central.json')).toEqual([]);
}

describe('the saved login token is sealed with the cache key', () => {
  it('the app’s login saves no token in the clear; sync runs after the login and after a lock and unlock; logged in is readable while locked', async () => {
    const home = await passphraseHome('sealed-app-');
    session = await startSession(home, CACHE_PASS);
    await call('sync.login', { server: central.url, user: 'bob', password: PASSWORD });
    const token = openCentralLogin(home, session.current()!.cacheKey)!.token;
    expect(token.length).toBeGreaterThan(8);
    expectSealed(home, token);
    // The token in the clear would have been enough for the feed (the tester’s curl): it is the real one.
    expect((await fetch(`${central.url}/v1/feed?after=0`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    const first = await call<{ outcome: string; summary: { pulled: number } }>('sync.run');
    expect(first).toMatchObject({ outcome: 'synced', summary: { pulled: 1 } });

    await call('app.lock');
    expect(session.current()).toBeNull();
    // Locked, without the key: the status line, the update feed and the auto-sync still know the login.
    expect(readCentralLogin(home)).toEqual({ server: central.url, user: 'bob' });
    expect(centralLoginProblem(home)).toBeNull();

    await call('app.unlock', { passphrase: CACHE_PASS });
    expect((await call<{ login: unknown }>('sync.status')).login).toEqual({ server: central.url, user: 'bob' });
    expect(await call('sync.run')).toMatchObject({ outcome: 'synced' });
    expectSealed(home, token);
  }, 60_000);

  it('a login saved in the clear by an older version is sealed at the first unlock, and still syncs', async () => {
    const home = await passphraseHome('sealed-migrate-');
    const bob = await central.login('bob', PASSWORD);
    const old = { server: central.url, user: 'bob', role: 'reviewer', deviceId: 'old', token: bob.token!, savedAt: '2026-01-01T00:00:00.000Z' };
    writeFileSync(join(home, 'central.json'), `${JSON.stringify(old, null, 2)}\n`, { mode: 0o600 });

    // Locked (no passphrase given): nothing can be sealed yet; logged in is still known.
    session = await startSession(home);
    expect(session.current()).toBeNull();
    expect(readCentralLogin(home)).toEqual({ server: central.url, user: 'bob' });
    expect(readFileSync(join(home, 'central.json'), 'utf8')).toContain(bob.token!);

    await call('app.unlock', { passphrase: CACHE_PASS });
    expectSealed(home, bob.token!);
    expect(JSON.parse(readFileSync(join(home, 'central.json'), 'utf8'))).toMatchObject({ role: 'reviewer', deviceId: 'old', savedAt: old.savedAt });
    expect(openCentralLogin(home, session.current()!.cacheKey)).toEqual({ server: central.url, user: 'bob', token: bob.token });
    expect(await call('sync.run')).toMatchObject({ outcome: 'synced' });
  }, 60_000);

  it('a login sealed under another key, edited or damaged counts as not logged in, with the reason; nothing crashes', async () => {
    const other = tempDir('sealed-other-');
    writeCentralLogin(other, { server: central.url, user: 'bob', role: 'reviewer', deviceId: 'x', token: 'another-machines-token' });
    const home = tempDir('sealed-foreign-');
    const ws = new Workstation({ dataDir: home, today: () => TODAY, sync: { retry: FAST_RETRY, env: {} } });
    try {
      copyFileSync(join(other, 'central.json'), join(home, 'central.json'));
      // Told without the key (keyring.json names another key) and with it.
      expect(readCentralLogin(home)).toBeNull();
      expect(readCentralLogin(home, ws.cacheKey)).toBeNull();
      expect(centralLoginProblem(home)).toMatch(/另一把缓存密钥.*请重新登录中心系统/);
      expect(syncStatusView(ws.sync, home, ws.cacheKey).login).toBeNull();
      const r = await ws.sync.run();
      expect(r.outcome).toBe('error');
      expect(r.line).toMatch(/请重新登录中心系统/);

      // Sealed here, then the address edited in the file: bound to its server, the token is not sent there.
      writeCentralLogin(home, { server: central.url, user: 'bob', role: 'reviewer', deviceId: 'x', token: 'this-machines-token' }, ws.cacheKey);
      const saved = readFileSync(join(home, 'central.json'), 'utf8');
      writeFileSync(join(home, 'central.json'), saved.replace(central.url, 'http://127.0.0.1:9'));
      expect(readCentralLogin(home)).toBeNull();
      expect(centralLoginProblem(home, ws.cacheKey)).toMatch(/服务器地址或用户不符.*请重新登录中心系统/);
      expect(() => openCentralLogin(home, ws.cacheKey)).toThrow(/请重新登录中心系统/);

      // A changed byte in the sealed token: only the key can tell, and it does.
      const json = JSON.parse(saved) as { tokenSealed: string };
      const sealed = Buffer.from(json.tokenSealed, 'base64');
      sealed[sealed.length - 1]! ^= 1;
      writeFileSync(join(home, 'central.json'), JSON.stringify({ ...json, tokenSealed: sealed.toString('base64') }));
      expect(readCentralLogin(home, ws.cacheKey)).toBeNull();
      expect(centralLoginProblem(home, ws.cacheKey)).toMatch(/已损坏.*请重新登录中心系统/);
      expect((await ws.sync.run()).line).toMatch(/已损坏.*请重新登录中心系统/);
    } finally {
      ws.close();
    }
  }, 60_000);
});

describe('fashen login and fashen sync', () => {
  const run = (home: string, args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; out: string; err: string }>((res) => {
      const p = spawn(process.execPath, [ENTRIES.cli.out, ...args], { env: { ...process.env, FASHEN_HOME: home, FASHEN_CACHE_PASSPHRASE: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      p.stdout.on('data', (c: Buffer) => (out += c.toString()));
      p.stderr.on('data', (c: Buffer) => (err += c.toString()));
      p.on('close', (code) => res({ code, out, err }));
    });

  it('saves the token sealed under the cache passphrase; sync needs that passphrase', async () => {
    await buildNode(['cli']);
    const home = await passphraseHome('sealed-cli-');
    const login = await run(home, ['login', '--server', central.url, '--user', 'bob', '--password-env', 'PW'], { PW: PASSWORD, FASHEN_CACHE_PASSPHRASE: CACHE_PASS });
    expect(login.code, login.err).toBe(0);
    const key = await unlockKeyring(readKeyring(home)!, { kind: 'passphrase', passphrase: CACHE_PASS });
    const token = openCentralLogin(home, key)!.token;
    key.wipe();
    expectSealed(home, token);

    const synced = await run(home, ['sync'], { FASHEN_CACHE_PASSPHRASE: CACHE_PASS });
    expect(synced, synced.err).toMatchObject({ code: 0, out: '已同步 · 拉取 1 个案件\n' });
    // Without the passphrase (no terminal to ask in) the token stays shut.
    const refused = await run(home, ['sync']);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/FASHEN_CACHE_PASSPHRASE/);
    const status = await run(home, ['sync', 'status'], { FASHEN_CACHE_PASSPHRASE: CACHE_PASS });
    expect(status).toMatchObject({ code: 0, out: '已同步\n' });
  }, 180_000);
});
