// A file system of its own that can fill up: a tmpfs mounted for a test (needs root, as in CI;
// elsewhere null, and the test is skipped with the reason), and another program's file taking its
// space down to what the test wants left.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeBytes } from '../../src/main/services/disk-space';

const MB = 1024 * 1024;

/** A new tmpfs of `megabytes`, or null when this user may not mount one. */
export function mountTmpfs(megabytes: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'fashen-tmpfs-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]).status === 0) return dir;
  rmSync(dir, { recursive: true, force: true });
  return null;
}

/** Whether this user may mount a tmpfs (tried and undone at once: decided when a test file is collected). */
export function canMountTmpfs(): boolean {
  const dir = mountTmpfs(1);
  if (dir) unmountTmpfs(dir);
  return dir !== null;
}

/** Unmounted even while a process still has a file open there (lazily), then removed. */
export function unmountTmpfs(dir: string): void {
  spawnSync('umount', ['-l', dir]);
  rmSync(dir, { recursive: true, force: true });
}

/** Another program's file `name` in `dir`, taking the disk down to `leave` bytes free (0: until it is full). */
export function fillDisk(dir: string, name: string, leave: number): void {
  const fd = openSync(join(dir, name), 'w');
  const chunk = Buffer.alloc(MB);
  try {
    for (;;) {
      const free = freeBytes(dir)!;
      if (free <= leave) break;
      writeSync(fd, chunk, 0, Math.min(chunk.length, free - leave));
    }
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
}
