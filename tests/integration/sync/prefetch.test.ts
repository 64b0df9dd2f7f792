// Downloads ahead of the imports (prefetch.ts), one request per blob or in batches, and files the
// importer takes over instead of copying (BlobStore.stageOwned): the order and the bound of the
// look-ahead, what a failure stops, a cut mid-batch continued with Range, and that taking sealed
// downloads over without decrypting them never lets another blob's bytes into the store.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { CHUNK_BYTES } from '../../../src/main/services/cache-crypto/blob-format';
import { packageFiles } from '../../../src/shared/casefile/schema';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobFetcher, BlobIntegrityError, type WantedBlob } from '../../../src/main/services/sync/blob-fetcher';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { Prefetcher } from '../../../src/main/services/sync/prefetch';
import { ProgressMeter } from '../../../src/main/services/sync/progress';
import { SyncedPackageSource, type SyncedFile } from '../../../src/main/services/sync/synced-source';
import { checkedManifest } from '../../../src/main/services/importer';
import { TransportError, type SyncTransport } from '../../../src/main/services/sync/transport';
import type { RetryPolicy } from '../../../src/main/services/sync/retry';
import type { Workstation } from '../../../src/main/workstation';
import { tempDir } from '../../helpers/package-builder';
import { filesOf, newDataDir, packageWithFiles, perBlob, workstation } from './fixtures';

const open: Workstation[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const NO_RETRY = { retries: 0, minDelay: 1, maxDelay: 1 };

/** A central system holding one blob per entry, and a prefetcher over it. */
function setup(entries: number, size: number, opts: { concurrency?: number; lookaheadBytes?: number; batch?: boolean; retry?: RetryPolicy } = {}) {
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
  const fetcher = new BlobFetcher(join(w.dataDir, 'prefetch'), w.blobs);
  const blobs = w.blobs;
  const controller = new AbortController();
  // Downloads start in the constructor: set central.fault before calling start().
  const entryOf = (s: string) => wanted.findIndex((w) => w[0]!.sha256 === s);
  // What crossed the wire: "blob <entry>@<start>" and "blobs <entry>,<entry>,…".
  const calls: string[] = [];
  const inner = opts.batch ? central.transport() : perBlob(central.transport());
  const transport: SyncTransport = {
    ...perBlob(inner),
    blob: (s, range, signal) => {
      calls.push(`blob ${entryOf(s)}@${range?.start ?? 0}`);
      return inner.blob(s, range, signal);
    },
    ...(inner.blobs
      ? {
          blobs: (shas: readonly string[], signal: AbortSignal) => {
            calls.push(`blobs ${shas.map(entryOf).join(',')}`);
            return inner.blobs!(shas, signal);
          },
        }
      : {}),
  };
  const progress = new ProgressMeter(() => undefined);
  const start = () => new Prefetcher(
    { transport, fetcher, blobs, progress, retry: opts.retry ?? NO_RETRY, signal: controller.signal, concurrency: opts.concurrency ?? 2, ...(opts.lookaheadBytes ? { lookaheadBytes: opts.lookaheadBytes } : {}) },
    wanted,
    wanted.map((_, i) => `entry ${i}`),
  );
  return { central, wanted, requested, fetcher, blobs, start, entryOf, calls, progress, controller };
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

describe('prefetch: batch downloads (transport.blobs)', () => {
  it('asks for consecutive entries in one request within the look-ahead bound, each ready as soon as it is in', async () => {
    const { wanted, fetcher, blobs, start, calls, progress } = setup(6, 10_000, { concurrency: 1, lookaheadBytes: 25_000, batch: true });
    const prefetch = start();
    await prefetch.ready(0, wanted[0]!);
    await settle();
    // Entry 0 is "being imported": 1 and 2 (20 kB ≤ 25 kB ahead) come in the same request, not 3.
    expect(calls).toEqual(['blobs 0,1,2']);
    prefetch.moveTo(3);
    for (let i = 3; i < 6; i++) await prefetch.ready(i, wanted[i]!);
    await prefetch.close();
    expect(calls).toEqual(['blobs 0,1,2', 'blobs 3,4,5']);
    // A batch goes into a pack of the store (blob-pack/): the blobs are there, not in the download folder.
    expect(wanted.every((w) => blobs.has(w[0]!.sha256))).toBe(true);
    expect(progress.transferred).toBe(60_000);
    // Sealed as they arrived: nothing in the download folder holds plaintext.
    const dir = fetcher.dir;
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).subarray(0, 8).toString('latin1')).toBe('FSHNBLOB');
  });

  it('a cut mid-batch: the blobs already in stay, the one cut off continues with Range where it stopped, the rest one by one', async () => {
    const { central, wanted, fetcher, blobs, start, calls, progress } = setup(4, 10_000, { concurrency: 1, batch: true });
    central.cutBlobAfter = 15_000;
    const transport = central.transport();
    const prefetch = start();
    await prefetch.ready(0, wanted[0]!);
    // Per-blob requests after the cut are not cut again (each is 10 kB ≤ 15 kB).
    for (let i = 1; i < 4; i++) await prefetch.ready(i, wanted[i]!);
    await prefetch.close();
    expect(calls).toEqual(['blobs 0,1,2,3', 'blob 1@5000', 'blob 2@0', 'blob 3@0']);
    // Nothing crossed the wire twice.
    expect(progress.transferred).toBe(40_000);
    // Blob 0 came whole in the batch (packed into the store); the others were fetched one by one.
    expect(blobs.has(wanted[0]![0]!.sha256)).toBe(true);
    for (const w of wanted.slice(1)) expect(fetcher.verifiedPath(w[0]!.sha256)).not.toBeNull();
    await transport.close();
  });

  it('a failed batch request falls back to one request per blob; the retries apply to those', async () => {
    const { central, wanted, fetcher, start, calls } = setup(3, 5_000, { concurrency: 1, batch: true, retry: { retries: 3, minDelay: 1, maxDelay: 2 } });
    let failures = 0;
    central.fault = (op) => {
      if (op === 'blobs') throw new TransportError('http', '中心系统暂时故障', 503, 'unavailable');
      if (op === 'blob' && failures++ < 2) throw new TransportError('network', '连接被重置');
    };
    const prefetch = start();
    for (let i = 0; i < 3; i++) await prefetch.ready(i, wanted[i]!);
    await prefetch.close();
    expect(calls).toEqual(['blobs 0,1,2', 'blob 0@0', 'blob 0@0', 'blob 0@0', 'blob 1@0', 'blob 2@0']);
    for (const w of wanted) expect(fetcher.verifiedPath(w[0]!.sha256)).not.toBeNull();
  });

  it('a blob of wrong bytes in a batch is refused (no fallback): it and the later entries fail, earlier ones are ready', async () => {
    const { central, wanted, fetcher, start, calls } = setup(4, 8_000, { concurrency: 1, batch: true });
    const bad = wanted[2]![0]!.sha256;
    central.blobs.set(bad, randomBytes(8_000));
    const prefetch = start();
    await prefetch.ready(0, wanted[0]!);
    await prefetch.ready(1, wanted[1]!);
    await expect(prefetch.ready(2, wanted[2]!)).rejects.toBeInstanceOf(BlobIntegrityError);
    await expect(prefetch.ready(3, wanted[3]!)).rejects.toBeInstanceOf(BlobIntegrityError);
    await prefetch.close();
    expect(calls).toEqual(['blobs 0,1,2,3']);
    expect(fetcher.verifiedPath(bad)).toBeNull();
    expect(readdirSync(fetcher.dir).filter((f) => f.startsWith(bad))).toEqual([]);
  });

  it('cancel during a batch stops it; the blob in hand keeps its whole chunks for the next run', async () => {
    const { central, wanted, fetcher, start, controller } = setup(2, 600_000, { concurrency: 1, batch: true });
    central.fault = (op) => {
      if (op === 'blobs') setTimeout(() => controller.abort(new Error('同步已取消')), 0);
    };
    const prefetch = start();
    await expect(prefetch.ready(0, wanted[0]!)).rejects.toThrow();
    await prefetch.close();
    expect(wanted.every((w) => fetcher.verifiedPath(w[0]!.sha256) === null)).toBe(true);
    expect(fetcher.haveBytes(wanted[0]![0]!) % CHUNK_BYTES).toBe(0);
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
    // Like the server: a batch naming an invisible blob is refused as a whole (then fetched blob by blob).
    central.fault = (op, detail) => {
      if ((op === 'blob' && detail === bad) || (op === 'blobs' && detail.split(',').includes(bad))) throw new TransportError('http', '文件不存在或无权访问', 404, 'not_found');
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

describe('the importer takes owned files over without a second copy: bytes from outside are hashed, sealed files checked by header', () => {
  it('an owned file with other bytes than case.json says is refused; nothing reaches the blob store', async () => {
    const pkg = await packageWithFiles(tempDir(), [50_000]);
    const w = workstation(newDataDir(), () => new MemoryCentral().transport());
    open.push(w);
    const dir = tempDir('owned-');
    const files = new Map<string, SyncedFile>();
    for (const [path, bytes] of filesOf(pkg)) {
      const file = join(dir, sha(bytes));
      writeFileSync(file, bytes);
      files.set(path, { file, head: null });
    }
    // The big evidence file: the right name, other bytes in the clear (a file not sealed here is hashed).
    const target = pkg.manifest.evidence.at(-1)!.file;
    writeFileSync(files.get(target.path)!.file!, randomBytes(target.size));
    const r = await w.importer.importSource(new SyncedPackageSource('test', checkedManifest(pkg.manifest), files), { fromCentral: true });
    expect(r.ok).toBe(false);
    expect(r.details?.join('\n')).toMatch(/文件校验值不符：evidence\/blob-0\.bin/);
    expect(w.cases.count()).toBe(0);
    for (const f of [...pkg.manifest.documents, ...pkg.manifest.evidence]) expect(w.blobs.has(f.file.sha256)).toBe(false);
    expect(readdirSync(join(w.dataDir, 'blobs', '.staging'))).toEqual([]);
    // The owned files themselves are left as they were.
    expect([...files.values()].every((f) => existsSync(f.file!))).toBe(true);
  });

  it('a verified download is adopted by link without decrypting it, yet one sealed for another blob is refused', async () => {
    const pkg = await packageWithFiles(tempDir(), [70_000, 30_000]);
    const central = new MemoryCentral();
    central.publish(pkg.manifest, filesOf(pkg));
    const w = workstation(newDataDir(), () => central.transport());
    open.push(w);
    const fetcher = new BlobFetcher(join(w.dataDir, 'sync', 'blobs'), w.blobs);
    const signal = new AbortController().signal;
    const [big, small] = pkg.manifest.evidence.slice(-2).map((e) => e.file);
    const files = new Map<string, SyncedFile>();
    for (const f of packageFiles(pkg.manifest)) {
      const file = await fetcher.fetch(central.transport(), { sha256: f.sha256, size: f.size }, signal, () => undefined);
      files.set(f.path, { file, head: fetcher.headOf(f.sha256) });
    }
    // The big file's entry points at the small file's sealed download: right size check aside, the header names another blob.
    const swapped = new Map(files);
    swapped.set(big!.path, files.get(small!.path)!);
    const refused = await w.importer.importSource(new SyncedPackageSource('test', checkedManifest(pkg.manifest), swapped), { fromCentral: true });
    expect(refused.ok).toBe(false);
    expect(refused.details?.join('\n')).toMatch(/校验值不符/);
    expect(w.cases.count()).toBe(0);
    expect(w.blobs.has(big!.sha256)).toBe(false);
    expect(readdirSync(join(w.dataDir, 'blobs', '.staging'))).toEqual([]);
    // At the next start, a file under a blob's name sealed for another is no verified download either: dropped.
    writeFileSync(join(fetcher.dir, big!.sha256), readFileSync(files.get(small!.path)!.file!));
    expect(new BlobFetcher(fetcher.dir, w.blobs).verifiedPath(big!.sha256)).toBeNull();
    expect(existsSync(join(fetcher.dir, big!.sha256))).toBe(false);

    await fetcher.fetch(central.transport(), big!, signal, () => undefined);
    // The right files: linked (same inode as the download), readable.
    const ok = await w.importer.importSource(new SyncedPackageSource('test', checkedManifest(pkg.manifest), files), { fromCentral: true });
    expect(ok).toMatchObject({ ok: true, action: 'imported' });
    expect(statSync(w.blobs.pathOf(small!.sha256)).ino).toBe(statSync(files.get(small!.path)!.file!).ino);
    expect((await w.blobs.read(small!.sha256)).equals(Buffer.from(filesOf(pkg).get(small!.path)!))).toBe(true);
    for (const f of packageFiles(pkg.manifest)) expect(await w.blobs.verify(f.sha256)).toBe('ok');
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
    const files = new Map([...filesOf(pkg).entries()].map(([path, bytes]) => [path, { file: w.blobs.pathOf(sha(bytes)), head: null }]));
    const r = await w.importer.importSource(new SyncedPackageSource('test', checkedManifest(next), files), { fromCentral: true });
    expect(r).toMatchObject({ ok: true, action: 'new_round' });
    const after = statSync(w.blobs.pathOf(big.sha256), { bigint: true });
    expect(after.ino).toBe(before);
    expect(after.nlink).toBe(1n);
    expect(readdirSync(join(w.dataDir, 'blobs', '.staging'))).toEqual([]);
  });
});
