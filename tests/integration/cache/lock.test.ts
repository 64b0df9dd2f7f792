// The lock, as the headless host runs it: a passphrase-protected store starts locked; while locked
// every call but the lock calls answers 已锁定 and the host serves no file (423); a wrong passphrase
// is refused in zh-CN; unlocking opens the store; locking closes it and wipes the key; the inactivity
// countdown locks (driven here by a manual clock, never wall time), is restarted by activity, and
// waits for running calls. Range reads over HTTP cross chunk boundaries; a tampered chunk cuts the
// response off instead of serving bad bytes.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualTimers } from '../../helpers/manual-timers';
import { dispatch } from '../../../src/main/dispatch';
import { startHost, type RunningHost } from '../../../src/main/host';
import { startShellSession } from '../../../src/main/shell-session';
import { CHUNK_BYTES, chunkOffset } from '../../../src/main/services/cache-crypto/blob-format';
import { createKeyring } from '../../../src/main/services/cache-crypto/keyring';
import type { WorkstationSession, Timers } from '../../../src/main/services/lock/session';
import { WorkstationSession as Session } from '../../../src/main/services/lock/session';
import { buildApi } from '../../../src/main/api';
import { lockHandlers } from '../../../src/main/handlers/app-lock';
import { Workstation } from '../../../src/main/workstation';
import type { SecurityState } from '../../../src/shared/api/app';
import { buildPackage, tempDir } from '../../helpers/package-builder';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

const PASS = '锁定测试口令 2026';
const TODAY = () => '2026-11-23';

let host: RunningHost | null = null;
let session: WorkstationSession | null = null;
afterEach(async () => {
  await host?.close();
  await session?.close();
  host = null;
  session = null;
});

async function call(name: string, input: unknown = {}) {
  return dispatch(session!.handlers, name, input);
}

async function passphraseStore(): Promise<{ dir: string; sha: string; bytes: Buffer }> {
  const dir = tempDir('lock-');
  const key = await createKeyring(dir, { kind: 'passphrase', passphrase: PASS });
  const pkg = await buildPackage(tempDir());
  // One evidence file of several chunks, for the Range reads.
  const bytes = randomBytes(3 * CHUNK_BYTES + 100);
  mkdirSync(join(pkg.dir, 'evidence'), { recursive: true });
  writeFileSync(join(pkg.dir, 'evidence/video.bin'), bytes);
  const sha = createHash('sha256').update(bytes).digest('hex');
  pkg.manifest.evidence.push({ id: 'v1', kind: '视听资料', title: '现场录像', source: '执法记录仪', collectedBy: ['o1', 'o2'], collectedOn: '2026-06-06', proves: '现场情况', file: { path: 'evidence/video.bin', sha256: sha, size: bytes.length, mime: 'video/mp4' } });
  pkg.write();
  const ws = new Workstation({ dataDir: dir, today: TODAY, cacheKey: key });
  expect((await ws.importer.importMany([pkg.dir]))[0]!.ok).toBe(true);
  ws.close();
  return { dir, sha, bytes };
}

function startSession(dir: string, timers?: Timers, passphrase?: string): Promise<WorkstationSession> {
  if (!timers) return startShellSession({ shell: 'host', workstation: { dataDir: dir, today: TODAY }, keys: { passphrase, allowDevKey: true } });
  return Session.start({
    dataDir: dir,
    keys: { passphrase, allowDevKey: true },
    open: (key) => new Workstation({ dataDir: dir, today: TODAY, cacheKey: key }),
    handlers: (ws, lock) => buildApi(ws, 'host', { lock }),
    lockHandlers: (lock) => lockHandlers(lock, { dataDir: dir, shell: 'host', osProtected: false }),
    timers,
    busyRetryMs: 1000,
  });
}

describe('the lock', () => {
  it('starts locked without the passphrase; refuses everything but the lock calls; unlocks with it', async () => {
    const { dir, sha } = await passphraseStore();
    session = await startSession(dir);
    host = await startHost({ workstation: session, handlers: session.handlers, rendererDir: tempDir() });
    expect(session.current()).toBeNull();

    const list = await call('cases.list', {});
    expect(list).toMatchObject({ ok: false, error: { code: 'locked', message: '工作台已锁定，请先解锁' } });
    expect((await call('app.info')).ok).toBe(false);
    const sec = (await call('app.security')) as { ok: true; value: SecurityState };
    expect(sec.value.lock).toEqual({ locked: true, lockAfterMinutes: 15, unlockWith: 'passphrase', canLock: true, lockedBy: null });
    expect(sec.value.cache).toMatchObject({ encrypted: true, keyProtection: 'passphrase' });
    expect((await fetch(`${host.origin}/blobs/${sha}?token=${host.token}`)).status).toBe(423);

    expect(await call('app.unlock', { passphrase: '不是这个口令' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('缓存口令不正确') } });
    expect(await call('app.unlock', {})).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '请输入缓存口令' } });
    expect(session.current()).toBeNull();

    const events: unknown[] = [];
    session.on((e, p) => e === 'app.lock' && events.push(p));
    expect(await call('app.unlock', { passphrase: PASS })).toMatchObject({ ok: true, value: { locked: false } });
    expect(events).toEqual([{ locked: false }]);
    expect(await call('cases.list', {})).toMatchObject({ ok: true, value: [expect.objectContaining({ cause: '销售过期食品' })] });
    expect((await fetch(`${host.origin}/blobs/${sha}?token=${host.token}`)).status).toBe(200);

    // Locking closes the store and wipes the key from memory.
    const ws = session.current()!;
    const key = ws.cacheKey;
    expect(await call('app.lock')).toMatchObject({ ok: true, value: { locked: true } });
    expect(events).toEqual([{ locked: false }, { locked: true }]);
    expect(key.wiped).toBe(true);
    expect(ws.store.sqlite.open).toBe(false);
    expect(await call('cases.list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });
  });

  it('serves Range reads across chunk boundaries over HTTP; a tampered chunk cuts the answer off', async () => {
    const { dir, sha, bytes } = await passphraseStore();
    session = await startSession(dir, undefined, PASS);
    host = await startHost({ workstation: session, handlers: session.handlers, rendererDir: tempDir() });
    const url = `${host.origin}/blobs/${sha}?token=${host.token}`;
    for (const [start, end] of [
      [CHUNK_BYTES - 3, CHUNK_BYTES + 2],
      [10, 2 * CHUNK_BYTES + 10],
      [3 * CHUNK_BYTES, 3 * CHUNK_BYTES + 99],
    ] as const) {
      const r = await fetch(url, { headers: { Range: `bytes=${start}-${end}` } });
      expect(r.status).toBe(206);
      expect(r.headers.get('content-range')).toBe(`bytes ${start}-${end}/${bytes.length}`);
      expect(Buffer.from(await r.arrayBuffer()).equals(bytes.subarray(start, end + 1))).toBe(true);
    }
    const full = await fetch(url);
    expect(Number(full.headers.get('content-length'))).toBe(bytes.length);
    expect(Buffer.from(await full.arrayBuffer()).equals(bytes)).toBe(true);

    const file = session.current()!.blobs.pathOf(sha);
    const fd = openSync(file, 'r+');
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, chunkOffset(2) + 7);
    b[0] = b[0]! ^ 0xff;
    writeSync(fd, b, 0, 1, chunkOffset(2) + 7);
    closeSync(fd);
    const early = await fetch(url, { headers: { Range: `bytes=0-${CHUNK_BYTES - 1}` } });
    expect(Buffer.from(await early.arrayBuffer()).equals(bytes.subarray(0, CHUNK_BYTES))).toBe(true);
    await expect(fetch(url).then((r) => r.arrayBuffer())).rejects.toThrow();
    expect(await call('evidence.verifyCase', { caseId: (await session.current()!.cases.listRows({}))[0]!.id })).toMatchObject({ ok: true, value: { summary: { tampered: 1 } } });
  });

  it('locks after the configured inactivity; activity restarts the countdown; running calls are waited for', async () => {
    const { dir } = await passphraseStore();
    const timers = new ManualTimers();
    session = await startSession(dir, timers, PASS);
    expect(await call('app.setLockAfter', { minutes: 5 })).toMatchObject({ ok: true, value: { lockAfterMinutes: 5, locked: false } });
    expect(await call('app.setLockAfter', { minutes: -1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    timers.advance(4 * 60_000);
    expect((await call('app.activity')).ok).toBe(true);
    timers.advance(4 * 60_000);
    expect(session.current()).not.toBeNull();

    // A call still running when the countdown ends: the lock waits for it.
    let release!: () => void;
    const ws = session.current()!;
    const original = ws.views.list.bind(ws.views);
    const gate = new Promise<void>((r) => (release = r));
    ws.views.list = ((f: Parameters<typeof original>[0]) => gate.then(() => original(f))) as unknown as typeof ws.views.list;
    const running = call('cases.list', {});
    timers.advance(60_000);
    expect(session.current()).not.toBeNull();
    release();
    expect((await running).ok).toBe(true);
    timers.advance(1000);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(session.current()).toBeNull();
    expect(session.state()).toMatchObject({ locked: true, lockAfterMinutes: 5, lockedBy: { trigger: 'inactivity' } });
    // The lock screen says why and when; unlocking clears it.
    await call('app.unlock', { passphrase: PASS });
    expect(session.state().lockedBy).toBeNull();
    await call('app.lock', {});
    expect(session.state().lockedBy).toMatchObject({ trigger: 'manual' });

    // The setting survives a restart; 0 = never.
    await session.close();
    session = await startSession(dir, timers, PASS);
    expect(session.state().lockAfterMinutes).toBe(5);
    await call('app.setLockAfter', { minutes: 0 });
    timers.advance(24 * 60 * 60_000);
    expect(session.current()).not.toBeNull();
  });

  it('a new store in the host without a passphrase gets the development key file, shown as 未加密保护', async () => {
    const dir = tempDir('lock-');
    session = await startSession(dir);
    const sec = (await call('app.security')) as { ok: true; value: SecurityState };
    expect(sec.value.cache).toMatchObject({ encrypted: true, keyProtection: 'unprotected-dev', keyDetail: expect.stringContaining('未加密保护') });
    expect(sec.value.lock.unlockWith).toBe('key-file');
    await call('app.lock');
    expect((await call('app.unlock', {})).ok).toBe(true);
  });
});

describe('a new store where nothing may make the key (desktop without an OS keystore)', () => {
  it('waits locked for a passphrase to be chosen, then creates the key with it', async () => {
    const dir = tempDir('lock-');
    session = await Session.start({
      dataDir: dir,
      keys: {},
      open: (key) => new Workstation({ dataDir: dir, today: TODAY, cacheKey: key }),
      handlers: (ws, lock) => buildApi(ws, 'electron', { lock }),
      lockHandlers: (lock) => lockHandlers(lock, { dataDir: dir, shell: 'electron', osProtected: false }),
    });
    expect(session.state()).toMatchObject({ locked: true, unlockWith: 'new-passphrase' });
    expect(await call('app.unlock', {})).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('请设置缓存口令') } });
    expect(await call('app.unlock', { passphrase: '太短' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '缓存口令至少 8 个字符' } });
    expect(await call('app.unlock', { passphrase: '新设置的缓存口令' })).toMatchObject({ ok: true, value: { locked: false, unlockWith: 'passphrase' } });
    expect(await call('cases.list', {})).toMatchObject({ ok: true, value: [] });
    await call('app.lock');
    expect(session.state().unlockWith).toBe('passphrase');
    expect((await call('app.unlock', { passphrase: '新设置的缓存口令' })).ok).toBe(true);
  });
});
