// The body of POST /v1/blobs/batch: per blob the line `<sha256> <size>\n` and exactly `size` bytes
// (src/shared/sync/protocol.ts). The initial sync sends thousands of 50–150 kB blobs this way, so the
// server's CPU per blob counts. Blobs are read straight into one of two reused slabs (1 MiB, shared
// memory): one is filled — header lines and blobs one after another, the blobs laid out first and
// then read by one readPieces() call of the backend per slab (the local folder: on a worker thread,
// piece-reader.ts) — while the other is on the wire. No Buffer per blob and no stream per blob: a
// fresh 100 kB Buffer each made V8 run a full mark-compact every few hundred ms (external memory),
// most of the server's CPU during a sync. A big blob goes through the slabs in pieces.
import { BLOB_FRAME_HEADER_MAX, blobFrameHeader } from '../protocol';
import type { BlobBackend, BlobPiece, PiecesRead } from './backend';

/** Size of a slab: the largest read and the largest write. */
export const BLOB_SLAB = 1024 * 1024;

export interface FramedBlob {
  sha256: string;
  /** The size on record: exactly this many bytes are sent. */
  size: number;
}

/** Where the frames go. `write` resolves once `bytes` are handed on and their memory may be reused. */
export interface FrameSink {
  write(bytes: Buffer): Promise<void>;
}

/** Slabs that came back whole from an answer, for the next one (a few: one per answer at a time). */
const pool: Buffer[] = [];
const POOL_MAX = 8;
const ignore = () => undefined;

/** A piece of a blob laid out in the slab being filled, with the blob's recorded size. */
interface Planned extends BlobPiece {
  size: number;
}

/**
 * Two slabs: `cur` is being filled up to `used` while the other's write is in flight. Blob bytes are
 * laid out in `cur` first (plan) and read just before it is sent.
 */
class Slabs {
  cur: Buffer;
  used = 0;
  private spare: Buffer;
  private inFlight: Promise<void> | null = null;
  private planned: Planned[] = [];

  constructor(
    private readonly sink: FrameSink,
    private readonly size: number,
    private readonly readPieces?: (into: Buffer, pieces: readonly BlobPiece[]) => Promise<PiecesRead>,
  ) {
    // A header line must fit in an empty slab, or it would be cut in two.
    if (size < BLOB_FRAME_HEADER_MAX) throw new Error(`slab of ${size} bytes is smaller than a frame header`);
    this.cur = this.take();
    this.spare = this.take();
  }

  private take(): Buffer {
    // Shared memory: readPieces may fill it from another thread.
    return (this.size === BLOB_SLAB && pool.pop()) || Buffer.from(new SharedArrayBuffer(this.size));
  }

  /** Lays out the next bytes of a blob, from `position`, in the rest of `cur`; returns how many. */
  plan(sha256: string, size: number, position: number): number {
    const length = Math.min(this.room(), size - position);
    this.planned.push({ sha256, size, position, length, offset: this.used });
    this.used += length;
    return length;
  }

  /** Reads what is laid out. A missing or short blob: `cur` ends where its bytes do, and this throws. */
  private async read(): Promise<void> {
    const planned = this.planned;
    if (planned.length === 0) return;
    this.planned = [];
    let got: PiecesRead;
    try {
      got = await this.readPieces!(this.cur, planned);
    } catch (err) {
      this.used = planned[0]!.offset; // nothing of these was read: none of it goes out
      throw err;
    }
    if (got.pieces === planned.length) return;
    const p = planned[got.pieces]!;
    this.used = p.offset + got.bytes;
    throw got.error ?? short(p.sha256, p.position + got.bytes, p.size);
  }

  room(): number {
    return this.cur.length - this.used;
  }

  /** Sends what is filled; returns once the other slab is back and can be filled. */
  async flush(): Promise<void> {
    await this.read();
    if (this.used === 0) return;
    const sending = this.sink.write(this.cur.subarray(0, this.used));
    sending.catch(ignore); // awaited at the next flush or in finish; no unhandled rejection meanwhile
    const before = this.inFlight;
    this.inFlight = sending;
    [this.cur, this.spare] = [this.spare, this.cur];
    this.used = 0;
    // `cur` is now the slab of the write before: not filled again until that is done. Swapped first,
    // so that when it failed, the slab just handed on is not handed on again by finish(false).
    if (before) await before;
  }

  /** Sends the rest and waits for it. The slabs go back to the pool only after an answer without a failure. */
  async finish(reuse: boolean): Promise<void> {
    await this.flush();
    if (this.inFlight) await this.inFlight;
    if (reuse && this.size === BLOB_SLAB) for (const s of [this.cur, this.spare]) if (pool.length < POOL_MAX) pool.push(s);
  }
}

const short = (sha256: string, stored: number, size: number) => new Error(`blob ${sha256}: stored ${stored} bytes, recorded ${size}`);

/**
 * Writes the frames of `list` to `sink`, in order. A stored blob shorter than recorded (or missing)
 * rejects after the bytes before it are sent, so the caller cuts the answer and the client sees a
 * cut, not a wrong frame; no more than the recorded size is ever read, so a longer one cannot shift
 * the frames after it.
 */
export async function sendFrames(store: BlobBackend, list: readonly FramedBlob[], sink: FrameSink, slab = BLOB_SLAB): Promise<void> {
  const slabs = new Slabs(sink, slab, store.readPieces?.bind(store));
  try {
    for (const { sha256, size } of list) {
      const head = blobFrameHeader(sha256, size);
      if (slabs.room() < head.length) await slabs.flush();
      slabs.used += slabs.cur.write(head, slabs.used, 'latin1');
      if (size === 0) continue;
      if (!store.readPieces) await fromStream(slabs, store, sha256, size);
      else
        for (let at = 0; at < size; ) {
          if (slabs.room() === 0) await slabs.flush();
          at += slabs.plan(sha256, size, at);
        }
    }
    await slabs.finish(true); // the last slab is read here: a blob in it may still be found short
  } catch (err) {
    // Whatever was read is real bytes: send it, so the blobs before the failure arrive whole.
    await slabs.finish(false).catch(ignore);
    throw err;
  }
}

/** A backend without readPieces() (S3): its stream, asked for a range up to the recorded size, copied in. */
async function fromStream(slabs: Slabs, store: BlobBackend, sha256: string, size: number): Promise<void> {
  let at = 0;
  for await (const chunk of await store.get(sha256, { start: 0, end: size - 1 })) {
    const bytes = chunk as Buffer;
    for (let off = 0; off < bytes.length && at < size; ) {
      if (slabs.room() === 0) await slabs.flush();
      const n = Math.min(slabs.room(), bytes.length - off, size - at);
      bytes.copy(slabs.cur, slabs.used, off, off + n);
      slabs.used += n;
      off += n;
      at += n;
    }
  }
  if (at !== size) throw short(sha256, at, size);
}
