// Writes a blob of known sha256 and size straight into the store's encrypted format
// (blob-format.ts) as its bytes arrive: the plaintext is hashed on the way, each 64 KiB chunk is
// sealed as soon as it is full, and only whole sealed chunks reach the disk. So a partial file is
// always a prefix of the final one and can be resumed: resume() authenticates the kept chunks once
// (to restore the hash state) and continues after the last of them.
//
// The size is known in advance, so the final flag is set on the chunk that ends the blob without
// holding a full chunk back. A chunk index is sealed again under the same nonce only after a cut
// that left the previous attempt's bytes of that chunk unwritten (truncated away): content-addressed
// bytes from the same server are the same plaintext, so the same ciphertext.
import { createHash, type Hash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readSync, writeSync, writevSync } from 'node:fs';
import {
  BlobTamperedError,
  CHUNK_BYTES,
  HEADER_BYTES,
  TAG_BYTES,
  checkBlobHeader,
  chunkCount,
  chunkOffset,
  chunkPlainLength,
  encryptedSize,
  openChunk,
  sealChunkParts,
  type BlobHeader,
  type HeaderCheck,
} from './blob-format';
import type { SealedSource } from './blob-io';
import type { CacheKey } from './cache-key';
import { newBlobHeader } from './nonce-prefix';

/** Plaintext kept from the start of every blob for type sniffing (file-type needs 4,100 bytes). */
export const HEAD_BYTES = 4100;

export interface SealedResult {
  /** sha256 of the plaintext written (compare with the expected one). */
  sha256: string;
  /** The first HEAD_BYTES of the plaintext (fewer for a smaller blob). */
  head: Buffer;
}

/** Positional: a resumed file's descriptor was read from, so its own position is not the end. */
function writeAll(fd: number, b: Buffer, position: number): void {
  let off = 0;
  while (off < b.length) off += writeSync(fd, b, off, b.length - off, position + off);
}

/** A sealed chunk's parts in one positional writev (the rest by writeAll if the kernel takes less). */
function writeParts(fd: number, parts: readonly Buffer[], position: number): void {
  const total = parts.reduce((n, b) => n + b.length, 0);
  const n = writevSync(fd, parts, position);
  if (n < total) writeAll(fd, Buffer.concat(parts).subarray(n), position + n);
}

function readAt(fd: number, length: number, position: number): Buffer {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buf : buf.subarray(0, got);
}

/** Whether a file (or a pack entry) starts with the header of this blob sealed with this key (else: a plaintext leftover or someone else's). */
export function isSealedFor(source: SealedSource, key: CacheKey, sha256: string): boolean {
  let fd: number;
  try {
    fd = openSync(typeof source === 'string' ? source : source.path, 'r');
  } catch {
    return false;
  }
  try {
    return checkBlobHeader(readAt(fd, HEADER_BYTES, typeof source === 'string' ? 0 : source.offset), key.keyId, sha256).kind === 'sealed';
  } finally {
    closeSync(fd);
  }
}

/** Plaintext bytes a partial file of `fileSize` bytes keeps for a blob of `size` (whole non-final chunks). */
export function keptPlainBytes(fileSize: number, size: number): number {
  if (fileSize === encryptedSize(size)) return size;
  const whole = Math.max(0, Math.floor((fileSize - HEADER_BYTES) / (CHUNK_BYTES + TAG_BYTES)));
  return Math.min(whole, chunkCount(size) - 1) * CHUNK_BYTES;
}

export class SealedWriter {
  private readonly buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private fill = 0;
  private index: number;
  private done: number;
  private head: Buffer;
  private closed = false;

  private constructor(
    private readonly fd: number,
    private readonly blobKey: Buffer,
    private readonly header: BlobHeader,
    readonly size: number,
    private readonly hash: Hash,
    /** Plaintext bytes already in the file (a resumed copy). */
    readonly start: number,
    head: Buffer,
    /** Where the blob's header sits in the file: 0 for a file of its own, the entry's offset in a pack. */
    private readonly base = 0,
    /** A pack's descriptor belongs to the pack writer: finishing an entry does not close it. */
    private readonly ownsFd = true,
  ) {
    this.index = start / CHUNK_BYTES;
    this.done = start;
    this.head = head;
  }

  /** A new file (replacing any) holding only the header. */
  static create(path: string, key: CacheKey, sha256: string, size: number): SealedWriter {
    const header = newBlobHeader(key.keyId, sha256);
    const fd = openSync(path, 'w');
    try {
      writeAll(fd, header.bytes, 0);
    } catch (err) {
      closeSync(fd);
      throw err;
    }
    return new SealedWriter(fd, key.blobKey(), header, size, createHash('sha256'), 0, Buffer.alloc(0));
  }

  /**
   * A blob written at `base` of an open file it shares with others (a pack, blob-pack/pack-file.ts):
   * the same bytes a file of its own would hold, shifted by `base`. The descriptor stays open.
   */
  static at(fd: number, base: number, key: CacheKey, sha256: string, size: number): SealedWriter {
    const header = newBlobHeader(key.keyId, sha256);
    writeAll(fd, header.bytes, base);
    return new SealedWriter(fd, key.blobKey(), header, size, createHash('sha256'), 0, Buffer.alloc(0), base, false);
  }

  /**
   * Continue a partial file: cut to its whole non-final chunks, authenticate them and restore the
   * hash. 'absent' when there is no file; 'foreign' when it is not this blob sealed with this key
   * (an older version's plaintext, another key); 'tampered' when a kept chunk fails. The caller
   * deletes the file and starts anew in those cases.
   */
  static resume(path: string, key: CacheKey, sha256: string, size: number): SealedWriter | 'absent' | 'foreign' | 'tampered' {
    if (!existsSync(path)) return 'absent';
    const fd = openSync(path, 'r+');
    let handed = false;
    try {
      const fileSize = fstatSync(fd).size;
      let check: HeaderCheck;
      try {
        check = checkBlobHeader(readAt(fd, HEADER_BYTES, 0), key.keyId, sha256);
      } catch {
        return 'foreign';
      }
      if (check.kind !== 'sealed') return 'foreign';
      const header = check.header;
      const blobKey = key.blobKey();
      const complete = fileSize === encryptedSize(size);
      const kept = keptPlainBytes(fileSize, size);
      const chunks = complete ? chunkCount(size) : kept / CHUNK_BYTES;
      if (!complete) ftruncateSync(fd, chunkOffset(chunks));
      const hash = createHash('sha256');
      let head = Buffer.alloc(0);
      try {
        for (let i = 0; i < chunks; i++) {
          const len = chunkPlainLength(i, size) + TAG_BYTES;
          const sealed = readAt(fd, len, chunkOffset(i));
          if (sealed.length !== len) return 'tampered';
          const plain = openChunk(blobKey, header, i, complete && i === chunks - 1, sealed);
          hash.update(plain);
          if (i === 0) head = Buffer.from(plain.subarray(0, HEAD_BYTES));
        }
      } catch (err) {
        if (err instanceof BlobTamperedError) return 'tampered';
        throw err;
      }
      const w = new SealedWriter(fd, blobKey, header, size, hash, complete ? size : kept, head);
      if (complete) w.closedComplete();
      handed = true;
      return w;
    } finally {
      if (!handed) closeSync(fd);
    }
  }

  private closedComplete(): void {
    // Every chunk (the final one included) is on disk already: nothing left to seal.
    this.index = chunkCount(this.size);
    this.fill = -1;
  }

  /** The plaintext of the chunk being filled (received, not yet sealed). */
  pendingPlain(): Buffer {
    return Buffer.from(this.buf.subarray(0, Math.max(0, this.fill)));
  }

  /** Plaintext bytes received so far (kept ones included). */
  get written(): number {
    return this.done;
  }

  /** Bytes beyond `size` are refused (the caller reports them as the server's fault). */
  write(data: Uint8Array): void {
    if (this.done + data.length > this.size) throw new RangeError('more bytes than the blob size');
    this.hash.update(data);
    if (this.head.length < HEAD_BYTES && this.done < HEAD_BYTES) {
      const take = Buffer.from(data.subarray(0, HEAD_BYTES - this.done));
      this.head = Buffer.concat([this.head, take]);
    }
    this.done += data.length;
    let off = 0;
    while (off < data.length) {
      const take = Math.min(CHUNK_BYTES - this.fill, data.length - off);
      this.buf.set(data.subarray(off, off + take), this.fill);
      this.fill += take;
      off += take;
      // A full chunk is sealed at once; it is the final one only when it ends the blob.
      if (this.fill === CHUNK_BYTES) this.seal(this.done - (data.length - off) === this.size);
    }
  }

  private seal(final: boolean): void {
    const i = this.index++;
    writeParts(this.fd, sealChunkParts(this.blobKey, this.header, i, final, this.buf.subarray(0, this.fill)), this.base + chunkOffset(i));
    this.fill = 0;
  }

  /** All `size` bytes are in: seal what is left as the final chunk, close, and give the plaintext's hash. */
  finish(): SealedResult {
    if (this.done !== this.size) throw new Error('blob incomplete');
    // The final chunk: a partial one, or the empty chunk of an empty blob (a full final chunk was sealed in write()).
    if (this.fill > 0 || (this.fill === 0 && this.index === 0)) this.seal(true);
    this.close();
    return { sha256: this.hash.digest('hex'), head: this.head };
  }

  /** Stop: the chunk being filled is dropped (only whole chunks stay). Returns the bytes dropped. */
  close(): number {
    if (this.closed) return 0;
    this.closed = true;
    if (this.ownsFd) closeSync(this.fd);
    return Math.max(0, this.fill);
  }
}
