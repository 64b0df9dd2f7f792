// sendFrames (the body of POST /v1/blobs/batch) over a real local folder: the frames in order through
// the reused slabs, blobs bigger than a slab, empty blobs, a stored file shorter than recorded (the
// blobs before it still go out whole), a longer one (no shift), a missing one, a failing sink — and the
// same through the stream path of a backend without readPieces() (S3).
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { BlobBackend, BlobPiece, PiecesRead } from '../../../src/server/blobs/backend';
import { BLOB_SLAB, sendFrames, type FrameSink } from '../../../src/server/blobs/blob-frames';
import { LocalFolderBackend } from '../../../src/server/blobs/local';
import { tempDir } from '../../helpers/package-builder';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Stored {
  sha256: string;
  size: number;
  bytes: Buffer;
}

async function storeOf(sizes: number[]): Promise<{ local: LocalFolderBackend; blobs: Stored[]; pathOf: (b: Stored) => string }> {
  const local = new LocalFolderBackend(tempDir('frames-'));
  const blobs: Stored[] = [];
  for (const size of sizes) {
    const bytes = randomBytes(size);
    const id = sha(bytes);
    await local.put(id, size, () => Readable.from([bytes]));
    blobs.push({ sha256: id, size, bytes });
  }
  return { local, blobs, pathOf: (b) => join(local.root, local.keyOf(b.sha256)) };
}

const framed = (list: Stored[]) => Buffer.concat(list.flatMap((b) => [Buffer.from(`${b.sha256} ${b.size}\n`), b.bytes]));

/**
 * A sink that takes the bytes only when its write resolves, a little later — as a socket with a full
 * buffer does — so a slab filled again before its write was done shows up as wrong bytes.
 */
function lateSink(): FrameSink & { out: () => Buffer; writes: Buffer[] } {
  const taken: Buffer[] = [];
  const writes: Buffer[] = [];
  return {
    writes,
    out: () => Buffer.concat(taken),
    write: (bytes) => {
      writes.push(bytes);
      return new Promise((res) =>
        setTimeout(() => {
          taken.push(Buffer.from(bytes));
          res();
        }, 2),
      );
    },
  };
}

/** The local backend, counting its readPieces calls; `fail` makes the call of that number reject (a reader thread lost). */
function counting(local: LocalFolderBackend, fail = 0): BlobBackend & { calls: BlobPiece[][] } {
  const calls: BlobPiece[][] = [];
  return {
    name: local.name,
    calls,
    put: local.put.bind(local),
    head: local.head.bind(local),
    exists: local.exists.bind(local),
    get: local.get.bind(local),
    keyOf: local.keyOf.bind(local),
    readPieces(into: Buffer, pieces: readonly BlobPiece[]): Promise<PiecesRead> {
      calls.push([...pieces]);
      return calls.length === fail ? Promise.reject(new Error('blob reader thread exited (1)')) : local.readPieces(into, pieces);
    },
  };
}

/** Open file descriptors of this process (the reader threads share them), where /proc tells. */
const openFds = () => readdirSync('/proc/self/fd').length;

/** The same folder as a backend without readPieces(): read through get(), as S3 is. */
function streamOnly(local: LocalFolderBackend): BlobBackend {
  return { name: 'stream-only', put: local.put.bind(local), head: local.head.bind(local), exists: local.exists.bind(local), get: local.get.bind(local), keyOf: local.keyOf.bind(local) };
}

describe.each([
  ['readPieces() (local folder)', (l: LocalFolderBackend): BlobBackend => l],
  ['get() stream (a backend without readPieces)', streamOnly],
])('sendFrames through %s', (_label, backend) => {
  it('sends every frame in order, blobs bigger than a slab and empty ones included', async () => {
    const { local, blobs } = await storeOf([2_500, 0, 300, 999, 1_000, 1, 0]);
    const sink = lateSink();
    await sendFrames(backend(local), blobs, sink, 1_000);
    expect(sink.out().equals(framed(blobs))).toBe(true);
    expect(Math.max(...sink.writes.map((w) => w.length))).toBeLessThanOrEqual(1_000);
  });

  it('sends the default slab size as well (a blob of several slabs)', async () => {
    const { local, blobs } = await storeOf([BLOB_SLAB * 2 + 123, 5_000]);
    const sink = lateSink();
    await sendFrames(backend(local), blobs, sink);
    expect(sink.out().equals(framed(blobs))).toBe(true);
  });

  it('sends a stored file longer than recorded as recorded: the frames after it do not shift', async () => {
    const { local, blobs, pathOf } = await storeOf([1_500, 700]);
    appendFileSync(pathOf(blobs[0]!), randomBytes(2_000));
    const sink = lateSink();
    await sendFrames(backend(local), blobs, sink, 1_000);
    expect(sink.out().equals(framed(blobs))).toBe(true);
  });

  it('fails on a stored file shorter than recorded, after sending the blobs before it whole', async () => {
    const { local, blobs, pathOf } = await storeOf([1_200, 3_000, 400]);
    truncateSync(pathOf(blobs[1]!), 1_000);
    const sink = lateSink();
    await expect(sendFrames(backend(local), blobs, sink, 1_000)).rejects.toThrow(`blob ${blobs[1]!.sha256}: stored 1000 bytes, recorded 3000`);
    const before = framed(blobs.slice(0, 1));
    const out = sink.out();
    expect(out.subarray(0, before.length).equals(before)).toBe(true);
    // Then at most the short blob's header and the bytes it has: never the blob after it.
    expect(out.length).toBeLessThanOrEqual(before.length + `${blobs[1]!.sha256} 3000\n`.length + 1_000);
    expect(out.subarray(before.length).equals(Buffer.concat([Buffer.from(`${blobs[1]!.sha256} 3000\n`), blobs[1]!.bytes.subarray(0, 1_000)]).subarray(0, out.length - before.length))).toBe(true);
  });

  it('fails on a blob missing from the store, after sending the blobs before it', async () => {
    const { local, blobs, pathOf } = await storeOf([800, 600]);
    rmSync(pathOf(blobs[1]!));
    const sink = lateSink();
    await expect(sendFrames(backend(local), blobs, sink, 1_000)).rejects.toThrow(/ENOENT/);
    expect(sink.out().subarray(0, framed(blobs.slice(0, 1)).length).equals(framed(blobs.slice(0, 1)))).toBe(true);
  });

  it('fails on a blob missing from the last slab, after sending the blobs before it in that slab', async () => {
    const { local, blobs, pathOf } = await storeOf([800, 600, 500]);
    rmSync(pathOf(blobs[1]!));
    const sink = lateSink();
    await expect(sendFrames(backend(local), blobs, sink)).rejects.toThrow(/ENOENT/);
    const before = framed(blobs.slice(0, 1));
    expect(sink.out().subarray(0, before.length).equals(before)).toBe(true);
  });

  it('hands no byte to the sink twice, also once a write has failed', async () => {
    const { local, blobs } = await storeOf([900, 900, 900, 900, 900]);
    const handed: Buffer[] = [];
    const sink: FrameSink = {
      write: (bytes) => {
        handed.push(Buffer.from(bytes));
        return handed.length === 2 ? Promise.reject(new Error('socket gone')) : Promise.resolve();
      },
    };
    await expect(sendFrames(backend(local), blobs, sink, 1_000)).rejects.toThrow('socket gone');
    const all = Buffer.concat(handed);
    expect(all.equals(framed(blobs).subarray(0, all.length))).toBe(true);
  });
});

describe('sendFrames with readPieces()', () => {
  it('packs small blobs into few writes of two alternating slabs (no Buffer per blob)', async () => {
    const { local, blobs } = await storeOf(Array.from({ length: 30 }, (_, i) => 100 + i * 10));
    const sink = lateSink();
    await sendFrames(local, blobs, sink, 1_000);
    expect(sink.out().equals(framed(blobs))).toBe(true);
    // 30 frames of 180–470 bytes (header included), ~10 kB: a write per slab, not two per blob.
    expect(sink.writes.length).toBeLessThanOrEqual(Math.ceil(framed(blobs).length / 1_000) + 30 / 2);
    // Every write starts a slab; the same two slabs (memory and offset) take turns.
    const starts = sink.writes.map((w) => [w.buffer, w.byteOffset] as const);
    expect(starts.filter(([b, o], i) => starts.findIndex(([b2, o2]) => b2 === b && o2 === o) === i)).toHaveLength(2);
  });

  it('refuses a slab smaller than a header line (it would cut one in two)', async () => {
    const { local, blobs } = await storeOf([10]);
    const sink = lateSink();
    // This header line is 68 bytes: a 60-byte slab would send it cut and the frames after it shifted.
    await expect(sendFrames(local, blobs, sink, 60)).rejects.toThrow('slab of 60 bytes is smaller than a frame header');
    expect(sink.writes).toHaveLength(0);
    const ok = lateSink();
    await sendFrames(local, blobs, ok, 82);
    expect(ok.out().equals(framed(blobs))).toBe(true);
  });

  it('reads a slab of small blobs in one call, and a blob bigger than a slab in one piece per slab', async () => {
    const { local, blobs } = await storeOf([200, 150, 200, 2_400, 100]);
    const store = counting(local);
    const sink = lateSink();
    await sendFrames(store, blobs, sink, 1_000);
    expect(sink.out().equals(framed(blobs))).toBe(true);
    expect(store.calls.length).toBe(sink.writes.length);
    // The three small blobs share the first slab with the start of the big one.
    expect(store.calls[0]!.map((p) => p.sha256)).toEqual(blobs.slice(0, 4).map((b) => b.sha256));
    const big = store.calls.flat().filter((p) => p.sha256 === blobs[3]!.sha256);
    expect(big.reduce((n, p) => n + p.length, 0)).toBe(2_400);
    expect(big.map((p) => p.position)).toEqual(big.map((_, i) => big.slice(0, i).reduce((n, p) => n + p.length, 0)));
  });

  it('sends none of a slab whose read failed (a reader thread lost), only the slabs before it', async () => {
    const { local, blobs } = await storeOf([700, 600, 500, 400]);
    const sink = lateSink();
    await expect(sendFrames(counting(local, 2), blobs, sink, 1_000)).rejects.toThrow('blob reader thread exited');
    const out = sink.out();
    expect(out.length).toBeGreaterThan(0);
    // A prefix of the right frames: no laid-out but unread bytes went out.
    expect(out.equals(framed(blobs).subarray(0, out.length))).toBe(true);
    expect(out.length).toBeLessThan(2_000);
  });

  it.skipIf(!existsSync('/proc/self/fd'))('leaves no file open, also when a blob is short, missing or the sink fails', async () => {
    const { local, blobs, pathOf } = await storeOf([1_200, 3_000, 400]);
    await sendFrames(local, blobs, lateSink(), 1_000); // the reader thread started (its own descriptors)
    const before = openFds();
    await sendFrames(local, blobs, lateSink(), 1_000);
    let writes = 0;
    const broken: FrameSink = { write: () => (++writes === 2 ? Promise.reject(new Error('socket gone')) : Promise.resolve()) };
    await expect(sendFrames(local, blobs, broken, 1_000)).rejects.toThrow('socket gone');
    truncateSync(pathOf(blobs[1]!), 1_000);
    await expect(sendFrames(local, blobs, lateSink(), 1_000)).rejects.toThrow(/stored 1000 bytes/);
    rmSync(pathOf(blobs[1]!));
    await expect(sendFrames(local, blobs, lateSink(), 1_000)).rejects.toThrow(/ENOENT/);
    expect(openFds()).toBe(before);
  });
});
