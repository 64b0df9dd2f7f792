// Build the CLI and the host once before any test file runs: several integration suites spawn
// them, and parallel workers must not rebuild the same output file at the same moment.
import { buildNode } from '../scripts/build-node.mjs';
import { useScratchTmp } from './scratch-tmp';

export default async function setup(): Promise<() => void> {
  await buildNode(['cli', 'host']);
  return useScratchTmp('fashen-vitest-');
}
