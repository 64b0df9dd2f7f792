// V8's garbage collection, tuned for a process that moves gigabytes through Buffers (the sync).
//
// Before V8 14.8, V8 starts a full mark-compact of the whole heap each time ~64 MB more external
// memory (the memory behind Buffers) has been allocated since the last one, however little of it is
// still alive. An initial sync receives 2 GB and seals it into another 2 GB of cipher output, all in
// short-lived Buffers: 84 full collections in a 1,000-case sync, each marking the ~45 MB of the
// application's live heap again — 4.5 s of CPU on V8's helper threads, taken from the same two
// cores the download needs (issue 6). With external memory counted in V8's global limit instead,
// the limit follows what is actually live: 18 full collections, the sync ~12 % faster, at the cost
// of a higher peak of freed-but-not-yet-collected Buffers (docs/benchmarks.md). V8 14.8 made this
// its default and removed the flag, so it is set only on an older V8 (Node 24 runs 13.6); a newer
// one would print an "unrecognized flag" error for it.
import { setFlagsFromString } from 'node:v8';

export const GC_FLAGS = ['--external-memory-accounted-in-global-limit'];

/** Whether a V8 of this version (process.versions.v8) needs GC_FLAGS: before 14.8 only. */
export function needsGcFlags(v8Version: string): boolean {
  const [major = 0, minor = 0] = v8Version.split('.').map((n) => Number.parseInt(n, 10));
  return major < 14 || (major === 14 && minor < 8);
}

/** Call once, first thing in an entry point (the app's main process, the CLI, the headless host). */
export function tuneGc(): void {
  if (!needsGcFlags(process.versions.v8)) return;
  for (const f of GC_FLAGS) setFlagsFromString(f);
}
