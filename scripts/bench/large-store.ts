// The 10,000-case store: generation (bench mode, files shared from a small pool), import
// throughput in cases/s, and cases.list over every case (the queue's back-end call).
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoPackages } from '../../src/main/demo/generate';
import { Workstation } from '../../src/main/workstation';
import { int, LARGE, mb, median, ms, TODAY, timed, tmp, type Section } from './common';

export async function buildLargeStore(s: Section): Promise<string> {
  const out = tmp('bench-large-');
  const [generated, genMs] = await timed(() => generateDemoPackages({ outDir: out, today: TODAY, seed: 2, count: LARGE, shareFiles: true }));
  s.add({ what: `生成 generate ${int(generated.length)} packages (distinct case.json, files hard-linked from a shared pool)`, measured: ms(genMs) });
  const home = tmp('bench-home-');
  const ws = new Workstation({ dataDir: home, today: () => TODAY });
  const t = performance.now();
  let lastReport = t;
  for (const [i, g] of generated.entries()) {
    const r = await ws.importer.importOne(g.dir);
    if (!r.ok) throw new Error(`${g.dir}: ${r.error}`);
    if (performance.now() - lastReport > 30_000) {
      lastReport = performance.now();
      console.log(`  … ${i + 1}/${generated.length} imported`);
    }
  }
  const total = performance.now() - t;
  s.add({ what: `导入 import ${int(generated.length)} packages into one store`, measured: `${ms(total)} total · **${(generated.length / (total / 1000)).toFixed(0)} cases/s**` });
  ws.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  s.add({ what: 'store size (fashen.db; blobs are shared in bench mode)', measured: mb(statSync(join(home, 'fashen.db')).size) });

  const list: number[] = [];
  const filtered: number[] = [];
  for (let i = 0; i < 7; i++) {
    list.push((await timed(() => ws.views.list({})))[1]);
    filtered.push((await timed(() => ws.views.list({ text: '马市监' })))[1]);
  }
  s.add({ what: `cases.list over ${int(generated.length)} cases (back end, incl. working-day countdown)`, measured: `median ${ms(median(list))} (7 runs)` });
  s.add({ what: 'cases.list with a text filter (马市监)', measured: `median ${ms(median(filtered))}` });
  s.note(
    'cases.list over 10,000 cases was 550 ms on 2026-11-23 (CPU profile: ~150 ms reading every case_file row with all its columns, ~400 ms in the working-day countdown, day by day for each case). Since then the countdown is remembered per (送审日, period, today, calendar revision) — many cases share a 送审 date — and the queue reads only its own columns (CaseFileRepo.queueRows). Measured on this store on 2026-12-03 (median of 7, same process): all columns 291 ms, the queue columns 170 ms, the whole cases.list 173 ms, of which ~154 ms is SQLite itself (the same SELECT as a prepared statement; the rows are spread over the table\'s encrypted pages, facts and JSON included). The queue\'s first paint did not move with it (1,540 → 1,557 ms): at this size it is no longer bound by cases.list.',
  );
  ws.close();
  rmSync(out, { recursive: true, force: true });
  return home;
}
