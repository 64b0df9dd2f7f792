// Public API of the demo-data generator: realistic case packages (案卷包) for demos and tests.
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chinaToday, parseIsoDate } from '../../shared/format/date';
import { demoCalendar } from './calendar';
import { assignCaseNumbers, buildCase } from './case-builder';
import { planDocuments } from './docs/plan';
import { planEvidence } from './evidence/plan';
import { FilePool, fileRef, renderDocFile, renderSpecFile, type PoolEntry, type RenderedFile } from './files';
import type { CaseCtx } from './model';
import { buildCaseJson } from './package-json';
import { writeFolder, writeZip, type OutFile } from './writer';

export interface GenerateOptions {
  outDir: string;
  /** Number of packages (default 10: one per scenario, four with deliberate defects). */
  count?: number;
  seed?: number;
  /** Reference date, ISO, China time (default: today in China). All dates are laid out before it. */
  today?: string;
  /** Write <name>.zip instead of folders. */
  zip?: boolean;
  /** Bench mode: distinct case.json per case, files shared from a small pool (hard links). */
  shareFiles?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface GeneratedCase {
  /** Folder or zip path. */
  dir: string;
  caseId: string;
  caseNumber: string;
  /** Machine ids of deliberate defects, e.g. 'missing_notice'. */
  defects: string[];
}

export const DEFAULT_SEED = 20261123;

/** The root key every random stream of a demo set derives from. */
export function demoSeedKey(seed: number, today: string): string {
  return `fashen-demo/${seed}/${today}`;
}

function slugFor(ctx: CaseCtx, width: number): string {
  return `case-${String(ctx.index + 1).padStart(width, '0')}-${ctx.scenario.key}`;
}

/** File stem safe on every OS: no path separators or reserved characters. */
function safe(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]/g, '').slice(0, 40);
}

async function caseFiles(ctx: CaseCtx, pool: FilePool | undefined): Promise<{ json: string; files: OutFile[] }> {
  const evidence = planEvidence(ctx);
  const docs = planDocuments(ctx, evidence);
  const get = (key: string, make: () => Promise<RenderedFile>): Promise<PoolEntry> => (pool ? pool.get(`${ctx.scenario.key}/${key}`, make) : make().then((file) => ({ file })));
  const docEntries = await Promise.all(docs.map((d) => get(`doc/${d.key}`, () => renderDocFile(d.build))));
  const evEntries = await Promise.all(evidence.map((e) => get(`ev/${e.spec.key}`, () => renderSpecFile(e.spec.file))));
  const files: OutFile[] = [];
  const docRefs = docs.map((d, i) => {
    const entry = docEntries[i]!;
    const path = `documents/${String(i + 1).padStart(2, '0')}-${safe(d.title)}.${entry.file.ext}`;
    files.push({ path, file: entry.file, ...(entry.diskPath ? { linkFrom: entry.diskPath } : {}) });
    return fileRef(path, entry.file);
  });
  const evRefs = evidence.map((e, i) => {
    const entry = evEntries[i]!;
    const path = `evidence/${String(i + 1).padStart(2, '0')}-${safe(e.spec.fileName)}.${entry.file.ext}`;
    files.push({ path, file: entry.file, ...(entry.diskPath ? { linkFrom: entry.diskPath } : {}) });
    return fileRef(path, entry.file);
  });
  const pkg = buildCaseJson(ctx, docs, docRefs, evidence, evRefs);
  return { json: `${JSON.stringify(pkg, null, 2)}\n`, files };
}

/** The cases of a demo set, dated and numbered, before any file is rendered (tests check these). */
export function planDemoCases(opts: { count?: number; seed?: number; today: string }): CaseCtx[] {
  const count = opts.count ?? 10;
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count 必须为正整数');
  parseIsoDate(opts.today);
  const seed = demoSeedKey(opts.seed ?? DEFAULT_SEED, opts.today);
  const cal = demoCalendar();
  const cases: CaseCtx[] = [];
  for (let i = 0; i < count; i++) cases.push(buildCase({ seed, index: i, today: opts.today, cal }));
  assignCaseNumbers(seed, cases);
  return cases;
}

export async function generateDemoPackages(opts: GenerateOptions): Promise<GeneratedCase[]> {
  const count = opts.count ?? 10;
  const today = opts.today ?? chinaToday();
  const cases = planDemoCases({ count, today, ...(opts.seed !== undefined ? { seed: opts.seed } : {}) });
  const outDir = resolve(opts.outDir);
  await mkdir(outDir, { recursive: true });

  const poolDir = opts.shareFiles && !opts.zip ? join(outDir, '.shared-files') : undefined;
  const pool = opts.shareFiles ? new FilePool(poolDir) : undefined;
  const width = Math.max(3, String(count).length);
  const results: GeneratedCase[] = new Array<GeneratedCase>(count);
  let done = 0;
  const worker = async (ctx: CaseCtx): Promise<void> => {
    const { json, files } = await caseFiles(ctx, pool);
    const slug = slugFor(ctx, width);
    const dir = opts.zip ? join(outDir, `${slug}.zip`) : join(outDir, slug);
    if (opts.zip) await writeZip(dir, files, json, today);
    else await writeFolder(dir, files, json);
    results[ctx.index] = { dir, caseId: ctx.caseId, caseNumber: ctx.caseNumber, defects: [...ctx.defects] };
    opts.onProgress?.(++done, count);
  };
  // Rendering is mostly CPU on this thread; a little concurrency overlaps image encoding and I/O.
  const concurrency = opts.shareFiles ? 16 : 2;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < cases.length) await worker(cases[next++]!);
    }),
  );
  if (poolDir) await rm(poolDir, { recursive: true, force: true });
  return results;
}
