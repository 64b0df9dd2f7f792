// The tests' temporary folders (stores, packages, servers' data, browser profiles) under one folder
// removed when the run ends, so runs leave nothing in the system's temp folder. Set from a global
// set-up, before workers start, so they and every process they spawn inherit it. `npm test` makes
// one for all its stages (FASHEN_TEST_SCRATCH), which a runner started by it simply uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function useScratchTmp(prefix: string): () => void {
  if (process.env.FASHEN_TEST_SCRATCH) return () => {};
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  Object.assign(process.env, { TMPDIR: scratch, TEMP: scratch, TMP: scratch, FASHEN_TEST_SCRATCH: scratch });
  return () => {
    if (!process.env.FASHEN_KEEP_TEST_TMP) rmSync(scratch, { recursive: true, force: true });
  };
}
