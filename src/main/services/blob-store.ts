// Content-addressed file store: blobs/ab/cdef… named by sha256, verified on write and on demand.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

export interface StagedBlob {
  sha256: string;
  size: number;
  tempPath: string;
}

export type BlobState = 'ok' | 'tampered' | 'missing';

export class BlobStore {
  private readonly tmpDir: string;

  constructor(readonly root: string) {
    this.tmpDir = join(root, '.staging');
    mkdirSync(this.tmpDir, { recursive: true });
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`invalid sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /** Stream into a staging file while hashing; nothing is visible until commit(). */
  async stage(source: Readable): Promise<StagedBlob> {
    const tempPath = join(this.tmpDir, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        size += chunk.length;
        cb(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, createWriteStream(tempPath));
    } catch (err) {
      rmSync(tempPath, { force: true });
      throw err;
    }
    return { sha256: hash.digest('hex'), size, tempPath };
  }

  /** Move a verified staged file into place; returns true when the blob is new. */
  async commit(staged: StagedBlob): Promise<boolean> {
    const dest = this.pathOf(staged.sha256);
    // An existing copy is kept only if it still matches; a tampered one is replaced by the good bytes.
    if (existsSync(dest) && (await this.verify(staged.sha256)) === 'ok') {
      rmSync(staged.tempPath, { force: true });
      return false;
    }
    mkdirSync(join(this.root, staged.sha256.slice(0, 2)), { recursive: true });
    renameSync(staged.tempPath, dest);
    return true;
  }

  discard(staged: StagedBlob): void {
    rmSync(staged.tempPath, { force: true });
  }

  remove(sha256: string): void {
    rmSync(this.pathOf(sha256), { force: true });
  }

  size(sha256: string): number {
    return statSync(this.pathOf(sha256)).size;
  }

  open(sha256: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.pathOf(sha256), range);
  }

  /** Re-hash the stored file: a mismatch is tampering, never silently repaired. */
  async verify(sha256: string): Promise<BlobState> {
    const p = this.pathOf(sha256);
    if (!existsSync(p)) return 'missing';
    const hash = createHash('sha256');
    await pipeline(createReadStream(p), hash);
    return hash.digest('hex') === sha256 ? 'ok' : 'tampered';
  }
}
