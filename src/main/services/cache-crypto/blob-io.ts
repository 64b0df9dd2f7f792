// Encrypted blob files: write while hashing, read any byte range, verify, and encrypt a plaintext
// file in place of itself (migration). Only whole chunks are ever decrypted, and each chunk's tag
// is checked before a byte of it is handed out.
import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BlobTamperedError,
  CHUNK_BYTES,
  ChunkSealer,
  HEADER_BYTES,
  TAG_BYTES,
  checkBlobHeader,
  chunkCount,
  chunkOffset,
  chunkPlainLength,
  openChunk,
  plainSizeOf,
  type BlobHeader,
} from './blob-format';
import type { CacheKey } from './cache-key';
import { newBlobHeader } from './nonce-prefix';
import { HEAD_BYTES } from './sealed-writer';

export interface WrittenBlob {
  /** sha256 of the plaintext that was read. */
  sha256: string;
  size: number;
  /** The sha256 the chunks are bound to (equals sha256 unless the source differed from what was expected). */
  boundTo: string;
  /** The first HEAD_BYTES of the plaintext, for type sniffing without reading the file again. */
  head: Buffer;
}

/**
 * Encrypt a plaintext stream into `dest`, bound to `bindTo` (the sha256 the caller expects),
 * hashing the plaintext on the way. Plaintext never touches the disk.
 */
export async function encryptStream(source: Readable, dest: string, key: CacheKey, bindTo: string): Promise<WrittenBlob> {
  const header = newBlobHeader(key.keyId, bindTo);
  const sealer = new ChunkSealer(key.blobKey(), header);
  const hash = createHash('sha256');
  let size = 0;
  let first = true;
  let head = Buffer.alloc(0);
  const seal = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      try {
        hash.update(chunk);
        if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        size += chunk.length;
        const out = sealer.push(chunk);
        if (first) out.unshift(header.bytes);
        first = false;
        // One write per call: the parts joined once (a tag written alone costs a syscall).
        cb(null, out.length ? Buffer.concat(out) : undefined);
      } catch (err) {
        cb(err as Error);
      }
    },
    flush(cb) {
      try {
        const last = sealer.finish();
        cb(null, Buffer.concat(first ? [header.bytes, ...last] : last));
      } catch (err) {
        cb(err as Error);
      }
    },
  });
  await pipeline(source, seal, createWriteStream(dest, { flags: 'wx' }));
  return { sha256: hash.digest('hex'), size, boundTo: bindTo, head };
}

export interface OpenedBlob {
  header: BlobHeader;
  plainSize: number;
}

/** Up to `length` bytes at `position` (fewer only at the end of the file). */
export async function readExactly(fh: Awaited<ReturnType<typeof open>>, length: number, position: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(buf, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === length ? buf : buf.subarray(0, got);
}

function checkHeader(head: Buffer, fileSize: number, key: CacheKey, sha256: string): OpenedBlob {
  const c = checkBlobHeader(head, key.keyId, sha256);
  if (c.kind === 'damaged') throw c.error;
  if (c.kind === 'plaintext') throw new BlobTamperedError('文件不是加密格式（可能被替换为明文）');
  if (c.kind === 'foreign-key') throw new BlobTamperedError('文件由另一把缓存密钥加密，无法解密');
  if (c.kind === 'other-blob') throw new BlobTamperedError('文件头与文件编号不符（文件被替换）');
  const plainSize = plainSizeOf(fileSize);
  if (plainSize === null) throw new BlobTamperedError('文件长度不符（被截短或追加）');
  return { header: c.header, plainSize };
}

/** A blob's sealed bytes inside a larger file: an entry of a pack (blob-pack/pack-file.ts). */
export interface SealedSpan {
  path: string;
  /** Where the blob's header starts. */
  offset: number;
  /** The sealed length (header and chunks), as recorded when the entry was written. */
  length: number;
}

/** A file holding one sealed blob, or a span of a pack holding one. */
export type SealedSource = string | SealedSpan;

/**
 * The plaintext bytes [start, end] (inclusive, like HTTP Range) of an encrypted blob, chunk by
 * chunk. Throws BlobTamperedError on the first chunk that fails authentication.
 */
export async function* decryptRange(source: SealedSource, key: CacheKey, sha256: string, range?: { start: number; end: number }): AsyncGenerator<Buffer> {
  const span = typeof source === 'string' ? null : source;
  const fh = await open(span ? span.path : (source as string), 'r');
  try {
    const base = span?.offset ?? 0;
    const size = span ? span.length : (await fh.stat()).size;
    // A pack cut short (a crash while writing) holds fewer bytes than its index says.
    if (span && (await fh.stat()).size < base + size) throw new BlobTamperedError('文件被截短');
    const readAt = (length: number, position: number) => readExactly(fh, length, base + position);
    const { header, plainSize } = checkHeader(await readAt(HEADER_BYTES, 0), size, key, sha256);
    const start = range?.start ?? 0;
    const end = Math.min(range?.end ?? plainSize - 1, plainSize - 1);
    const n = chunkCount(plainSize);
    if (plainSize === 0 || end < start) {
      // Still authenticate the (empty) final chunk: an emptied file is not silently "empty".
      openChunk(key.blobKey(), header, 0, true, await readAt(TAG_BYTES, chunkOffset(0)));
      return;
    }
    for (let i = Math.floor(start / CHUNK_BYTES); i <= Math.floor(end / CHUNK_BYTES); i++) {
      const len = chunkPlainLength(i, plainSize) + TAG_BYTES;
      const sealed = await readAt(len, chunkOffset(i));
      if (sealed.length !== len) throw new BlobTamperedError('文件被截短');
      const plain = openChunk(key.blobKey(), header, i, i === n - 1, sealed);
      const from = i * CHUNK_BYTES;
      yield plain.subarray(Math.max(0, start - from), Math.min(plain.length, end - from + 1));
    }
  } finally {
    await fh.close();
  }
}

export function decryptStream(path: SealedSource, key: CacheKey, sha256: string, range?: { start: number; end: number }): Readable {
  return Readable.from(decryptRange(path, key, sha256, range), { objectMode: false });
}

/** The plaintext size of an encrypted blob file of `fileSize` bytes (−1 when the size is impossible). */
export function plainSize(fileSize: number): number {
  return plainSizeOf(fileSize) ?? -1;
}

/** Cancellation and progress of a long re-hash (a 2 GB video takes ~20 s). */
export interface VerifyOptions {
  /** Aborting stops between chunks; verifyEncrypted then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Plaintext bytes hashed so far, after each chunk. */
  onBytes?: (done: number) => void;
}

/** Decrypt everything and re-hash: 'ok' only when every chunk authenticates and the hash is the name. */
export async function verifyEncrypted(path: SealedSource, key: CacheKey, sha256: string, opts: VerifyOptions = {}): Promise<'ok' | 'tampered'> {
  const hash = createHash('sha256');
  let done = 0;
  try {
    opts.signal?.throwIfAborted();
    for await (const part of decryptRange(path, key, sha256)) {
      // Leaving the loop closes the generator, and with it the file handle.
      opts.signal?.throwIfAborted();
      hash.update(part);
      done += part.length;
      opts.onBytes?.(done);
    }
  } catch (err) {
    if (err instanceof BlobTamperedError) return 'tampered';
    throw err;
  }
  return hash.digest('hex') === sha256 ? 'ok' : 'tampered';
}

/** First bytes of a file (to tell encrypted from plaintext). */
export function readHead(path: string, length = HEADER_BYTES): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Encrypt a plaintext file into `dest` (created, fsynced), bound to `bindTo`, synchronously and
 * chunk by chunk — for the migration of an existing store, which runs before the store opens.
 */
export function encryptFileSync(src: string, dest: string, key: CacheKey, bindTo: string): void {
  const header = newBlobHeader(key.keyId, bindTo);
  const sealer = new ChunkSealer(key.blobKey(), header);
  const inFd = openSync(src, 'r');
  const outFd = openSync(dest, 'wx');
  try {
    writeAll(outFd, header.bytes);
    const buf = Buffer.alloc(CHUNK_BYTES);
    let n: number;
    while ((n = readSync(inFd, buf, 0, buf.length, null)) > 0) for (const c of sealer.push(buf.subarray(0, n))) writeAll(outFd, c);
    for (const c of sealer.finish()) writeAll(outFd, c);
    fsyncSync(outFd);
  } finally {
    closeSync(inFd);
    closeSync(outFd);
  }
}

function writeAll(fd: number, b: Buffer): void {
  let off = 0;
  while (off < b.length) off += writeSync(fd, b, off, b.length - off);
}
