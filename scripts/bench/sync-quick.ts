// `npx tsx scripts/bench/sync-quick.ts`: the sync benchmark's incremental and feed parts on a
// smaller world, printed and not written to docs/benchmarks.md — for working on them.
// FASHEN_BENCH_SYNC_CASES (cases with files, default 20), FASHEN_BENCH_SYNC_TOTAL (default 10000),
// FASHEN_BENCH_FEED_SECONDS (default 10; 0 skips the feed); FASHEN_BENCH_TRACE=1 prints every
// request of the workstation's transport (undici's diagnostics channels) with its time to headers.
import diagnostics from 'node:diagnostics_channel';
import { rmSync } from 'node:fs';
import { Section } from './common';
import { baseCases } from './sync-data';
import { benchFeed } from './sync-feed';
import { benchIncremental } from './sync-incremental';
import { benchInitialSync } from './sync-initial';

const CASES = Number(process.env.FASHEN_BENCH_SYNC_CASES ?? 20);
const TOTAL = Math.max(CASES, Number(process.env.FASHEN_BENCH_SYNC_TOTAL ?? 10_000));
const FEED_SECONDS = Number(process.env.FASHEN_BENCH_FEED_SECONDS ?? 10);

if (process.env.FASHEN_BENCH_TRACE === '1') {
  const started = new WeakMap<object, number>();
  diagnostics.subscribe('undici:request:create', (m) => started.set((m as { request: object }).request, performance.now()));
  diagnostics.subscribe('undici:request:headers', (m) => {
    const { request, response } = m as { request: { method: string; path: string }; response: { statusCode: number } };
    const t0 = started.get(request);
    console.log(`trace ${performance.now().toFixed(1)} ${request.method} ${request.path.slice(0, 60)} ${response.statusCode} ${t0 === undefined ? '?' : (performance.now() - t0).toFixed(1)} ms`);
  });
}

const s = new Section('sync (quick)', '', ['sync']);
const bases = baseCases(TOTAL, 6);
const { world } = await benchInitialSync(s, { bases: bases.slice(0, CASES), files: 20, minBytes: 50_000, maxBytes: 150_000 });
try {
  const iw = await benchIncremental(s, world, bases.slice(CASES, TOTAL), 50);
  try {
    if (FEED_SECONDS > 0) await benchFeed(s, iw, FEED_SECONDS);
  } finally {
    await iw.central.stop();
  }
} finally {
  rmSync(world.root, { recursive: true, force: true });
}
for (const r of s.rows) console.log(`- ${r.what}: ${r.measured}`);
console.log(`load: ${s.load}`);
