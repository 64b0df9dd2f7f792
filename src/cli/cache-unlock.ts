// The CLI's cache key, unlocked once per command before any Workstation opens (every one the
// command opens then uses it): FASHEN_CACHE_PASSPHRASE, else a prompt on a terminal; a new store
// without a passphrase gets the unprotected development key file, with a warning when it is made.
import { mkdirSync } from 'node:fs';
import { readKeyring } from '../main/services/cache-crypto/keyring';
import { CacheKeyError } from '../main/services/cache-crypto/cache-key';
import { migrateStore, migrationPending } from '../main/services/cache-crypto/migrate';
import { CACHE_PASSPHRASE_ENV, DEV_KEY_WARNING, openCacheKey, rememberCacheKey, rememberedCacheKey } from '../main/services/cache-crypto/resolve';
import { flushFailedUnlocks } from '../main/services/lock/lock-audit';
import { noteFailedUnlock, readPendingAttempts } from '../main/services/lock/unlock-attempts';
import type { Workstation } from '../main/workstation';
import { readPassphrase } from './secret';
import type { Io } from './main';

/** Commands that open the store (the others — calendar, mask, verify, update, central, login — never do). */
const STORE_COMMANDS = new Set(['audit', 'import', 'keys', 'review', 'reviewer', 'opinion', 'check', 'search', 'verify-files', 'cases', 'sync']);

export function needsStore(cmd: string | undefined): boolean {
  return cmd !== undefined && STORE_COMMANDS.has(cmd);
}

export async function unlockCacheForCli(home: string, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (rememberedCacheKey(home)) return;
  // The first command on a machine where the app never ran: the data folder is made here, with the key.
  mkdirSync(home, { recursive: true });
  let passphrase = env[CACHE_PASSPHRASE_ENV] || undefined;
  if (!passphrase && readKeyring(home)?.protection === 'passphrase') {
    if (!process.stdin.isTTY) throw new CacheKeyError('needs-passphrase', `本机缓存已用口令加密：请设置环境变量 ${CACHE_PASSPHRASE_ENV}，或在终端中运行以输入缓存口令`);
    passphrase = await readPassphrase(undefined, '缓存口令：');
  }
  let opening;
  try {
    opening = await openCacheKey(home, { passphrase, allowDevKey: true });
  } catch (err) {
    // Like the lock screen's, a failed attempt waits on disk (never the passphrase) for the chain.
    if (err instanceof CacheKeyError && passphrase !== undefined && readKeyring(home)) noteFailedUnlock(home, { method: 'passphrase', code: err.code, reason: err.message, via: 'cli' });
    throw err;
  }
  if (opening.state !== 'open') throw new CacheKeyError('needs-passphrase', '需要缓存口令');
  for (const note of opening.notes) if (note !== DEV_KEY_WARNING || opening.created) io.err(`${note}\n`);
  if (migrationPending(home)) {
    io.err('正在加密本机缓存（首次启用加密；中断后下次继续）…\n');
    await migrateStore(home, opening.key);
  }
  rememberCacheKey(home, opening.key);
}

/** Failed attempts noted while the store was shut go into the audit chain once the CLI has opened it. */
export function recordFailedUnlocks(home: string, open: () => Workstation, io: Io): void {
  const pending = readPendingAttempts(home);
  if (!pending.attempts.length && !pending.dropped && !pending.damaged) return;
  const ws = open();
  try {
    flushFailedUnlocks(ws.audit.log, ws.store.sqlite, home, (line) => io.err(`${line}\n`));
  } finally {
    ws.close();
  }
}
