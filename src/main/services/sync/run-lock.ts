// One sync at a time per data folder, across processes (the app and `fashen sync`): a lock file
// holding the owner's pid; a lock left by a process that died (kill -9) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const heldHere = new Set<string>();

/** The lock a sync run (and whatever must not overlap one) holds in a data folder. */
export function syncLockPath(dataDir: string): string {
  return join(dataDir, 'sync', 'sync.lock');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Returns the release function, or null when another sync holds the folder. */
export function tryLock(file: string): (() => void) | null {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(file);
      return () => {
        if (heldHere.delete(file)) rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let pid = NaN;
      try {
        pid = Number(readFileSync(file, 'utf8').trim());
      } catch {
        /* removed meanwhile */
      }
      const ours = pid === process.pid && heldHere.has(file);
      if (ours || (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))) return null;
      rmSync(file, { force: true });
    }
  }
  return null;
}
