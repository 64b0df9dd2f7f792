// The tests' temporary folders under one folder removed when the run ends (scripts/scratch-tmp.mjs).
// Set from a global set-up, before workers start, so they and every process they spawn inherit it;
// under `npm test`, which made one for all its stages, the runner simply uses that.
import { makeScratch } from '../scripts/scratch-tmp.mjs';

export function useScratchTmp(prefix: string): () => void {
  if (process.env.FASHEN_TEST_SCRATCH) return () => {};
  const scratch = makeScratch(prefix);
  Object.assign(process.env, scratch.env);
  return () => void scratch.remove();
}
