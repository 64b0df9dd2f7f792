// V8's garbage collection, tuned for a process that moves gigabytes through Buffers (the sync).
//
// By default V8 starts a full mark-compact of the whole heap each time ~64 MB more external memory
// (the memory behind Buffers) has been allocated since the last one, however little of the heap
// changed. An initial sync receives 2 GB and seals it into another 2 GB of cipher output, all in
// short-lived Buffers: 84 full collections in a 1,000-case sync, each marking the ~45 MB of the
// application's live heap again — 4.5 s of CPU on V8's helper threads, taken from the same two cores
// the download needs (issue 6). With external memory counted in V8's global limit instead, the
// limit grows with what is actually live: 18 full collections, the sync ~10 % faster, at the cost of
// a higher peak of freed-but-not-yet-collected Buffers (measured in docs/benchmarks.md).
import { setFlagsFromString } from 'node:v8';

export const GC_FLAGS = ['--external-memory-accounted-in-global-limit'];

/** Call once, first thing in an entry point (the app's main process, the CLI, the headless host). */
export function tuneGc(): void {
  for (const f of GC_FLAGS) setFlagsFromString(f);
}
