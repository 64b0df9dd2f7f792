// The workstation as a shell runs it: opened with the cache key, locked after inactivity (or by
// hand), unlocked with the passphrase or the OS keystore. Locking closes the database and wipes
// the key from memory; every Api call but the lock calls then answers 已锁定, and unlocking opens a
// fresh Workstation. The audience tokens of running meetings (投屏授权) are paused over a lock, not
// ended: kept here in memory (never the key) and handed to the fresh Workstation, so the projector
// comes back after the unlock without a new link. Events and the Api handlers stay the same objects across lock and unlock, so
// the transports (IPC, WebSocket, app://, host HTTP) need no re-wiring.
import { callNames, type CallName } from '../../../shared/api/index';
import { ApiFailure } from '../../../shared/api/result';
import type { CacheKeyProtection, LockState } from '../../../shared/api/app';
import type { ApiEventName, ApiEvents } from '../../../shared/api/events';
import type { CallContext, Handlers } from '../../dispatch';
import type { Workstation } from '../../workstation';
import type { KeyProtector } from '../signing/protector';
import { CacheKeyError, type CacheKey } from '../cache-crypto/cache-key';
import { readKeyring } from '../cache-crypto/keyring';
import { migrateStore, migrationPending, type MigrationProgress } from '../cache-crypto/migrate';
import { CACHE_PASSPHRASE_ENV, forgetCacheKey, openCacheKey, rememberCacheKey } from '../cache-crypto/resolve';
import { unlockWithFor, type LockControl } from './control';
import { readLockAfter, writeLockAfter } from './settings';
import type { Via } from '../audit/recorder';
import { flushFailedUnlocks, recordLock, recordLockAfter, recordPassphraseChange, recordUnlock, type LockTrigger } from './lock-audit';
import { changeCachePassphrase } from './change-passphrase';
import { noteFailedUnlock } from './unlock-attempts';
import type { AutoSync } from '../sync/auto-sync';
import { realTimers, type Timers } from '../timers';

type Listener = (event: ApiEventName, payload: ApiEvents[ApiEventName]) => void;
type AnyHandler = (input: unknown, ctx: CallContext) => unknown;

/** The calls that answer while locked. */
export const LOCK_CALLS: ReadonlySet<CallName> = new Set<CallName>(['app.security', 'app.lock', 'app.unlock', 'app.activity', 'app.setLockAfter']);

export type { Timers } from '../timers';

export interface SessionOptions {
  dataDir: string;
  /** How the key may be unwrapped here: the OS keystore (desktop), the passphrase given at start, the dev key file. */
  keys: { os?: KeyProtector | undefined; passphrase?: string | undefined; allowDevKey?: boolean };
  /** Opens the Workstation on the unlocked key. */
  open(key: CacheKey): Workstation;
  /** The Api handlers of an open Workstation (buildApi, with this session as its lock). */
  handlers(ws: Workstation, lock: LockControl): Handlers;
  /** The lock calls' own handlers (answering while locked). */
  lockHandlers(lock: LockControl): Pick<Handlers, 'app.security' | 'app.lock' | 'app.unlock' | 'app.activity' | 'app.setLockAfter'>;
  log?: (line: string) => void;
  timers?: Timers;
  /** Polls before an inactivity lock is retried while calls are still running. */
  busyRetryMs?: number;
  /** Which door the lock entries in the audit chain name (default: browser). */
  via?: Via;
  /** Automatic sync for an open Workstation (the shells; none in tests that do not ask for it). */
  autoSync?: (ws: Workstation) => AutoSync | null;
}

export class WorkstationSession implements LockControl {
  readonly handlers: Handlers;
  private ws: Workstation | null = null;
  private auto: AutoSync | null = null;
  private api: Handlers | null = null;
  private key: CacheKey | null = null;
  private offWs: (() => void) | null = null;
  private need: 'passphrase' | 'new-passphrase' | null = null;
  private closing = false;
  private inFlight = 0;
  private drained: (() => void)[] = [];
  private idleTimer: unknown = null;
  private failures = 0;
  private lockAfter: number;
  /** Audience tokens carried over the lock (refused while locked: the gate finds no Workstation). */
  private carriedGrants: { token: string; meetingId: string }[] = [];
  private transition: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<Listener>();
  private readonly own: Record<string, AnyHandler>;
  private readonly timers: Timers;
  private readonly log: (line: string) => void;

  private constructor(private readonly opts: SessionOptions) {
    this.timers = opts.timers ?? realTimers;
    this.log = opts.log ?? (() => undefined);
    this.lockAfter = readLockAfter(opts.dataDir);
    this.own = opts.lockHandlers(this) as unknown as Record<string, AnyHandler>;
    const routed = {} as Record<CallName, AnyHandler>;
    for (const name of callNames) routed[name] = (input, ctx) => this.route(name, input, ctx);
    this.handlers = routed as unknown as Handlers;
  }

  /** Opens with what was given (OS keystore, passphrase, dev key) or starts locked when a passphrase is needed. */
  static async start(opts: SessionOptions): Promise<WorkstationSession> {
    const s = new WorkstationSession(opts);
    let opening;
    try {
      opening = await openCacheKey(opts.dataDir, opts.keys);
    } catch (err) {
      // The passphrase given at start (FASHEN_CACHE_PASSPHRASE) is not the store's — e.g. it was
      // changed in 设置 since: start locked, so the page can take the right one; the attempt is audited.
      if (!(err instanceof CacheKeyError) || err.code !== 'wrong-passphrase' || opts.keys.passphrase === undefined) throw err;
      noteFailedUnlock(opts.dataDir, { method: 'passphrase', code: err.code, reason: `启动时提供的缓存口令不正确：${err.message}`, via: opts.via ?? 'browser' }, s.log);
      s.need = 'passphrase';
      s.log(`环境变量 ${CACHE_PASSPHRASE_ENV} 中的缓存口令不正确（口令可能已在“设置”中修改）：已锁定，请在界面中输入缓存口令，并更新该环境变量。`);
      return s;
    }
    if (opening.state === 'locked') {
      s.need = opening.need;
      s.log(opening.need === 'passphrase' ? '本机缓存已用口令加密：已锁定，请在界面中输入缓存口令解锁。' : '本机缓存尚无密钥：请在界面中设置缓存口令。');
      return s;
    }
    opening.notes.forEach((n) => s.log(n));
    await s.openWith(opening.key);
    return s;
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  /** The open Workstation, or null while locked. */
  current(): Workstation | null {
    return this.ws;
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<K extends ApiEventName>(event: K, payload: ApiEvents[K]): void {
    this.listeners.forEach((l) => l(event, payload));
  }

  private lockedBy: { trigger: LockTrigger; at: string } | null = null;
  /** How the open key is kept since 修改缓存口令 (null: as it was opened). */
  private rewrappedAs: CacheKeyProtection | null = null;

  state(): LockState {
    // While open, how the key is kept is known here (a new passphrase re-wraps it, the key in memory
    // stays the same); the key file is read only while locked.
    const protection = (this.key && (this.rewrappedAs ?? this.key.protection)) ?? readKeyring(this.opts.dataDir)?.protection ?? null;
    return { locked: this.ws === null, lockAfterMinutes: this.lockAfter, unlockWith: this.need ?? unlockWithFor(protection), canLock: true, lockedBy: this.ws ? null : this.lockedBy };
  }

  activity(): void {
    if (this.ws) this.armIdle();
  }

  changePassphrase(current: string | undefined, next: string): Promise<LockState> {
    return this.serial(async () => {
      const ws = this.ws;
      if (!ws) throw new ApiFailure({ code: 'locked', message: '工作台已锁定，请先解锁' });
      try {
        const { key, from } = await changeCachePassphrase(this.opts.dataDir, current, next);
        // The same key, wrapped anew: the open store keeps the copy it has (wiped on lock); this one goes.
        key.wipe();
        this.rewrappedAs = 'passphrase';
        recordPassphraseChange(ws.audit.log, { from, via: this.via }, this.log);
      } catch (err) {
        if (err instanceof ApiFailure) recordPassphraseChange(ws.audit.log, { outcome: 'failed', code: err.error.code, reason: err.error.message, via: this.via }, this.log);
        throw err;
      }
      return this.state();
    });
  }

  setLockAfter(minutes: number): LockState {
    // A security setting is changed by someone who has unlocked (and is recorded in the chain).
    if (!this.ws) throw new ApiFailure({ code: 'locked', message: '工作台已锁定，请先解锁' });
    const from = this.lockAfter;
    writeLockAfter(this.opts.dataDir, minutes);
    this.lockAfter = minutes;
    recordLockAfter(this.ws.audit.log, from, minutes, this.via, this.log);
    this.armIdle();
    return this.state();
  }

  lock(): Promise<LockState> {
    return this.lockNow('manual');
  }

  private get via(): Via {
    return this.opts.via ?? 'browser';
  }

  /** `quiet`: the process ends — not a lock anyone asked for, so nothing is announced or recorded. */
  private lockNow(trigger: LockTrigger | 'quiet'): Promise<LockState> {
    const quiet = trigger === 'quiet';
    return this.serial(async () => {
      if (!this.ws) return this.state();
      this.closing = true;
      try {
        // Running calls finish first (a running sync is cancelled; what it did so far stays).
        this.ws.sync.cancel();
        await this.auto?.stop();
        this.auto = null;
        if (this.inFlight > 0) await new Promise<void>((r) => this.drained.push(r));
        // Recorded while the store is still open: after this the chain is closed with it.
        if (!quiet) {
          recordLock(this.ws.audit.log, trigger, this.via, this.log);
          this.lockedBy = { trigger, at: new Date().toISOString() };
        }
        this.disarmIdle();
        this.carriedGrants = quiet ? [] : this.ws.meetings.grants.carry();
        this.offWs?.();
        this.offWs = null;
        this.ws.close();
        this.ws = null;
        this.api = null;
        this.key?.wipe();
        this.key = null;
        this.rewrappedAs = null;
        forgetCacheKey(this.opts.dataDir);
      } finally {
        this.closing = false;
      }
      if (!quiet) {
        this.log('工作台已锁定：缓存密钥已从内存中清除。');
        this.emit('app.lock', { locked: true });
      }
      return this.state();
    });
  }

  unlock(passphrase?: string): Promise<LockState> {
    return this.serial(async () => {
      if (this.ws) return this.state();
      const { os, allowDevKey } = this.opts.keys;
      const method = this.state().unlockWith;
      let opening;
      try {
        opening = await openCacheKey(this.opts.dataDir, { os, passphrase, allowDevKey });
      } catch (err) {
        if (!(err instanceof CacheKeyError)) throw err;
        // The chain is closed while locked: the attempt waits on disk (without the passphrase) and
        // goes into the chain when the store is next opened (lock-audit.ts).
        noteFailedUnlock(this.opts.dataDir, { method, code: err.code, reason: err.message, via: this.via }, this.log);
        if (err.code === 'wrong-passphrase' && passphrase) {
          // Each wrong passphrase in a row waits a little longer (scrypt already costs ~0.1 s).
          this.failures++;
          await new Promise((r) => setTimeout(r, Math.min(this.failures, 6) * 500));
        }
        const code = err.code === 'wrong-passphrase' ? 'forbidden' : err.code === 'weak-passphrase' ? 'invalid_input' : 'conflict';
        throw new ApiFailure({ code, message: err.message });
      }
      if (opening.state === 'locked') throw new ApiFailure({ code: 'invalid_input', message: opening.need === 'new-passphrase' ? '请设置缓存口令（至少 8 个字符）' : '请输入缓存口令' });
      this.failures = 0;
      this.need = null;
      this.lockedBy = null;
      opening.notes.forEach((n) => this.log(n));
      await this.openWith(opening.key);
      recordUnlock(this.ws!.audit.log, method, this.via, this.log);
      this.emit('app.lock', { locked: false });
      return this.state();
    });
  }

  /** Close for good (the process ends): the store closes and the key is wiped, as when locking. */
  async close(): Promise<void> {
    await this.lockNow('quiet');
  }

  private async openWith(key: CacheKey): Promise<void> {
    try {
      if (migrationPending(this.opts.dataDir)) {
        this.log('正在加密本机缓存（首次启用加密，可随时中断，下次启动继续）…');
        await migrateStore(this.opts.dataDir, key, { onProgress: (p: MigrationProgress) => p.phase === 'blobs' && p.done === p.total && this.log(`已加密 ${p.total} 个案卷文件。`) });
      }
      const ws = this.opts.open(key);
      this.key = key;
      this.ws = ws;
      this.api = this.opts.handlers(ws, this);
      ws.meetings.grants.adopt(this.carriedGrants);
      this.carriedGrants = [];
      this.offWs = ws.on((event, payload) => this.emit(event, payload));
      // Failed unlock attempts made while the store was closed (this run or an earlier one).
      flushFailedUnlocks(ws.audit.log, ws.store.sqlite, this.opts.dataDir, this.log);
      rememberCacheKey(this.opts.dataDir, key);
      this.armIdle();
      this.auto = this.opts.autoSync?.(ws) ?? null;
      ws.sync.auto = this.auto;
      this.auto?.start();
    } catch (err) {
      key.wipe();
      throw err;
    }
  }

  private async route(name: CallName, input: unknown, ctx: CallContext): Promise<unknown> {
    if (LOCK_CALLS.has(name)) return (this.api && name !== 'app.lock' ? (this.api[name] as AnyHandler) : this.own[name]!)(input, ctx);
    if (!this.api || this.closing) throw new ApiFailure({ code: 'locked', message: '工作台已锁定，请先解锁' });
    const api = this.api;
    this.inFlight++;
    try {
      return await (api[name] as AnyHandler)(input, ctx);
    } finally {
      if (--this.inFlight === 0) this.drained.splice(0).forEach((r) => r());
    }
  }

  private armIdle(): void {
    this.disarmIdle();
    if (this.lockAfter <= 0) return;
    this.idleTimer = this.timers.setTimeout(() => this.onIdle(), this.lockAfter * 60_000);
  }

  private disarmIdle(): void {
    if (this.idleTimer !== null) this.timers.clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private onIdle(): void {
    this.idleTimer = null;
    if (!this.ws) return;
    // Long work still running (an import, a sync) is not cut off by the inactivity lock: try again later.
    if (this.inFlight > 0) {
      this.idleTimer = this.timers.setTimeout(() => this.onIdle(), this.opts.busyRetryMs ?? 60_000);
      return;
    }
    void this.lockNow('inactivity').catch((err: unknown) => this.log(`自动锁定失败：${(err as Error).message}`));
  }

  /** Lock and unlock one at a time. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.transition.then(fn, fn);
    this.transition = next.catch(() => undefined);
    return next;
  }
}
