// The offline way in (issue 6, "Offline bundle"): the same 1,000 packages the initial sync moves,
// as a folder of case folders on a USB stick, imported by `fashen import <folder>` into an empty
// data folder — what a reviewer in a county without a connection waits for. Compared with the same
// cp as the sync (the physical limit: reading and writing the bytes once).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { int, mb, ms, timed, type Section } from './common';
import { cpuReport, dropCaches, mbps, medianRun, runCli, type CpResult, type SyncedWorld } from './sync-initial';

interface ImportMeasure {
  ms: number;
  cold: boolean;
  cpu: { user: number; system: number };
  peakMb: number;
}

const RUNS = 3;

async function measureBundleImport(w: SyncedWorld, home: string): Promise<ImportMeasure> {
  rmSync(home, { recursive: true, force: true });
  const cpuFile = join(w.root, 'import-cpu.json');
  const cold = dropCaches();
  const [out, took] = await timed(() => runCli(['import', w.pkgDir, '--json'], { FASHEN_HOME: home, FASHEN_BENCH_CPU_FILE: cpuFile }));
  const outcomes = JSON.parse(out) as { ok: boolean; action?: string }[];
  const taken = outcomes.filter((o) => o.ok && o.action === 'imported').length;
  if (taken !== w.cases.length) throw new Error(`bundle import took ${taken} of ${w.cases.length} packages`);
  const { user, system, peakMb } = cpuReport(cpuFile);
  return { ms: took, cold, cpu: { user, system }, peakMb };
}

export async function benchBundleImport(s: Section, w: SyncedWorld, cp: CpResult): Promise<void> {
  const home = join(w.root, 'bundle-workstation');
  const runs: ImportMeasure[] = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await measureBundleImport(w, home));
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
  const [m, others] = medianRun(runs, () => w.bytes);
  const rate = mbps(w.bytes, m.ms);
  s.add({
    what: `离线导入 the same ${int(w.cases.length)} packages (${mb(w.bytes)}) as a folder of case folders on a stick: \`fashen import <folder>\` into an empty data folder (checked, hashed, sealed into packs, written 32 cases at a time; ${m.cold ? 'cold' : 'warm'} page cache)`,
    measured: `${rate.toFixed(0)} MB/s = ${((100 * rate) / mbps(cp.bytes, cp.ms)).toFixed(0)} % of cp (median of ${runs.length} runs; the others ${others}) (${ms(m.ms)}; CPU ${(m.cpu.user + m.cpu.system).toFixed(1)} s (user ${m.cpu.user.toFixed(1)}, system ${m.cpu.system.toFixed(1)}); peak memory ${m.peakMb.toFixed(0)} MB)`,
  });
}
