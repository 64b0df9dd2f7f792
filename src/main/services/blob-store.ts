// Content-addressed file store: blobs/ab/cdef… named by the sha256 of the plaintext, encrypted at
// rest (cache-crypto/blob-format.ts: AES-256-GCM in 64 KiB chunks bound to the sha256), verified on
// write and on demand. Plaintext never reaches the disk: staging encrypts while it hashes.
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile, link } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BlobTamperedError, parseHeader } from './cache-crypto/blob-format';
import { decryptRange, decryptStream, encryptStream, plainSize, readHead, verifyEncrypted } from './cache-crypto/blob-io';
import type { CacheKey } from './cache-crypto/cache-key';

export interface StagedBlob {
  /** sha256 of the plaintext that was staged. */
  sha256: string;
  size: number;
  tempPath: string;
  /** The sha256 the staged ciphertext is bound to; commit() refuses a blob whose content differs. */
  boundTo: string;
}

export type BlobState = 'ok' | 'tampered' | 'missing';

export { BlobTamperedError };

export class BlobStore {
  private readonly tmpDir: string;

  constructor(
    readonly root: string,
    private readonly key: CacheKey,
  ) {
    this.tmpDir = join(root, '.staging');
    mkdirSync(this.tmpDir, { recursive: true });
  }

  /** The encrypted file of a blob (its bytes are ciphertext: read through open()/read()). */
  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`invalid sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  /**
   * Encrypt a stream into a staging file while hashing its plaintext; nothing is visible until
   * commit(). Pass the sha256 the content should have (a package lists it) and the bytes are
   * encrypted once; without it they are encrypted, hashed, then re-bound to the hash (all on disk
   * encrypted).
   */
  async stage(source: Readable, expectedSha256?: string): Promise<StagedBlob> {
    const tempPath = join(this.tmpDir, randomUUID());
    try {
      const bindTo = expectedSha256 ?? randomBytes(32).toString('hex');
      const w = await encryptStream(source, tempPath, this.key, bindTo);
      if (expectedSha256 || w.sha256 === bindTo) return { sha256: w.sha256, size: w.size, tempPath, boundTo: w.boundTo };
      const rebound = join(this.tmpDir, randomUUID());
      try {
        await encryptStream(decryptStream(tempPath, this.key, bindTo), rebound, this.key, w.sha256);
      } catch (err) {
        rmSync(rebound, { force: true });
        throw err;
      } finally {
        rmSync(tempPath, { force: true });
      }
      return { sha256: w.sha256, size: w.size, tempPath: rebound, boundTo: w.sha256 };
    } catch (err) {
      rmSync(tempPath, { force: true });
      throw err;
    }
  }

  /**
   * Stage a file this process owns (ownedFile of a package source). The store's own encrypted
   * copy is taken over by hard link, not by copying its bytes (a copy where links are impossible),
   * then decrypted and re-hashed; a plaintext file (a verified sync download) is encrypted.
   */
  async stageOwned(file: string, expectedSha256?: string): Promise<StagedBlob> {
    const header = parseHeader(readHead(file));
    if (!header || header.keyId !== this.key.keyId) return this.stage(createReadStream(file), expectedSha256);
    const tempPath = join(this.tmpDir, randomUUID());
    try {
      await link(file, tempPath).catch(() => copyFile(file, tempPath));
      if ((await verifyEncrypted(tempPath, this.key, header.sha256)) !== 'ok') throw new BlobTamperedError(`本机副本已被改动：${header.sha256.slice(0, 12)}…`);
      return { sha256: header.sha256, size: plainSize(statSync(tempPath).size), tempPath, boundTo: header.sha256 };
    } catch (err) {
      rmSync(tempPath, { force: true });
      throw err;
    }
  }

  /** Move a verified staged file into place; returns true when the blob is new. */
  async commit(staged: StagedBlob): Promise<boolean> {
    if (staged.boundTo !== staged.sha256) {
      this.discard(staged);
      throw new BlobTamperedError(`文件内容与预期的校验值不符（应为 ${staged.boundTo.slice(0, 12)}…，实际 ${staged.sha256.slice(0, 12)}…）`);
    }
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

  /** Plaintext size (from the encrypted file's length). */
  size(sha256: string): number {
    return Math.max(0, plainSize(statSync(this.pathOf(sha256)).size));
  }

  /**
   * The plaintext, or the inclusive byte range of it (HTTP Range), decrypting only the chunks it
   * covers. A chunk that fails authentication ends the stream with BlobTamperedError.
   */
  open(sha256: string, range?: { start: number; end: number }): Readable {
    return decryptStream(this.pathOf(sha256), this.key, sha256, range);
  }

  /** The whole plaintext, authenticated (BlobTamperedError when any chunk is not). */
  async read(sha256: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const p of decryptRange(this.pathOf(sha256), this.key, sha256)) parts.push(p);
    return Buffer.concat(parts);
  }

  /** Decrypt and re-hash the stored file: a failed chunk or a mismatch is tampering, never silently repaired. */
  async verify(sha256: string): Promise<BlobState> {
    const p = this.pathOf(sha256);
    if (!existsSync(p)) return 'missing';
    return verifyEncrypted(p, this.key, sha256);
  }
}
