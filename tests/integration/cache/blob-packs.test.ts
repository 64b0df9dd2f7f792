// Pack files (services/blob-pack): many sealed blobs in one file, found through the index in the
// workstation database. What the store promises of a blob file holds for a pack entry too: every
// read authenticated, ranges decrypt only their chunks, tampering is found, nothing in the clear;
// and an entry is a blob only once it is durable and indexed — a crash before that leaves bytes
// nothing points to, which prune() deletes.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../src/main/db/open';
import { BlobPacks } from '../../../src/main/services/blob-pack/blob-packs';
import { isPack, PACK_HEADER_BYTES, packPath, PackWriter } from '../../../src/main/services/blob-pack/pack-file';
import { PackIndex } from '../../../src/main/services/blob-pack/pack-index';
import { BlobStore, BlobTamperedError } from '../../../src/main/services/blob-store';
import { CHUNK_BYTES, encryptedSize } from '../../../src/main/services/cache-crypto/blob-format';
import { CacheKey } from '../../../src/main/services/cache-crypto/cache-key';
import { buildPackage, tempDir } from '../../helpers/package-builder';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const key = CacheKey.generate('unprotected-dev').key;

function setUp() {
  const dir = tempDir();
  const db = openStore(join(dir, 'fashen.db'));
  const packs = new BlobPacks(join(dir, 'blobs', 'packs'), key, new PackIndex(db.db));
  const store = new BlobStore(join(dir, 'blobs'), key, packs);
  return { dir, db, packs, store };
}

/** Append `blobs` to one pack (in network-sized pieces) and commit them. */
async function pack(packs: BlobPacks, blobs: Buffer[], commit = true): Promise<PackWriter> {
  const w = packs.writer();
  for (const b of blobs) {
    const e = w.begin(sha(b), b.length);
    for (let at = 0; at < b.length; at += 40_000) e.write(b.subarray(at, at + 40_000));
    e.finish();
  }
  if (commit) await packs.commit(w);
  return w;
}

describe('blob packs', () => {
  it('serves packed blobs like files: whole, by range, size, verify; no plaintext in the pack', async () => {
    const { packs, store } = setUp();
    const blobs = [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 5, 150_000].map((n) => randomBytes(n));
    const w = await pack(packs, blobs);
    packs.close(w);
    const file = readFileSync(packPath(packs.dir, w.id));
    expect(isPack(packPath(packs.dir, w.id))).toBe(true);
    expect(file.length).toBe(PACK_HEADER_BYTES + blobs.reduce((n, b) => n + encryptedSize(b.length), 0));
    for (const b of blobs) {
      const id = sha(b);
      expect(store.has(id)).toBe(true);
      expect(store.looksIntact(id)).toBe(true);
      expect(store.size(id)).toBe(b.length);
      expect((await store.read(id)).equals(b)).toBe(true);
      expect(await store.verify(id)).toBe('ok');
      if (b.length > 32) expect(file.includes(b.subarray(0, 32))).toBe(false);
      if (b.length > CHUNK_BYTES + 10) {
        expect((await store.readRange(id, CHUNK_BYTES - 5, CHUNK_BYTES + 9)).equals(b.subarray(CHUNK_BYTES - 5, CHUNK_BYTES + 10))).toBe(true);
        const parts: Buffer[] = [];
        for await (const p of store.open(id, { start: 7, end: b.length - 1 })) parts.push(p as Buffer);
        expect(Buffer.concat(parts).equals(b.subarray(7))).toBe(true);
      }
    }
  });

  it('finds a changed byte of an entry, an entry cut short, and an entry indexed for another blob', async () => {
    const { packs, store } = setUp();
    const [a, b] = [randomBytes(200_000), randomBytes(90_000)];
    const w = await pack(packs, [a, b]);
    packs.close(w);
    const e = packs.index.get(sha(a))!;
    const fd = openSync(packPath(packs.dir, w.id), 'r+');
    writeSync(fd, Buffer.from([0x5a]), 0, 1, e.offset + 64 + CHUNK_BYTES + 100); // inside a's second chunk
    closeSync(fd);
    expect(await store.verify(sha(a))).toBe('tampered');
    await expect(store.readRange(sha(a), CHUNK_BYTES + 50, CHUNK_BYTES + 150)).rejects.toBeInstanceOf(BlobTamperedError);
    // The first chunk is untouched and still reads: only what was changed fails.
    expect((await store.readRange(sha(a), 0, 99)).equals(a.subarray(0, 100))).toBe(true);
    expect(await store.verify(sha(b))).toBe('ok');
    // An index row pointing at b's bytes under a's name: the header is bound to b.
    packs.index.put([{ ...packs.index.get(sha(b))!, sha256: sha(a) }]);
    expect(store.looksIntact(sha(a))).toBe(false);
    await expect(store.read(sha(a))).rejects.toBeInstanceOf(BlobTamperedError);
    // A row reaching past the pack's end (the pack cut short).
    packs.index.put([{ ...packs.index.get(sha(b))!, length: packs.index.get(sha(b))!.length + CHUNK_BYTES }]);
    expect(store.looksIntact(sha(b))).toBe(false);
    expect(await store.verify(sha(b))).toBe('tampered');
  });

  it('a blob whose pack went missing is missing, not an error: not present, verify says missing', async () => {
    const { packs, store } = setUp();
    const b = randomBytes(50_000);
    const w = await pack(packs, [b]);
    packs.close(w);
    rmSync(packPath(packs.dir, w.id));
    expect(store.has(sha(b))).toBe(false);
    expect(store.looksIntact(sha(b))).toBe(false);
    expect(await store.verify(sha(b))).toBe('missing');
    expect(store.statOf(sha(b))).toBeNull();
  });

  it('a blob whose bytes differ from its sha256 is refused and cut off the pack; the next entry starts where it began', async () => {
    const { packs, store } = setUp();
    const w = packs.writer();
    const good = randomBytes(70_000);
    const e = w.begin(sha(randomBytes(8)), good.length);
    e.write(good);
    expect(() => e.finish()).toThrow(BlobTamperedError);
    expect(statSync(packPath(packs.dir, w.id)).size).toBe(PACK_HEADER_BYTES);
    const g = w.begin(sha(good), good.length);
    g.write(good.subarray(0, 10_000));
    g.abort(); // a cut download
    expect(statSync(packPath(packs.dir, w.id)).size).toBe(PACK_HEADER_BYTES);
    const again = w.begin(sha(good), good.length);
    again.write(good);
    expect(again.finish().entry.offset).toBe(PACK_HEADER_BYTES);
    expect(() => again.write(Buffer.alloc(1))).toThrow();
    await packs.commit(w);
    packs.close(w);
    expect((await store.read(sha(good))).equals(good)).toBe(true);
  });

  it('an entry is a blob only once committed; a pack left by a crash is pruned, one being written is not', async () => {
    const { packs, store } = setUp();
    const [a, b] = [randomBytes(50_000), randomBytes(60_000)];
    const w = await pack(packs, [a], false);
    expect(store.has(sha(a))).toBe(false);
    expect(await store.verify(sha(a))).toBe('missing');
    expect(packs.prune()).toBe(0); // being written
    await packs.commit(w);
    expect(store.has(sha(a))).toBe(true);
    // Finished but never committed when the writer closes: cut off the pack.
    const e = w.begin(sha(b), b.length);
    e.write(b);
    e.finish();
    const before = statSync(packPath(packs.dir, w.id)).size;
    packs.close(w);
    expect(statSync(packPath(packs.dir, w.id)).size).toBe(before - encryptedSize(b.length));
    expect(store.has(sha(b))).toBe(false);
    // A pack from a process that died before its first commit: nothing points into it.
    const crashed = PackWriter.create(packs.dir, key);
    const c = crashed.begin(sha(b), b.length);
    c.write(b);
    c.finish();
    expect(readdirSync(packs.dir)).toHaveLength(2);
    expect(packs.prune()).toBe(1);
    expect(existsSync(packPath(packs.dir, crashed.id))).toBe(false);
    expect(existsSync(packPath(packs.dir, w.id))).toBe(true);
  });

  it('a pack closed without a commit (a batch that failed before any blob was whole) leaves no file', async () => {
    const { packs } = setUp();
    const b = randomBytes(90_000);
    const w = packs.writer();
    const e = w.begin(sha(b), b.length);
    e.write(b.subarray(0, 10_000));
    e.abort();
    expect(await packs.commit(w)).toEqual([]);
    packs.close(w);
    expect(existsSync(packPath(packs.dir, w.id))).toBe(false);
    packs.close(packs.writer());
    expect(readdirSync(packs.dir)).toEqual([]);
  });

  it('removing blobs frees their pack: pruned when empty, compacted into files when mostly dead', async () => {
    const { packs, store } = setUp();
    const blobs = Array.from({ length: 6 }, (_, i) => randomBytes(40_000 + i * 1000));
    const w1 = await pack(packs, blobs.slice(0, 2));
    packs.close(w1);
    const w2 = await pack(packs, blobs.slice(2));
    packs.close(w2);
    store.remove(sha(blobs[0]!));
    store.remove(sha(blobs[1]!));
    expect(store.has(sha(blobs[0]!))).toBe(false);
    expect(packs.prune()).toBe(1);
    expect(existsSync(packPath(packs.dir, w1.id))).toBe(false);
    // Three of four removed from the second pack: below half live, so its last blob moves to a file.
    for (const b of blobs.slice(2, 5)) store.remove(sha(b));
    expect(packs.compact((id) => store.pathOf(id))).toBe(1);
    expect(existsSync(packPath(packs.dir, w2.id))).toBe(false);
    const last = blobs[5]!;
    expect(packs.index.get(sha(last))).toBeUndefined();
    expect(existsSync(store.pathOf(sha(last)))).toBe(true);
    expect((await store.read(sha(last))).equals(last)).toBe(true);
    expect(await store.verify(sha(last))).toBe('ok');
  });

  it('a compaction copies out a bounded amount, the emptiest packs first; the rest at the next', async () => {
    const { packs, store } = setUp();
    // Three packs of four blobs of ~50 kB: one left with a single live blob, two with two.
    const made = [];
    for (let p = 0; p < 3; p++) {
      const blobs = Array.from({ length: 4 }, () => randomBytes(50_000));
      const w = await pack(packs, blobs);
      packs.close(w);
      made.push({ id: w.id, blobs });
    }
    const [half1, quarter, half2] = made as [(typeof made)[0], (typeof made)[0], (typeof made)[0]];
    for (const b of [...half1.blobs.slice(0, 2), ...quarter.blobs.slice(0, 3), ...half2.blobs.slice(2)]) store.remove(sha(b));
    const gone = (id: string) => !existsSync(packPath(packs.dir, id));
    // Room for ~2 blobs: the quarter-live pack goes first (one blob), then a half-live one (two) would pass the budget.
    expect(packs.compact((id) => store.pathOf(id), 0.6, 120_000)).toBe(1);
    expect([gone(half1.id), gone(quarter.id), gone(half2.id)]).toEqual([false, true, false]);
    // A first pack is compacted even when alone it is more than the budget.
    expect(packs.compact((id) => store.pathOf(id), 0.6, 1)).toBe(1);
    expect(packs.compact((id) => store.pathOf(id), 0.6, 1)).toBe(1);
    expect([gone(half1.id), gone(half2.id)]).toEqual([true, true]);
    for (const b of [quarter.blobs[3]!, ...half1.blobs.slice(2), ...half2.blobs.slice(0, 2)]) {
      expect(packs.index.get(sha(b))).toBeUndefined();
      expect((await store.read(sha(b))).equals(b)).toBe(true);
    }
    expect(packs.compact((id) => store.pathOf(id))).toBe(0);
  });

  it('a blob with its own file is read from the file; removing it drops both', async () => {
    const { packs, store } = setUp();
    const b = randomBytes(80_000);
    packs.close(await pack(packs, [b]));
    const staged = await store.stage((await import('node:stream')).Readable.from([b]), sha(b));
    expect(await store.commit(staged)).toBe(false); // not new: the pack held it
    expect(existsSync(store.pathOf(sha(b)))).toBe(true);
    expect((await store.read(sha(b))).equals(b)).toBe(true);
    store.remove(sha(b));
    expect(store.has(sha(b))).toBe(false);
  });
});

describe('blob packs of a workstation', () => {
  it('opening the data folder deletes a pack left before its first commit and compacts a mostly dead one', async () => {
    const { Workstation } = await import('../../../src/main/workstation');
    const dataDir = tempDir();
    const blobs = Array.from({ length: 4 }, (_, i) => randomBytes(30_000 + i));
    let w = new Workstation({ dataDir, today: () => '2026-12-06' });
    const packs = w.blobs.packs!;
    const kept = await pack(packs, blobs);
    packs.close(kept);
    for (const b of blobs.slice(0, 3)) w.blobs.remove(sha(b));
    const crashed = PackWriter.create(packs.dir, key); // never committed, never closed: a process that died
    w.close();
    w = new Workstation({ dataDir, today: () => '2026-12-06' });
    try {
      expect(readdirSync(w.blobs.packs!.dir)).toEqual([]);
      expect(existsSync(packPath(packs.dir, crashed.id))).toBe(false);
      expect((await w.blobs.read(sha(blobs[3]!))).equals(blobs[3]!)).toBe(true);
      expect(existsSync(w.blobs.pathOf(sha(blobs[3]!)))).toBe(true);
    } finally {
      w.close();
    }
  });
});

describe('blob packs of a data folder another process uses', () => {
  it('a pack another process is writing while it syncs is not pruned when the workstation opens here', async () => {
    const { Workstation } = await import('../../../src/main/workstation');
    const dataDir = tempDir();
    let w = new Workstation({ dataDir, today: () => '2026-12-06' });
    const dir = w.blobs.packs!.dir;
    w.close();
    // The app syncs (it holds the sync lock) and appends to a pack that has no rows before its batch ends.
    mkdirSync(join(dataDir, 'sync'), { recursive: true });
    writeFileSync(join(dataDir, 'sync', 'sync.lock'), String(process.ppid));
    const b = randomBytes(70_000);
    const theirs = PackWriter.create(dir, key);
    const e = theirs.begin(sha(b), b.length);
    e.write(b);
    e.finish();
    // `fashen` opens the same data folder meanwhile.
    w = new Workstation({ dataDir, today: () => '2026-12-06' });
    w.close();
    expect(existsSync(packPath(dir, theirs.id))).toBe(true);
    // Once no sync runs, a pack nothing points into is deleted at the next open.
    theirs.close();
    rmSync(join(dataDir, 'sync', 'sync.lock'));
    w = new Workstation({ dataDir, today: () => '2026-12-06' });
    w.close();
    expect(existsSync(packPath(dir, theirs.id))).toBe(false);
  });

  it('a mostly dead pack that cannot be copied out now still opens the workstation, its live blob read from the pack', async () => {
    const { Workstation } = await import('../../../src/main/workstation');
    const dataDir = tempDir();
    const blobs = Array.from({ length: 4 }, (_, i) => randomBytes(30_000 + i));
    let w = new Workstation({ dataDir, today: () => '2026-12-06' });
    const kept = await pack(w.blobs.packs!, blobs);
    w.blobs.packs!.close(kept);
    for (const b of blobs.slice(0, 3)) w.blobs.remove(sha(b));
    const live = sha(blobs[3]!);
    // Where its file would go cannot be a folder now (here a file stands in its way).
    writeFileSync(join(dataDir, 'blobs', live.slice(0, 2)), 'x');
    w.close();
    w = new Workstation({ dataDir, today: () => '2026-12-06' });
    try {
      expect((await w.blobs.read(live)).equals(blobs[3]!)).toBe(true);
      expect(existsSync(packPath(w.blobs.packs!.dir, kept.id))).toBe(true);
    } finally {
      w.close();
    }
  });
});

describe('an import that fails after storing its files', () => {
  it('keeps a packed blob another case shares: only blobs new to the store are taken back', async () => {
    const { Workstation } = await import('../../../src/main/workstation');
    const { CaseFileRepo } = await import('../../../src/main/db/repos/case-files');
    const w = new Workstation({ dataDir: tempDir(), today: () => '2026-12-06' });
    try {
      const pkg = await buildPackage(tempDir());
      const shared = readFileSync(join(pkg.dir, pkg.manifest.evidence[0]!.file.path));
      // The sync packed this file for a case imported earlier.
      const pw = w.blobs.packWriter()!;
      const e = pw.begin(sha(shared), shared.length);
      e.write(shared);
      e.finish();
      await w.blobs.commitPack(pw);
      w.blobs.closePack(pw);
      const write = vi.spyOn(CaseFileRepo.prototype, 'write').mockImplementationOnce(() => {
        throw new Error('磁盘已满');
      });
      try {
        expect(await w.importer.importOne(pkg.dir)).toMatchObject({ ok: false, error: '导入失败：磁盘已满' });
      } finally {
        write.mockRestore();
      }
      expect(w.blobs.has(sha(shared))).toBe(true);
      expect((await w.blobs.read(sha(shared))).equals(shared)).toBe(true);
      // The notice was new to the store: taken back.
      expect(w.blobs.has(pkg.manifest.documents[0]!.file.sha256)).toBe(false);
    } finally {
      w.close();
    }
  });
});
