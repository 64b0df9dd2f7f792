// The lock's own entries in the audit chain: locking (by hand or by the inactivity timer),
// unlocking and failed unlock attempts (with the method, never the passphrase), and the inactivity
// setting. They are written by the session, which alone knows what happened — the Api calls do
// not pass the audit hook while locked, and an automatic lock is no call at all.
import type { AuditLog } from '../audit/log';
import type { Via } from '../audit/recorder';
import { clearPendingAttempts, readPendingAttempts, type UnlockMethod } from './unlock-attempts';

export type LockTrigger = 'manual' | 'inactivity';

/** Recording must never stop the lock itself: a failing store is reported, the lock goes on. */
function safely(log: (line: string) => void, write: () => void): void {
  try {
    write();
  } catch (err) {
    log(`未能写入审计记录：${(err as Error).message}`);
  }
}

export function recordLock(audit: AuditLog, trigger: LockTrigger, via: Via, log: (line: string) => void): void {
  safely(log, () => audit.append({ action: 'app.lock', detail: { trigger, via } }));
}

export function recordUnlock(audit: AuditLog, method: UnlockMethod, via: Via, log: (line: string) => void): void {
  safely(log, () => audit.append({ action: 'app.unlock', detail: { method, via } }));
}

export function recordPassphraseChange(audit: AuditLog, detail: Record<string, unknown>, log: (line: string) => void): void {
  safely(log, () => audit.append({ action: 'app.passphrase', detail }));
}

export function recordLockAfter(audit: AuditLog, from: number, to: number, via: Via, log: (line: string) => void): void {
  if (from === to) return;
  safely(log, () => audit.append({ action: 'settings.change', detail: { setting: 'lockAfterMinutes', from, to, via } }));
}

/**
 * Writes the failed attempts made while locked into the chain, at the times they happened, in one
 * transaction, then forgets them. (A crash between the commit and the removal would write them a
 * second time at the next open — marked recordedLater like the first; nothing is lost.)
 */
export function flushFailedUnlocks(audit: AuditLog, sqlite: { transaction<T>(fn: () => T): () => T }, dataDir: string, log: (line: string) => void): number {
  const pending = readPendingAttempts(dataDir);
  if (!pending.attempts.length && !pending.dropped && !pending.damaged) return 0;
  let written = 0;
  safely(log, () => {
    sqlite.transaction(() => {
      for (const a of pending.attempts) {
        audit.append({ action: 'app.unlock', at: a.at, detail: { outcome: 'failed', method: a.method, code: a.code, reason: a.reason, via: a.via, recordedLater: true } });
        written++;
      }
      if (pending.dropped || pending.damaged) {
        const reason = pending.damaged ? '锁定期间的解锁尝试记录文件已损坏或被改动，无法补记' : `另有 ${pending.dropped} 次失败的解锁尝试未逐条保存`;
        audit.append({ action: 'app.unlock', detail: { outcome: 'failed', code: pending.damaged ? 'pending-damaged' : 'pending-dropped', reason, dropped: pending.dropped, recordedLater: true } });
        written++;
      }
    })();
    clearPendingAttempts(dataDir);
  });
  return written;
}
