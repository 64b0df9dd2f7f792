// Reading a sealed bundle: the header checked, the key derived, the last chunk (and with it the
// file's length) and the first chunk (the passphrase) authenticated on opening; then any byte range
// chunk by chunk, each chunk's tag checked before a byte of it is handed out. verify() reads the
// whole file once, so a changed byte anywhere is refused before anything is imported.
import { open, type FileHandle } from 'node:fs/promises';
import { readExactly } from '../cache-crypto/blob-io';
import { closeSync, openSync, readSync } from 'node:fs';
import {
  CHUNK_BYTES,
  CONTENT_LABEL,
  EnvelopeError,
  HEADER_BYTES,
  TAG_BYTES,
  WRONG_PASSPHRASE,
  chunkCount,
  chunkOffset,
  chunkPlainLength,
  deriveKey,
  hasEnvelopeMagic,
  parseHeader,
  plainSizeOf,
  openChunk,
  type EnvelopeContent,
  type EnvelopeHeader,
} from './format';

/** Whether the file at `path` is a sealed bundle (by its first bytes; a folder or a missing file is not). */
export function isSealedFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    return hasEnvelopeMagic(head.subarray(0, readSync(fd, head, 0, HEADER_BYTES, 0)));
  } catch {
    return false; // EISDIR
  } finally {
    closeSync(fd);
  }
}

const DAMAGED = (i: number) => new EnvelopeError('damaged', `加密交换包已损坏或被改动（第 ${i + 1} 段校验失败），未导入任何内容；请从 U 盘重新复制，或请对方重新制作`);
const TRUNCATED = () => new EnvelopeError('truncated', '加密交换包不完整（文件长度不符），可能复制时中断，未导入任何内容；请从 U 盘重新复制');
/** The last chunk not sealed as final, or changed: cut short at a chunk boundary looks the same as a changed end. */
const END_MISSING = () => new EnvelopeError('truncated', '加密交换包不完整或已损坏（末段校验失败），可能复制时中断，未导入任何内容；请从 U 盘重新复制');

export class SealedFile {
  /** The last chunks opened: yauzl reads a zip's directory in pieces of a few dozen bytes. */
  private readonly recent = new Map<number, Buffer>();

  private constructor(
    private readonly fh: FileHandle,
    private readonly key: Buffer,
    private readonly header: EnvelopeHeader,
    readonly plainSize: number,
  ) {}

  /**
   * Opens a sealed file of the `expected` content with `passphrase`. Throws EnvelopeError: a plain
   * file is not the caller's to open here (isSealedFile first).
   */
  static async open(path: string, passphrase: string, expected: EnvelopeContent): Promise<SealedFile> {
    const fh = await open(path, 'r');
    try {
      const { size } = await fh.stat();
      const header = parseHeader(await readExactly(fh, HEADER_BYTES, 0));
      if (!header) throw new EnvelopeError('damaged', '不是加密交换包');
      if (header.content !== expected) throw new EnvelopeError('content', `这是${CONTENT_LABEL[header.content]}，不是${CONTENT_LABEL[expected]}`);
      const plainSize = plainSizeOf(size);
      if (plainSize === null) throw TRUNCATED();
      const file = new SealedFile(fh, await deriveKey(passphrase, header), header, plainSize);
      // The first chunk says whether the passphrase is right (GCM cannot tell a wrong key from a changed chunk).
      const n = chunkCount(plainSize);
      if (!(await file.chunk(0, n)).ok) throw new EnvelopeError('passphrase', WRONG_PASSPHRASE);
      if (n > 1) {
        const last = await file.chunk(n - 1, n);
        if (!last.ok) throw END_MISSING();
      }
      return file;
    } catch (err) {
      await fh.close();
      throw err;
    }
  }

  private async chunk(i: number, n: number): Promise<{ ok: true; plain: Buffer } | { ok: false; failedAt: number }> {
    const cached = this.recent.get(i);
    if (cached) return { ok: true, plain: cached };
    const len = chunkPlainLength(i, this.plainSize) + TAG_BYTES;
    const sealed = await readExactly(this.fh, len, chunkOffset(i));
    const plain = sealed.length === len ? openChunk(this.key, this.header, i, i === n - 1, sealed) : null;
    if (!plain) return { ok: false, failedAt: i };
    this.recent.set(i, plain);
    if (this.recent.size > 4) this.recent.delete(this.recent.keys().next().value!);
    return { ok: true, plain };
  }

  /** The plaintext bytes [start, end) chunk by chunk; EnvelopeError at the first chunk that fails. */
  async *range(start = 0, end = this.plainSize): AsyncGenerator<Buffer> {
    const n = chunkCount(this.plainSize);
    const stop = Math.min(end, this.plainSize);
    if (stop <= start) return;
    for (let i = Math.floor(start / CHUNK_BYTES); i <= Math.floor((stop - 1) / CHUNK_BYTES); i++) {
      const c = await this.chunk(i, n);
      if (!c.ok) throw DAMAGED(i);
      const from = i * CHUNK_BYTES;
      yield c.plain.subarray(Math.max(0, start - from), Math.min(c.plain.length, stop - from));
    }
  }

  /** Every chunk authenticated (a flipped byte anywhere is found before anything is taken). */
  async verify(onProgress?: (done: number, total: number) => void): Promise<void> {
    let done = 0;
    for await (const part of this.range()) {
      done += part.length;
      onProgress?.(done, this.plainSize);
    }
  }

  async readAll(): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of this.range()) parts.push(part);
    return Buffer.concat(parts);
  }

  private closing: Promise<void> | undefined;

  /** Idempotent: yauzl may close its reader after the caller gave up on the zip. */
  close(): Promise<void> {
    return (this.closing ??= this.fh.close());
  }
}

/** The whole plaintext of a small sealed file (an outbox bundle). */
export async function openSealedBytes(path: string, passphrase: string, expected: EnvelopeContent): Promise<Buffer> {
  const f = await SealedFile.open(path, passphrase, expected);
  try {
    return await f.readAll();
  } finally {
    await f.close();
  }
}
