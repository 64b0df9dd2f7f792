// gc-tuning.ts: with V8 counting Buffers' memory in its global limit, a stream of short-lived Buffers
// (a sync's downloads and cipher output) no longer sets off a full collection every ~64 MB. Checked
// in child processes (a V8 flag is for the whole process and cannot be undone), by counting the full
// collections while 1 GB passes through 64 KiB Buffers with ~30 MB of live objects around.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsGcFlags } from '../../src/main/gc-tuning';
import { tempDir } from '../helpers/package-builder';

const CHILD = `
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { tuneGc } from ${JSON.stringify(new URL('../../src/main/gc-tuning.ts', import.meta.url).href)};
if (process.argv[2] === 'tuned') tuneGc();
let major = 0;
new PerformanceObserver((l) => {
  for (const e of l.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++;
}).observe({ entryTypes: ['gc'] });
const live = Array.from({ length: 300_000 }, (_, i) => ({ i, s: 'x' + i }));
for (let i = 0; i < 16_000; i++) Buffer.allocUnsafeSlow(64 * 1024).fill(i & 255);
await new Promise((r) => setTimeout(r, 200));
console.log(JSON.stringify({ major, live: live.length }));
`;

function fullCollections(mode: 'tuned' | 'plain'): number {
  const file = join(tempDir('gc-'), 'child.mjs');
  writeFileSync(file, CHILD);
  const out = execFileSync(process.execPath, ['--import', 'tsx', file, mode], { encoding: 'utf8' });
  return (JSON.parse(out.trim().split('\n').pop()!) as { major: number }).major;
}

describe('GC tuning', () => {
  it('is asked of a V8 before 14.8 only (from 14.8 it is what V8 does, and the flag is gone)', () => {
    expect(needsGcFlags(process.versions.v8)).toBe(true); // Node 24: V8 13.6
    for (const v of ['13.6.233.17-node.31', '14.6.202.9', '14.7.1']) expect(needsGcFlags(v)).toBe(true);
    for (const v of ['14.8.0', '14.10.2', '15.0.1']) expect(needsGcFlags(v)).toBe(false);
  });

  it('a gigabyte of short-lived Buffers sets off far fewer full collections once tuned', () => {
    const plain = fullCollections('plain');
    const tuned = fullCollections('tuned');
    expect(plain).toBeGreaterThanOrEqual(8); // V8's 64 MB external-memory trigger, ~16 times for 1 GB
    expect(tuned).toBeLessThanOrEqual(plain / 4);
  });
});
