// Staged rollout: a release with `stagingPercentage: 20` reaches the workstations whose stable,
// random install id falls in the lowest 20 % — the same rule electron-updater applies (last four
// bytes of the id as a fraction of 2^32−1), so the desktop and the browser host agree, and the
// desktop hands this decision to electron-updater (isUserWithinRollout) instead of its own id file.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileDurable } from '../cache-crypto/durable';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** This installation's rollout id, created once in the data folder. */
export function installId(dataDir: string): string {
  const file = join(dataDir, 'update-id');
  if (existsSync(file)) {
    const id = readFileSync(file, 'utf8').trim();
    if (UUID_RE.test(id)) return id;
  }
  const id = randomUUID();
  // Not a secret: Node's default mode for new files (0666 less the umask, usually 0644), as before.
  writeFileDurable(file, id, 0o666);
  return id;
}

/** The id's place in [0, 1]: the last four bytes, big-endian, over 2^32−1. */
export function rolloutFraction(id: string): number {
  if (!UUID_RE.test(id)) throw new TypeError('安装标识不是 UUID');
  const hex = id.replace(/-/g, '');
  return Buffer.from(hex, 'hex').readUInt32BE(12) / 0xffffffff;
}

/** Does a release staged to `percentage` (absent: everyone) reach this installation? */
export function withinRollout(percentage: number | undefined, id: string): boolean {
  if (percentage === undefined) return true;
  // electron-updater parseInt()s the value: 12.5 % behaves as 12 %.
  return rolloutFraction(id) < Math.trunc(percentage) / 100;
}
