// Local folder backend: blobs/ab/cdef… by sha256; written to a temp file, hashed, then renamed.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSha256, BlobIntegrityError, type BlobBackend, type BlobPiece, type ByteRange, type PiecesRead } from './backend';
import { BLOB_SLAB } from './blob-frames';
import { readFilePieces } from './piece-reader';

export class LocalFolderBackend implements BlobBackend {
  readonly name = 'local';
  private readonly tmp: string;

  constructor(readonly root: string) {
    this.tmp = join(root, '.tmp');
    mkdirSync(this.tmp, { recursive: true });
  }

  keyOf(sha256: string): string {
    assertSha256(sha256);
    return `${sha256.slice(0, 2)}/${sha256.slice(2)}`;
  }

  private pathOf(sha256: string): string {
    return join(this.root, this.keyOf(sha256));
  }

  async put(sha256: string, size: number, open: () => Readable): Promise<'stored' | 'exists'> {
    const dest = this.pathOf(sha256);
    if (existsSync(dest)) return 'exists';
    const temp = join(this.tmp, randomUUID());
    const hash = createHash('sha256');
    let written = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        written += chunk.length;
        cb(null, chunk);
      },
    });
    try {
      await pipeline(open(), tap, createWriteStream(temp, { flush: true }));
      const actual = hash.digest('hex');
      if (actual !== sha256 || written !== size) throw new BlobIntegrityError(`${sha256}/${size}`, `${actual}/${written}`);
      mkdirSync(join(this.root, sha256.slice(0, 2)), { recursive: true });
      await rename(temp, dest);
      return 'stored';
    } finally {
      await rm(temp, { force: true });
    }
  }

  async head(sha256: string): Promise<{ size: number } | null> {
    try {
      return { size: (await stat(this.pathOf(sha256))).size };
    } catch {
      return null;
    }
  }

  async exists(sha256: string): Promise<boolean> {
    return existsSync(this.pathOf(sha256));
  }

  async get(sha256: string, range?: ByteRange): Promise<Readable> {
    // Reads of up to 1 MiB rather than the default 64 KiB: a 100 kB blob is one read, a big one 16× fewer.
    const stream = createReadStream(this.pathOf(sha256), { highWaterMark: BLOB_SLAB, ...(range ? { start: range.start, end: range.end } : {}) });
    // Surface a missing file as a rejected promise, not a late stream error.
    await new Promise<void>((res, rej) => {
      stream.once('open', () => res());
      stream.once('error', rej);
    });
    return stream;
  }

  readPieces(into: Buffer, pieces: readonly BlobPiece[]): Promise<PiecesRead> {
    return readFilePieces(into, pieces.map((p) => ({ ...p, path: this.pathOf(p.sha256) })));
  }
}
