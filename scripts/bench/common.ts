// Shared helpers of `npm run bench`: sizes, statistics, result sections and the machine line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

export const TODAY = '2026-11-23';
/** Cases in the large store (issue 2/3: 10,000). */
export const LARGE = Number(process.env.FASHEN_BENCH_CASES ?? 10_000);
/** Synthetic PDF pages indexed for the search benchmark (issue 3: 200,000 at 10,000 cases). */
export const SEARCH_PAGES = Number(process.env.FASHEN_BENCH_PAGES ?? LARGE * 20);
/** Comma-separated subset of sections to run; a partial run replaces only its sections in docs/benchmarks.md. */
export const ONLY = (process.env.FASHEN_BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
export const runs = (name: string) => ONLY.length === 0 || ONLY.includes(name);

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const made: string[] = [];
/** A temporary folder, removed by cleanup() at the end of the run (kept with FASHEN_BENCH_KEEP=1). */
export function tmp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
export function cleanup(): void {
  if (process.env.FASHEN_BENCH_KEEP === '1') {
    console.log(`kept: ${made.join(' ')}`);
    return;
  }
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least q of the samples at or below it.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
export const median = (xs: readonly number[]) => quantile(xs, 0.5);
export const p95 = (xs: readonly number[]) => quantile(xs, 0.95);
export const max = (xs: readonly number[]) => Math.max(...xs);

export const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
export const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
export const int = (n: number) => Math.round(n).toLocaleString('en-US');

/** Time an async or sync function; returns [result, milliseconds]. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

export interface Row {
  what: string;
  measured: string;
  /** Target as written in the issue, e.g. "< 20 ms". */
  target?: string;
  /** Whether the target is met; undefined for rows without a target. */
  ok?: boolean;
  /** Short name of a target row for the summary at the top. */
  label?: string;
}

/** One table of docs/benchmarks.md. */
export class Section {
  readonly rows: Row[] = [];
  readonly notes: string[] = [];
  /** Load average and other busy processes when the section started (noise). */
  readonly load: string;
  readonly busy: string;
  /** The day it was measured (sections of earlier partial runs keep theirs). */
  readonly date = new Date().toISOString().slice(0, 10);

  /**
   * @param parts the FASHEN_BENCH_ONLY names whose measurements make up this section: a partial
   *   run writes it to docs/benchmarks.md only when all of them ran (else rows would go missing).
   */
  constructor(
    readonly title: string,
    readonly intro: string,
    readonly parts: readonly string[],
  ) {
    this.load = loadString();
    this.busy = busyProcesses();
    console.log(`\n## ${title}  (load ${this.load}${this.busy ? `; busy: ${this.busy}` : ''})`);
  }

  add(row: Row): void {
    this.rows.push(row);
    const mark = row.ok === undefined ? '' : row.ok ? ' ✓' : ' ✗';
    console.log(`| ${row.what} | ${row.target ?? ''} | ${row.measured}${mark} |`);
  }

  note(text: string): void {
    this.notes.push(text);
    console.log(`  note: ${text}`);
  }
}

export function loadString(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
}

function commandVersion(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0] ?? '';
  } catch {
    return 'unknown';
  }
}

export function machineLine(sqliteVersion: string): string {
  const cpu = cpus();
  return [
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}`,
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM`,
    `Linux`,
    `Node ${process.versions.node}`,
    `SQLite ${sqliteVersion}`,
    commandVersion(CHROMIUM, ['--version']).replace(/^Chromium\s*/, 'Chromium '),
  ].join(', ');
}

/** Other processes using CPU right now (the machine is shared), e.g. "npm ci 114%, MainThread 76%". */
export function busyProcesses(): string {
  try {
    // Two samples half a second apart: the second block is the current CPU use.
    const out = execFileSync('top', ['-b', '-n', '2', '-d', '0.5', '-o', '%CPU', '-w', '200'], { encoding: 'utf8' });
    const block = out.slice(out.lastIndexOf('top -'));
    return block
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter((f) => f.length >= 12 && /^\d+$/.test(f[0]!) && Number(f[0]) !== process.pid && Number(f[8]) >= 15)
      .slice(0, 5)
      .map((f) => `${f.slice(11).join(' ')} ${Number(f[8]).toFixed(0)}%`)
      .join(', ');
  } catch {
    return '';
  }
}
