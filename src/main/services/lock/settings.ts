// <data>/lock.json: minutes without activity before the workstation locks (0 = never). Read as
// untrusted input; a damaged file falls back to the default rather than keeping the app unlocked
// forever or refusing to start.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LOCK_AFTER_MAX_MINUTES } from '../../../shared/api/app';
import { writeFileDurable } from '../cache-crypto/durable';

export const DEFAULT_LOCK_AFTER_MINUTES = 15;

const LockFile = z.object({ lockAfterMinutes: z.number().int().min(0).max(LOCK_AFTER_MAX_MINUTES) });

const file = (dataDir: string) => join(dataDir, 'lock.json');

export function readLockAfter(dataDir: string): number {
  if (!existsSync(file(dataDir))) return DEFAULT_LOCK_AFTER_MINUTES;
  try {
    const parsed = LockFile.safeParse(JSON.parse(readFileSync(file(dataDir), 'utf8')));
    return parsed.success ? parsed.data.lockAfterMinutes : DEFAULT_LOCK_AFTER_MINUTES;
  } catch {
    return DEFAULT_LOCK_AFTER_MINUTES;
  }
}

export function writeLockAfter(dataDir: string, minutes: number): void {
  writeFileDurable(file(dataDir), `${JSON.stringify(LockFile.parse({ lockAfterMinutes: minutes }))}\n`, 0o644);
}
