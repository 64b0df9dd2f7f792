// Pack files: many sealed blobs appended to one file instead of one file each (issue 6: creating
// and renaming 20,000 files is most of what separates the initial sync from cp on ext4).
//
// A pack is a 16-byte header ("FSHNPACK", version 1, 7 reserved bytes) followed by entries, each
// exactly the bytes a blob's own file would hold (cache-crypto/blob-format.ts: its 64-byte header
// bound to the key and the sha256, then its sealed 64 KiB chunks). So an entry is read, range-read
// and verified by the same code as a file (blob-io's SealedSpan), tampering shows the same way, and
// an entry can be copied out into a file of its own byte for byte.
//
// The pack itself says nothing about where entries start: that is the index (pack-index.ts), and an
// entry becomes visible only through it. PackWriter.commit() makes the written entries durable
// (fdatasync) before it hands them to the caller to index — a crash before that leaves bytes at
// the pack's end that nothing points to, never an index row pointing at bytes that are not there.
import { randomBytes } from 'node:crypto';
import { closeSync, fdatasync, fsyncSync, ftruncateSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import { BLOB_MAGIC, BlobTamperedError, CHUNK_BYTES, chunkOffset, encryptedSize, hasMagic } from '../cache-crypto/blob-format';
import { readHead, type SealedSpan } from '../cache-crypto/blob-io';
import type { CacheKey } from '../cache-crypto/cache-key';
import { fsyncDir } from '../cache-crypto/durable';
import { SealedWriter } from '../cache-crypto/sealed-writer';

export const PACK_MAGIC = Buffer.from('FSHNPACK', 'latin1');
export const PACK_VERSION = 1;
export const PACK_HEADER_BYTES = 16;

/** Where one blob lies: what the index keeps per sha256. */
export interface PackEntry {
  sha256: string;
  /** The pack's id (its file is `<id>.pack` in the pack folder). */
  pack: string;
  offset: number;
  /** Sealed length: header and chunks. */
  length: number;
}

export function packPath(dir: string, pack: string): string {
  if (!/^[0-9a-f]{16}$/.test(pack)) throw new Error(`invalid pack id: ${pack}`);
  return join(dir, `${pack}.pack`);
}

/** The entry as a span blob-io reads like a file of its own. */
export function entrySpan(dir: string, e: PackEntry): SealedSpan {
  return { path: packPath(dir, e.pack), offset: e.offset, length: e.length };
}

function packHeader(): Buffer {
  const b = Buffer.alloc(PACK_HEADER_BYTES);
  PACK_MAGIC.copy(b, 0);
  b[8] = PACK_VERSION;
  return b;
}

/** Whether a file starts as a pack of a version this code reads. */
export function isPack(path: string): boolean {
  const b = headOrNull(path, PACK_HEADER_BYTES);
  return !!b && packHeaderOk(b);
}

/** A pack of this version whose first entry starts as a sealed blob (what 设置's disk facts sample). */
export function startsSealed(path: string): boolean {
  const b = headOrNull(path, PACK_HEADER_BYTES + BLOB_MAGIC.length);
  return !!b && b.length === PACK_HEADER_BYTES + BLOB_MAGIC.length && packHeaderOk(b) && hasMagic(b.subarray(PACK_HEADER_BYTES));
}

function headOrNull(path: string, length: number): Buffer | null {
  try {
    return readHead(path, length);
  } catch {
    return null;
  }
}

function packHeaderOk(b: Buffer): boolean {
  return b.length >= PACK_HEADER_BYTES && b.subarray(0, 8).equals(PACK_MAGIC) && b[8] === PACK_VERSION;
}

/** One blob being appended: write its bytes, then finish() (hash checked) or abort(). */
export interface PackEntryWriter {
  readonly sha256: string;
  readonly size: number;
  /** Plaintext bytes received so far. */
  readonly written: number;
  write(data: Uint8Array): void;
  /** All bytes in and the hash is the sha256: the entry and the first plaintext bytes (type sniffing). */
  finish(): { entry: PackEntry; head: Buffer };
  /** Drop the entry: the pack is cut back to where it began. */
  abort(): void;
  /**
   * Move the entry, unfinished, out into a file of its own (`path`: a partial download) and go on
   * there exactly where it stopped: the writer returned holds the chunk being filled too. The pack
   * is cut back to where the entry began.
   */
  detach(path: string): SealedWriter;
}

/** Copy `length` bytes at `offset` of `fd` into a new file (replacing any); fsynced when `durable`. */
export function copyToFile(fd: number, offset: number, length: number, path: string, durable = false): void {
  const out = openSync(path, 'w');
  try {
    const buf = Buffer.allocUnsafe(Math.min(Math.max(length, 1), 1 << 20));
    for (let done = 0; done < length; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, length - done), offset + done);
      if (n === 0) throw new Error('pack entry cut short');
      for (let w = 0; w < n; ) w += writeSync(out, buf, w, n - w);
      done += n;
    }
    if (durable) fsyncSync(out);
  } finally {
    closeSync(out);
  }
}

/**
 * Appends entries to a new pack of its own (a writer never reopens a pack, so the bytes of a
 * process that died mid-entry are never written over or after). One entry at a time.
 */
export class PackWriter {
  private end = PACK_HEADER_BYTES;
  private current: SealedWriter | null = null;
  private pending: PackEntry[] = [];
  private closed = false;
  /** Entries were handed over for indexing: rows may point into this pack. */
  private committed = false;
  /** The folders whose entries (the pack's name, a new pack folder's) must be durable before the first commit. */
  private unsyncedDirs: string[];

  private constructor(
    readonly dir: string,
    readonly id: string,
    private readonly fd: number,
    private readonly key: CacheKey,
    madeDir: boolean,
  ) {
    this.unsyncedDirs = madeDir ? [dir, dirname(dir)] : [dir];
  }

  static create(dir: string, key: CacheKey): PackWriter {
    const made = mkdirSync(dir, { recursive: true }) !== undefined;
    const id = randomBytes(8).toString('hex');
    // Read too: an entry cut off is copied out of it (detach).
    const fd = openSync(packPath(dir, id), 'wx+');
    try {
      const h = packHeader();
      writeSync(fd, h, 0, h.length, 0);
    } catch (err) {
      closeSync(fd);
      throw err;
    }
    return new PackWriter(dir, id, fd, key, made);
  }

  /** Bytes in the pack so far (entries finished, header included). */
  get bytes(): number {
    return this.end;
  }

  begin(sha256: string, size: number): PackEntryWriter {
    if (this.closed) throw new Error('pack closed');
    if (this.current) throw new Error('a pack entry is still open');
    const start = this.end;
    const w = SealedWriter.at(this.fd, start, this.key, sha256, size);
    this.current = w;
    const drop = () => {
      w.close();
      ftruncateSync(this.fd, start);
      this.current = null;
    };
    return {
      sha256,
      size,
      get written() {
        return w.written;
      },
      write: (data) => w.write(data),
      finish: () => {
        let r;
        try {
          r = w.finish();
        } catch (err) {
          drop();
          throw err;
        }
        if (r.sha256 !== sha256) {
          drop();
          throw new BlobTamperedError(`文件内容与预期的校验值不符（应为 ${sha256.slice(0, 12)}…，实际 ${r.sha256.slice(0, 12)}…）`);
        }
        const entry: PackEntry = { sha256, pack: this.id, offset: start, length: encryptedSize(size) };
        this.end = start + entry.length;
        this.current = null;
        this.pending.push(entry);
        return { entry, head: r.head };
      },
      abort: drop,
      detach: (path) => {
        const tail = w.pendingPlain();
        const whole = (w.written - tail.length) / CHUNK_BYTES;
        try {
          copyToFile(this.fd, start, chunkOffset(whole), path);
        } finally {
          drop();
        }
        const r = SealedWriter.resume(path, this.key, sha256, size);
        if (typeof r === 'string') throw new Error(`pack entry could not be moved out (${r})`);
        r.write(tail);
        return r;
      },
    };
  }

  /**
   * Make the entries finished since the last commit durable and hand them over for indexing. The
   * flush runs on the thread pool; no entry may be begun until it is done.
   */
  async commit(): Promise<PackEntry[]> {
    if (!this.pending.length) return [];
    if (this.current) throw new Error('a pack entry is still open');
    await promisify(fdatasync)(this.fd);
    // A new file's bytes being durable is not its name being so: without the folder's fsync a
    // crash could keep the index rows and lose the pack they point into.
    for (const d of this.unsyncedDirs) fsyncDir(d);
    this.unsyncedDirs = [];
    const out = this.pending;
    this.pending = [];
    this.committed = true;
    return out;
  }

  /**
   * Close the pack; entries not committed are dropped from it, and a pack that never committed
   * any is deleted (a batch that failed at once would otherwise leave an empty pack per retry).
   */
  close(): void {
    if (this.closed) return;
    this.current?.close();
    this.current = null;
    if (this.pending.length) ftruncateSync(this.fd, this.pending[0]!.offset);
    this.pending = [];
    this.closed = true;
    closeSync(this.fd);
    if (!this.committed) rmSync(packPath(this.dir, this.id), { force: true });
  }
}
