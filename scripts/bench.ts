// `npm run bench`: speed on generated data at realistic and 10× scale, written to docs/benchmarks.md.
// A benchmark, not a test: nothing here asserts on time.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { generateDemoPackages } from '../src/main/demo/generate';
import { Workstation } from '../src/main/workstation';
import { buildNode, ENTRIES } from './build-node.mjs';
import { buildRenderer } from './renderer-build.mjs';

const TODAY = '2026-11-23';
const LARGE = Number(process.env.FASHEN_BENCH_CASES ?? 10_000);
const lines: string[] = [];
const log = (s: string) => (console.log(s), lines.push(s));
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

function dirBytes(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function benchImportRealistic(): Promise<void> {
  const out = tmp('bench-demo-');
  let t = performance.now();
  const generated = await generateDemoPackages({ outDir: out, today: TODAY, seed: 1 });
  log(`| 生成演示案卷 generate ${generated.length} demo packages (own PDFs/images) | ${ms(performance.now() - t)} |`);
  const ws = new Workstation({ dataDir: tmp('bench-ws-'), today: () => TODAY });
  const bytes = dirBytes(out);
  const per: number[] = [];
  t = performance.now();
  for (const g of generated) {
    const s = performance.now();
    const r = await ws.importer.importOne(g.dir);
    if (!r.ok) throw new Error(r.error);
    per.push(performance.now() - s);
  }
  const total = performance.now() - t;
  log(`| 导入 import ${generated.length} packages, ${(bytes / 1e6).toFixed(1)} MB | ${ms(total)} total, median ${ms(median(per))}/package, ${(bytes / 1e6 / (total / 1000)).toFixed(1)} MB/s |`);
  ws.close();
}

async function buildLargeStore(): Promise<string> {
  const out = tmp('bench-large-');
  let t = performance.now();
  const generated = await generateDemoPackages({ outDir: out, today: TODAY, seed: 2, count: LARGE, shareFiles: true });
  log(`| 生成 generate ${generated.length} packages (shared file pool) | ${ms(performance.now() - t)} |`);
  const home = tmp('bench-home-');
  const ws = new Workstation({ dataDir: home, today: () => TODAY });
  t = performance.now();
  for (const g of generated) {
    const r = await ws.importer.importOne(g.dir);
    if (!r.ok) throw new Error(r.error);
  }
  const total = performance.now() - t;
  log(`| 导入 import ${generated.length} packages | ${ms(total)} total, ${(generated.length / (total / 1000)).toFixed(0)} cases/s |`);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    ws.views.list({});
    times.push(performance.now() - s);
  }
  log(`| cases.list over ${generated.length} cases (back end, incl. working-day countdown) | median ${ms(median(times))} |`);
  ws.close();
  rmSync(out, { recursive: true, force: true });
  return home;
}

async function benchQueueInChromium(home: string): Promise<void> {
  buildRenderer();
  await buildNode(['host']);
  const child = spawn(process.execPath, [join(process.cwd(), ENTRIES.host.out)], { env: { ...process.env, FASHEN_HOME: home, FASHEN_TODAY: TODAY }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /FASHEN_HOST_URL=(\S+)/.exec(buf);
      if (m) resolve(m[1]!);
    });
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const firstPaint: number[] = [];
    const interactive: number[] = [];
    for (let run = 0; run < 3; run++) {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const t0 = performance.now();
      await page.goto(url);
      await page.locator('.queue-data-row').first().waitFor();
      firstPaint.push(performance.now() - t0);
      // Interactive: the filter box answers and the list re-renders.
      await page.getByTestId('queue-search').fill('马市监');
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('.queue-data-row')];
        return rows.length > 0 && rows.every((r) => (r.textContent ?? '').includes('马市监'));
      });
      interactive.push(performance.now() - t0);
      const rows = await page.locator('.queue-data-row').count();
      if (run === 0) log(`| 队列 DOM rows rendered for ${LARGE} cases (virtualised) | ${rows} |`);
      const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
      if (run === 0 && heap) log(`| renderer JS heap after loading the queue | ${(heap / 1e6).toFixed(1)} MB |`);
      await page.close();
    }
    log(`| 队列首屏 queue first rows painted, ${LARGE} cases, Chromium 1920×1080 | median ${ms(median(firstPaint))} (3 runs) |`);
    log(`| 队列可交互 queue interactive (filter answered) | median ${ms(median(interactive))} |`);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  log(`| machine | ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node} |`);
  await benchImportRealistic();
  const home = await buildLargeStore();
  await benchQueueInChromium(home);
  mkdirSync('docs', { recursive: true });
  writeFileSync(
    'docs/benchmarks.md',
    `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (generated data; reference date ${TODAY}).\nFigures are wall-clock on the machine below; they are measurements, not test assertions.\n\n| what | figure |\n|---|---|\n${lines.join('\n')}\n`,
  );
  console.log('\nwritten to docs/benchmarks.md');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
