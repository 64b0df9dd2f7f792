// Failed unlock attempts made while the workstation is locked. The audit chain lives in the
// encrypted database, which is closed then, so each attempt waits in <data>/unlock-attempts.json
// and is written into the chain (with the time it happened) as soon as the store is open again —
// by the next unlock, or by the next start that opens the store. A file rather than memory alone:
// attempts followed by killing the app or a restart are still recorded. It holds when, how and why
// it failed (never the passphrase), and is read as untrusted input: a damaged file is reported in
// the chain, not trusted or silently dropped.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../cache-crypto/durable';

/** Attempts kept while locked; beyond this only a count (someone guessing passphrases all night). */
export const MAX_PENDING_ATTEMPTS = 200;

const Method = z.enum(['passphrase', 'new-passphrase', 'os-keystore', 'key-file']);
export type UnlockMethod = z.infer<typeof Method>;

const Attempt = z
  .object({
    at: z.string().datetime(),
    method: Method,
    /** CacheKeyError code, e.g. wrong-passphrase. */
    code: z.string().regex(/^[a-z-]{1,40}$/),
    /** The zh-CN message the reviewer saw (it never contains the passphrase). */
    reason: z.string().max(200),
    via: z.enum(['desktop', 'browser', 'cli']),
  })
  .strict();
export type FailedUnlock = z.infer<typeof Attempt>;

const PendingFile = z.object({ attempts: z.array(Attempt).max(MAX_PENDING_ATTEMPTS), dropped: z.number().int().min(0) }).strict();
type PendingFile = z.infer<typeof PendingFile>;

export interface PendingAttempts {
  attempts: FailedUnlock[];
  /** Attempts beyond MAX_PENDING_ATTEMPTS: counted, not kept. */
  dropped: number;
  /** The file was there but not readable as ours (edited, truncated): reported, not trusted. */
  damaged: boolean;
}

const file = (dataDir: string) => join(dataDir, 'unlock-attempts.json');

export function readPendingAttempts(dataDir: string): PendingAttempts {
  if (!existsSync(file(dataDir))) return { attempts: [], dropped: 0, damaged: false };
  try {
    const parsed = PendingFile.safeParse(JSON.parse(readFileSync(file(dataDir), 'utf8')));
    if (parsed.success) return { ...parsed.data, damaged: false };
  } catch {
    // fall through: damaged
  }
  return { attempts: [], dropped: 0, damaged: true };
}

export function addPendingAttempt(dataDir: string, attempt: FailedUnlock): void {
  const now = readPendingAttempts(dataDir);
  const next: PendingFile = now.attempts.length >= MAX_PENDING_ATTEMPTS ? { attempts: now.attempts, dropped: now.dropped + 1 } : { attempts: [...now.attempts, Attempt.parse(attempt)], dropped: now.dropped };
  writeFileDurable(file(dataDir), `${JSON.stringify(next)}\n`, 0o600);
}

/** A failed attempt noted now (never the passphrase); failing to note it never hides the refusal itself. */
export function noteFailedUnlock(dataDir: string, attempt: Omit<FailedUnlock, 'at'>, log: (line: string) => void = () => {}): void {
  try {
    addPendingAttempt(dataDir, { ...attempt, at: new Date().toISOString(), reason: attempt.reason.slice(0, 200) });
  } catch (e) {
    log(`未能记下失败的解锁尝试：${(e as Error).message}`);
  }
}

/** After the attempts are in the chain. */
export function clearPendingAttempts(dataDir: string): void {
  rmSync(file(dataDir), { force: true });
}
