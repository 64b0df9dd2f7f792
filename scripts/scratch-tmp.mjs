// One folder for every temporary folder a test run makes (stores, packages, servers' data, browser
// profiles), removed when the run ends: TMPDIR/TEMP/TMP point into it for the run and everything it
// spawns. FASHEN_TEST_SCRATCH says a run already has one (npm test makes it for all its stages).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeScratch(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    env: { TMPDIR: dir, TEMP: dir, TMP: dir, FASHEN_TEST_SCRATCH: dir },
    /** Removed unless FASHEN_KEEP_TEST_TMP is set (then its path is returned, to look at). */
    remove() {
      if (process.env.FASHEN_KEEP_TEST_TMP) return dir;
      rmSync(dir, { recursive: true, force: true });
      return null;
    },
  };
}
