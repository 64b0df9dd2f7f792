// Downloads ahead of the imports (prefetch.ts) and files the importer takes over instead of
// copying (BlobStore.stageOwned): the order and the bound of the look-ahead, what a failure
// stops, and that taking files over never lets unverified bytes into the blob store.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobFetcher, type WantedBlob } from '../../../src/main/services/sync/blob-fetcher';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { Prefetcher } from '../../../src/main/services/sync/prefetch';
import { ProgressMeter } from '../../../src/main/services/sync/progress';
import { SyncedPackageSource } from '../../../src/main/services/sync/synced-source';
import { TransportError } from '../../../src/main/services/sync/transport';
import type { Workstation } from '../../../src/main/workstation';
import { tempDir } from '../../helpers/package-builder';
import { filesOf, newDataDir, packageWithFiles, workstation } from './fixtures';

const open: Workstation[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const NO_RETRY = { retries: 0, minDelay: 1, maxDelay: 1 };

/** A central system holding one blob per entry, and a prefetcher over it. */
function setup(entries: number, size: number, opts: { concurrency?: number; lookaheadBytes?: number } = {}) {
  const central = new MemoryCentral();
  const wanted: WantedBlob[][] = [];
  for (let i = 0; i < entries; i++) {
    const bytes = randomBytes(size);
    central.blobs.set(sha(bytes), bytes);
    wanted.push([{ sha256: sha(bytes), size }]);
  }
  const requested: string[] = [];
  central.fault = (op, detail) => {
    if (op === 'blob') requested.push(detail);
  };
  const w = workstation(newDataDir(), () => central.transport());
  open.push(w);
  const fetcher = new BlobFetcher(join(w.dataDir, 'prefetch'));
  const blobs = w.blobs;
  const controller = new AbortController();
  // Downloads start in the constructor: set central.fault before calling start().
  const start = () => new Prefetcher(
    { transport: central.transport(), fetcher, blobs, progress: new ProgressMeter(() => undefined), retry: NO_RETRY, signal: controller.signal, concurrency: opts.concurrency ?? 2, ...(opts.lookaheadBytes ? { lookaheadBytes: opts.lookaheadBytes } : {}) },
    wanted,
    wanted.map((_, i) => `entry ${i}`),
  );
  const entryOf = (s: string) => wanted.findIndex((w) => w[0]!.sha256 === s);
  return { central, wanted, requested, fetcher, start, entryOf };
}

const settle = () => new Promise((r) => setTimeout(r, 30));

describe('prefetch: downloads ahead of the imports', () => {
  it('fetches in feed order, runs ahead while an entry is imported, and stops at the look-ahead bound', async () => {
    const { wanted, requested, fetcher, start, entryOf } = setup(6, 10_000, { concurrency: 1, lookaheadBytes: 25_000 });
    const prefetch = start();
    await prefetch.ready(0, wanted[0]!);
    expect(fetcher.verifiedPath(wanted[0]![0]!.sha256)).not.toBeNull();
    await settle();
    // Entry 0 is "being imported": entries 1 and 2 (20 kB ≤ 25 kB) are fetched ahead, not 3.
    expect(requested.map(entryOf)).toEqual([0, 1, 2]);
    prefetch.moveTo(3);
    await settle();
    expect(requested.map(entryOf)).toEqual([0, 1, 2, 3, 4, 5]);
    for (let i = 1; i < 6; i++) await prefetch.ready(i, wanted[i]!);
    await prefetch.close();
    expect(wanted.every((w) => fetcher.verifiedPath(w[0]!.sha256) !== null)).toBe(true);
  });

  it('after a failure no further download starts: earlier entries are ready, the failing one and later ones are not', async () => {
    const { central, wanted, requested, start, entryOf } = setup(4, 5_000, { concurrency: 1 });
    const bad = wanted[1]![0]!.sha256;
    central.fault = (op, detail) => {
      if (op !== 'blob') return;
      requested.push(detail);
      if (detail === bad) throw new TransportError('http', '文件不存在或无权访问', 404, 'not_found');
    };
    const prefetch = start();
    await prefetch.ready(0, wanted[0]!);
    await expect(prefetch.ready(1, wanted[1]!)).rejects.toThrow('文件不存在');
    await expect(prefetch.ready(2, wanted[2]!)).rejects.toThrow('文件不存在');
    await prefetch.close();
    expect(requested.map(entryOf)).toEqual([0, 1]);
  });

  it('close() cancels downloads in flight and waits for them: their partial copies stay for the next run', async () => {
    const { central, wanted, fetcher, start } = setup(2, 400_000, { concurrency: 2 });
    let closing: Promise<void> | null = null;
    let requests = 0;
    central.fault = (op) => {
      if (op === 'blob' && ++requests === 1) setImmediate(() => (closing = prefetch.close()));
    };
    const prefetch = start();
    await settle();
    await closing;
    // Nothing writes into sync/blobs after close() resolved.
    const dir = fetcher.dir;
    const snapshot = readdirSync(dir).map((f) => [f, statSync(join(dir, f)).size]);
    await settle();
    expect(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).size])).toEqual(snapshot);
    expect(wanted.every((w) => fetcher.verifiedPath(w[0]!.sha256) === null)).toBe(true);
    expect(requests).toBe(2);
  });
});

describe('pull: the entries before a failed download are imported', () => {
  it('a blob of the third case is refused by the server: cases 1 and 2 are imported, the cursor stops before 3', async () => {
    const central = new MemoryCentral();
    const made = [];
    for (let i = 0; i < 3; i++) {
      const pkg = await packageWithFiles(tempDir(), [30_000, 20_000]);
      made.push({ pkg, entry: central.publish(pkg.manifest, filesOf(pkg)) });
    }
    const bad = made[2]!.pkg.manifest.evidence.at(-1)!.file.sha256;
    central.fault = (op, detail) => {
      if (op === 'blob' && detail === bad) throw new TransportError('http', '文件不存在或无权访问', 404, 'not_found');
    };
    const w = workstation(newDataDir(), () => central.transport(), { concurrency: 4, retry: NO_RETRY });
    open.push(w);
    const r = await w.sync.run();
    expect(r.outcome).toBe('error');
    expect(w.cases.listRows({}).map((c) => c.id).sort()).toEqual([made[0]!.pkg.manifest.case.id, made[1]!.pkg.manifest.case.id].sort());
    expect(w.sync.state.cursor()).toBe(made[1]!.entry.seq);
    central.fault = null;
    expect((await w.sync.run()).outcome).toBe('synced');
    expect(w.cases.count()).toBe(3);
    // The downloads are the store's files now; nothing is left in sync/blobs.
    for (const f of made[2]!.pkg.manifest.evidence) {
      expect(await w.blobs.verify(f.file.sha256)).toBe('ok');
      expect(statSync(w.blobs.pathOf(f.file.sha256)).nlink).toBe(1);
    }
    expect(readdirSync(join(w.dataDir, 'sync', 'blobs')).filter((f) => /^[0-9a-f]{64}/.test(f))).toEqual([]);
  });
});

describe('the importer takes owned files over without a second copy, and still re-hashes them', () => {
  it('an owned file with other bytes than case.json says is refused; nothing reaches the blob store', async () => {
    const pkg = await packageWithFiles(tempDir(), [50_000]);
    const w = workstation(newDataDir(), () => new MemoryCentral().transport());
    open.push(w);
    const dir = tempDir('owned-');
    const files = new Map<string, string>();
    for (const [path, bytes] of filesOf(pkg)) {
      const file = join(dir, sha(bytes));
      writeFileSync(file, bytes);
      files.set(path, file);
    }
    // The big evidence file: the right name, other bytes (as if changed on disk after download).
    const target = pkg.manifest.evidence.at(-1)!.file;
    writeFileSync(files.get(target.path)!, randomBytes(target.size));
    const r = await w.importer.importSource(new SyncedPackageSource('test', JSON.stringify(pkg.manifest), files), { fromCentral: true });
    expect(r.ok).toBe(false);
    expect(r.details?.join('\n')).toMatch(/文件校验值不符：evidence\/blob-0\.bin/);
    expect(w.cases.count()).toBe(0);
    for (const f of [...pkg.manifest.documents, ...pkg.manifest.evidence]) expect(w.blobs.has(f.file.sha256)).toBe(false);
    expect(readdirSync(join(w.dataDir, 'blobs', '.staging'))).toEqual([]);
    // The owned files themselves are left as they were.
    expect([...files.values()].every((f) => existsSync(f))).toBe(true);
  });

  it('a file already in the store is staged by a link to that copy: imported without a second copy', async () => {
    const pkg = await packageWithFiles(tempDir(), [40_000]);
    const w = workstation(newDataDir(), () => new MemoryCentral().transport());
    open.push(w);
    expect((await w.importer.importOne(pkg.dir)).ok).toBe(true);
    const big = pkg.manifest.evidence.at(-1)!.file;
    const before = statSync(w.blobs.pathOf(big.sha256), { bigint: true }).ino;
    // Revision 2 of the same case, its files from the store (what the pull hands over).
    const next = { ...pkg.manifest, case: { ...pkg.manifest.case, revision: 2 } };
    const files = new Map([...filesOf(pkg).entries()].map(([path, bytes]) => [path, w.blobs.pathOf(sha(bytes))]));
    const r = await w.importer.importSource(new SyncedPackageSource('test', JSON.stringify(next), files), { fromCentral: true });
    expect(r).toMatchObject({ ok: true, action: 'new_round' });
    const after = statSync(w.blobs.pathOf(big.sha256), { bigint: true });
    expect(after.ino).toBe(before);
    expect(after.nlink).toBe(1n);
    expect(readdirSync(join(w.dataDir, 'blobs', '.staging'))).toEqual([]);
  });
});
