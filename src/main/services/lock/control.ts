// What the app.* lock calls talk to: the session of a shell that can lock (host, desktop), or —
// where nothing can lock (a back end built directly, as in tests) — an answer that says so.
import { ApiFailure } from '../../../shared/api/result';
import type { LockState } from '../../../shared/api/app';
import type { CacheKeyProtection } from '../../../shared/api/app';

export interface LockControl {
  state(): LockState;
  lock(): Promise<LockState>;
  unlock(passphrase?: string): Promise<LockState>;
  /** The reviewer is at work: restart the inactivity countdown. */
  activity(): void;
  setLockAfter(minutes: number): LockState;
  /** A new cache passphrase (the current one to prove it; none asked on the development key file). */
  changePassphrase(current: string | undefined, next: string): Promise<LockState>;
}

export function unlockWithFor(protection: CacheKeyProtection | null): LockState['unlockWith'] {
  switch (protection) {
    case 'passphrase':
      return 'passphrase';
    case 'os-keystore':
      return 'os-keystore';
    case 'unprotected-dev':
      return 'key-file';
    case null:
      return 'new-passphrase';
  }
}

/** A back end without a session: never locked, cannot lock. */
export function noLock(protection: () => CacheKeyProtection | null): LockControl {
  const state = (): LockState => ({ locked: false, lockAfterMinutes: 0, unlockWith: unlockWithFor(protection()), canLock: false });
  const refuse = () => {
    throw new ApiFailure({ code: 'conflict', message: '此运行方式不支持锁定' });
  };
  return {
    state,
    lock: async () => refuse(),
    unlock: async () => state(),
    activity: () => undefined,
    setLockAfter: () => refuse(),
    changePassphrase: async () => refuse(),
  };
}
