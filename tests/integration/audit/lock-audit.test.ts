// The lock in the audit chain: locking by hand and by the inactivity timer, unlocking (with the
// method), failed unlock attempts (without the passphrase — they happen while the chain is closed,
// wait on disk and are written at the next open, at the time they happened), and the inactivity
// setting. Driven through the Api of a real session (passphrase store, or an OS-keystore store).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualTimers } from '../../helpers/manual-timers';
import { buildApi } from '../../../src/main/api';
import { dispatch } from '../../../src/main/dispatch';
import { lockHandlers } from '../../../src/main/handlers/app-lock';
import { createKeyring } from '../../../src/main/services/cache-crypto/keyring';
import { WorkstationSession, type Timers } from '../../../src/main/services/lock/session';
import { MAX_PENDING_ATTEMPTS } from '../../../src/main/services/lock/unlock-attempts';
import { PassphraseProtector, type KeyProtector } from '../../../src/main/services/signing/protector';
import { Workstation } from '../../../src/main/workstation';
import type { AuditEntryView } from '../../../src/shared/api/audit';
import { describeAuditDetail } from '../../../src/shared/audit/describe';
import { tempDir } from '../../helpers/package-builder';

const PASS = '锁定审计口令 2026';
const WRONG = '猜错的口令-Secret-123';
const TODAY = () => '2026-11-23';


let session: WorkstationSession | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

const call = (name: string, input: unknown = {}) => dispatch(session!.handlers, name, input);

function start(dir: string, o: { passphrase?: string; os?: KeyProtector; timers?: Timers; shell?: 'host' | 'electron' } = {}): Promise<WorkstationSession> {
  const shell = o.shell ?? 'host';
  return WorkstationSession.start({
    dataDir: dir,
    keys: { passphrase: o.passphrase, os: o.os },
    open: (key) => new Workstation({ dataDir: dir, today: TODAY, cacheKey: key }),
    handlers: (ws, lock) => buildApi(ws, shell, { lock }),
    lockHandlers: (lock) => lockHandlers(lock, { dataDir: dir, shell, osProtected: Boolean(o.os) }),
    via: shell === 'electron' ? 'desktop' : 'browser',
    ...(o.timers ? { timers: o.timers } : {}),
  });
}

/** A passphrase store with a reviewer profile set (the actor of every entry). */
async function passphraseStore(): Promise<string> {
  const dir = tempDir('lock-audit-');
  const key = await createKeyring(dir, { kind: 'passphrase', passphrase: PASS });
  const ws = new Workstation({ dataDir: dir, today: TODAY, cacheKey: key });
  ws.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  ws.close();
  return dir;
}

const lockEntries = (): AuditEntryView[] => session!.current()!.audit.log.list().filter((e) => e.action === 'app.lock' || e.action === 'app.unlock' || (e.action === 'settings.change' && e.detail.setting === 'lockAfterMinutes'));
const brief = (e: AuditEntryView) => `${e.action}${e.detail.outcome ? `:${String(e.detail.outcome)}` : ''}`;

describe('the lock in the audit chain', () => {
  it('records failed unlocks made while locked (no passphrase anywhere) once the store is open, then the unlock', async () => {
    const dir = await passphraseStore();
    session = await start(dir);
    expect(session.current()).toBeNull();

    expect(await call('app.unlock', { passphrase: WRONG })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('缓存口令不正确') } });
    expect(await call('app.unlock', { passphrase: `${WRONG}2` })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Nothing was tried: an empty submission is not an attempt.
    expect(await call('app.unlock', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    // While locked the attempts wait on disk, without the passphrase.
    const pendingFile = join(dir, 'unlock-attempts.json');
    const pending = readFileSync(pendingFile, 'utf8');
    expect(JSON.parse(pending).attempts).toHaveLength(2);
    expect(pending).not.toContain(WRONG);

    expect(await call('app.unlock', { passphrase: PASS })).toMatchObject({ ok: true, value: { locked: false } });
    expect(existsSync(pendingFile)).toBe(false);
    const entries = lockEntries();
    expect(entries.map(brief)).toEqual(['app.unlock:failed', 'app.unlock:failed', 'app.unlock']);
    const ws = session.current()!;
    for (const e of entries) {
      expect(e.actor).toBe('王审核');
      expect(e.device).toBe(ws.audit.log.device());
      expect(e.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    expect(entries[0]!.detail).toEqual({ outcome: 'failed', method: 'passphrase', code: 'wrong-passphrase', reason: '缓存口令不正确，未能解锁（数据未改动）', via: 'browser', recordedLater: true });
    expect(entries[2]!.detail).toEqual({ method: 'passphrase', via: 'browser' });
    expect(describeAuditDetail(entries[0]!)).toBe('方式：缓存口令 · 锁定期间的尝试，解锁后补记 · 缓存口令不正确，未能解锁（数据未改动）');
    // The passphrase tried is nowhere in the chain.
    const raw = ws.store.sqlite.prepare('select group_concat(detail_json) as all_details from audit').get() as { all_details: string };
    expect(raw.all_details).not.toContain(WRONG);
    expect(raw.all_details).not.toContain(PASS);
    expect(ws.audit.log.verify()).toMatchObject({ intact: true });
  });

  it('records a lock by hand and by the inactivity timer, and the timeout setting (refused while locked)', async () => {
    const dir = await passphraseStore();
    const timers = new ManualTimers();
    session = await start(dir, { passphrase: PASS, timers });

    expect(await call('app.setLockAfter', { minutes: 5 })).toMatchObject({ ok: true, value: { lockAfterMinutes: 5 } });
    expect(await call('app.setLockAfter', { minutes: 5 })).toMatchObject({ ok: true }); // unchanged: nothing to record
    expect(await call('app.setLockAfter', { minutes: -3 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('app.setLockAfter', { minutes: 100_000 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    expect(await call('app.lock')).toMatchObject({ ok: true, value: { locked: true } });
    // A security setting cannot be changed at the lock screen.
    expect(await call('app.setLockAfter', { minutes: 0 })).toMatchObject({ ok: false, error: { code: 'locked', message: '工作台已锁定，请先解锁' } });
    expect(await call('app.unlock', { passphrase: PASS })).toMatchObject({ ok: true });

    timers.advance(5 * 60_000);
    await new Promise((r) => setImmediate(r));
    expect(session.current()).toBeNull();
    expect(await call('app.unlock', { passphrase: PASS })).toMatchObject({ ok: true });

    const entries = lockEntries();
    expect(entries.map((e) => [e.action, e.detail.trigger ?? e.detail.method ?? e.detail.setting])).toEqual([
      ['settings.change', 'lockAfterMinutes'],
      ['app.lock', 'manual'],
      ['app.unlock', 'passphrase'],
      ['app.lock', 'inactivity'],
      ['app.unlock', 'passphrase'],
    ]);
    expect(entries[0]!.detail).toEqual({ setting: 'lockAfterMinutes', from: 15, to: 5, via: 'browser' });
    expect(describeAuditDetail(entries[0]!)).toBe('无操作锁定：15 分钟 → 5 分钟');
    expect(describeAuditDetail(entries[3]!)).toBe('无操作自动锁定');
    expect(session.current()!.audit.log.verify()).toMatchObject({ intact: true });
  });

  it('keeps attempts across a restart; a damaged pending file is reported, not trusted; the queue is bounded', async () => {
    const dir = await passphraseStore();
    session = await start(dir);
    expect((await call('app.unlock', { passphrase: WRONG })).ok).toBe(false);
    await session.close(); // the app is quit while locked
    session = await start(dir, { passphrase: PASS }); // opened at start: the attempt goes in now
    expect(lockEntries().map(brief)).toEqual(['app.unlock:failed']);
    await call('app.lock');

    // Someone edits the waiting file: it is not trusted, and the chain says so.
    writeFileSync(join(dir, 'unlock-attempts.json'), '{"attempts":[{"at":"2026-01-01T00:00:00Z","method":"passphrase","code":"x","reason":"伪造","via":"browser","extra":1}],"dropped":0}');
    expect((await call('app.unlock', { passphrase: PASS })).ok).toBe(true);
    const last = lockEntries().at(-2)!;
    expect(last.detail).toMatchObject({ outcome: 'failed', code: 'pending-damaged', reason: expect.stringContaining('已损坏或被改动') });
    expect(lockEntries().some((e) => e.detail.reason === '伪造')).toBe(false);

    // Beyond the bound only a count is kept (each failure is one file write; scrypt makes them slow anyway).
    await call('app.lock');
    const attempts = Array.from({ length: MAX_PENDING_ATTEMPTS }, (_, i) => ({ at: new Date(Date.UTC(2026, 10, 23, 1, 0, i)).toISOString(), method: 'passphrase', code: 'wrong-passphrase', reason: '缓存口令不正确，未能解锁（数据未改动）', via: 'browser' }));
    writeFileSync(join(dir, 'unlock-attempts.json'), JSON.stringify({ attempts, dropped: 0 }));
    expect((await call('app.unlock', { passphrase: `${WRONG}!` })).ok).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'unlock-attempts.json'), 'utf8'))).toMatchObject({ dropped: 1 });
    expect((await call('app.unlock', { passphrase: PASS })).ok).toBe(true);
    const after = lockEntries();
    expect(after.filter((e) => e.detail.recordedLater === true && e.detail.code === 'wrong-passphrase')).toHaveLength(1 + MAX_PENDING_ATTEMPTS);
    expect(after.at(-2)!.detail).toMatchObject({ code: 'pending-dropped', dropped: 1, reason: '另有 1 次失败的解锁尝试未逐条保存' });
    // Written at the times they happened.
    expect(after.find((e) => e.at === attempts[7]!.at)).toBeDefined();
    expect(session.current()!.audit.log.verify()).toMatchObject({ intact: true });
  });

  it('names the OS keystore as the method, for a failed unlock (keystore unavailable) and a successful one', async () => {
    const dir = tempDir('lock-audit-os-');
    // The OS keystore stands in for Electron safeStorage (not available here): a real wrapping
    // key that can become unavailable, as a locked login keyring does.
    const inner = new PassphraseProtector('本机系统密钥库');
    let available = true;
    const os: KeyProtector = {
      kind: 'os',
      wrap: (b) => inner.wrap(b),
      unwrap: (b) => (available ? inner.unwrap(b) : Promise.reject(new Error('Secret Service 不可用'))),
    };
    session = await start(dir, { os, shell: 'electron' });
    expect(session.state().unlockWith).toBe('os-keystore');
    await call('app.lock');
    available = false;
    expect(await call('app.unlock', {})).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('系统密钥库未能解开缓存密钥') } });
    available = true;
    expect((await call('app.unlock', {})).ok).toBe(true);
    expect(lockEntries().map((e) => [brief(e), e.detail.method, e.detail.via])).toEqual([
      ['app.lock', undefined, 'desktop'],
      ['app.unlock:failed', 'os-keystore', 'desktop'],
      ['app.unlock', 'os-keystore', 'desktop'],
    ]);
    expect(describeAuditDetail(lockEntries()[2]!)).toBe('方式：系统密钥库');
  });
});
