// Content-addressed file store: blobs/ab/cdef… named by the sha256 of the plaintext, encrypted at
// rest (cache-crypto/blob-format.ts: AES-256-GCM in 64 KiB chunks bound to the sha256). Bytes from
// outside are hashed while they are encrypted (stage); files this process sealed itself (its own
// copies, verified sync downloads) are taken over by link without decrypting them again: every
// chunk is authenticated on every read, and verify() re-hashes on demand. Plaintext never reaches
// the disk. A blob may also lie in a pack file (blob-pack/: the same sealed bytes appended to one
// file with many others, found through the index); its own file, when there is one, is read first.
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { copyFile, link } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { BlobTamperedError, checkBlobHeader } from './cache-crypto/blob-format';
import type { BlobPacks } from './blob-pack/blob-packs';
import type { PackWriter } from './blob-pack/pack-file';
import { decryptRange, decryptStream, encryptStream, plainSize, readHead, verifyEncrypted, type SealedSource, type VerifyOptions } from './cache-crypto/blob-io';
import type { CacheKey } from './cache-crypto/cache-key';
import { SealedWriter, isSealedFor } from './cache-crypto/sealed-writer';
import { ensureRoom, freeBytes, type FreeBytes } from './disk-space';

export interface StagedBlob {
  /** sha256 of the plaintext that was staged. */
  sha256: string;
  size: number;
  tempPath: string;
  /** The sha256 the staged ciphertext is bound to; commit() refuses a blob whose content differs. */
  boundTo: string;
  /** The first bytes of the plaintext when they passed through here (type sniffing); else null. */
  head: Buffer | null;
}

/** An encrypted scratch file (e.g. an inner .zip of a bundle being imported), bound to a random id. */
export interface ScratchFile {
  path: string;
  boundTo: string;
  size: number;
}

export type BlobState = 'ok' | 'tampered' | 'missing';

export { BlobTamperedError };

export class BlobStore {
  private readonly tmpDir: string;

  constructor(
    readonly root: string,
    private readonly key: CacheKey,
    /** The store's pack files, when it keeps any (in `<root>/packs`). */
    readonly packs: BlobPacks | null = null,
    /** The free space of the store's disk (tests give a smaller disk). */
    readonly free: FreeBytes = freeBytes,
  ) {
    this.tmpDir = join(root, '.staging');
    mkdirSync(this.tmpDir, { recursive: true });
  }

  /** Throws DiskFullError unless `bytes` more fit on the store's disk with room left for the database. */
  ensureRoom(bytes: number): void {
    ensureRoom(this.root, bytes, this.free);
  }

  /** Where a blob's sealed bytes are: its own file, else its pack entry; the file's path when neither (reads then fail as missing). */
  private sourceOf(sha256: string): SealedSource {
    const p = this.pathOf(sha256);
    if (!this.packs || existsSync(p)) return p;
    return this.packs.locate(sha256) ?? p;
  }

  /** The encrypted file of a blob (its bytes are ciphertext: read through open()/read()). */
  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`invalid sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }

  /** Its file, or an indexed entry in a pack that is there (a pack gone missing holds nothing: fetched again, reported 缺失). */
  has(sha256: string): boolean {
    if (existsSync(this.pathOf(sha256))) return true;
    const span = this.packs?.locate(sha256);
    return !!span && existsSync(span.path);
  }

  /**
   * Present with this blob's header under this key and a possible length: the cheap check (64
   * bytes read) for a copy about to be reused. The content is authenticated on every read; a full
   * decrypt-and-hash is verify().
   */
  looksIntact(sha256: string): boolean {
    return this.copyState(sha256) === 'intact';
  }

  /**
   * What the store holds for a blob, from one look: a copy that looks intact, a copy that does not
   * (cut, damaged header, another key's, its pack gone), or none — a blob never seen costs one file
   * check and one index lookup (the sync's plan asks this once per file).
   */
  copyState(sha256: string): 'intact' | 'bad' | 'none' {
    const p = this.pathOf(sha256);
    const src = existsSync(p) ? p : this.packs?.locate(sha256);
    if (!src) return 'none';
    return this.intactLength(src, sha256) !== null ? 'intact' : 'bad';
  }

  /** The sealed length of a source that looks intact (present whole, a possible length, this blob's header under this key); else null. */
  private intactLength(src: SealedSource, sha256: string): number | null {
    const st = statOrNull(typeof src === 'string' ? src : src.path);
    if (!st) return null;
    const length = typeof src === 'string' ? st.size : src.length;
    if (typeof src !== 'string' && st.size < src.offset + src.length) return null;
    return plainSize(length) >= 0 && isSealedFor(src, this.key, sha256) ? length : null;
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
      if (expectedSha256 || w.sha256 === bindTo) return { sha256: w.sha256, size: w.size, tempPath, boundTo: w.boundTo, head: w.head };
      const rebound = join(this.tmpDir, randomUUID());
      try {
        await encryptStream(decryptStream(tempPath, this.key, bindTo), rebound, this.key, w.sha256);
      } catch (err) {
        rmSync(rebound, { force: true });
        throw err;
      } finally {
        rmSync(tempPath, { force: true });
      }
      return { sha256: w.sha256, size: w.size, tempPath: rebound, boundTo: w.sha256, head: w.head };
    } catch (err) {
      rmSync(tempPath, { force: true });
      throw err;
    }
  }

  /**
   * Stage a file this process owns (ownedFile of a package source): the store's own encrypted copy,
   * or a sync download the fetcher sealed after checking its sha256 and size. It is taken over by
   * hard link (a copy where links are impossible) without decrypting it: its header must name the
   * expected sha256 under this store's key, and GCM authenticates every chunk on every read. A
   * file without the encrypted header is treated as bytes from outside (encrypted and hashed).
   */
  async stageOwned(file: string, expectedSha256?: string, head: Buffer | null = null): Promise<StagedBlob> {
    const c = checkBlobHeader(readHead(file), this.key.keyId, expectedSha256 || null);
    if (c.kind === 'plaintext') return this.stage(createReadStream(file), expectedSha256);
    if (c.kind === 'damaged') throw c.error;
    if (c.kind === 'foreign-key') throw new BlobTamperedError('文件由另一把缓存密钥加密，无法接收');
    if (c.kind === 'other-blob') throw new BlobTamperedError(`文件与预期的校验值不符（应为 ${(expectedSha256 ?? '').slice(0, 12)}…，实际 ${c.header.sha256.slice(0, 12)}…）`);
    const header = c.header;
    const size = plainSize(statSync(file).size);
    if (size < 0) throw new BlobTamperedError('文件长度不符（被截短或追加）');
    const tempPath = join(this.tmpDir, randomUUID());
    await link(file, tempPath).catch(() => copyFile(file, tempPath));
    return { sha256: header.sha256, size, tempPath, boundTo: header.sha256, head };
  }

  /**
   * A blob already in the store (its file, or a pack entry the sync wrote and indexed after
   * checking its sha256) taken as it is: nothing is moved, its header is checked, and GCM
   * authenticates its content on every read.
   */
  stageStored(sha256: string, head: Buffer | null = null): StagedBlob {
    // One lookup for the check and the size: every packed file of an initial sync comes through here.
    const length = this.intactLength(this.sourceOf(sha256), sha256);
    if (length === null) throw new BlobTamperedError(this.has(sha256) ? '本机副本已损坏' : '本机没有这个文件');
    return { sha256, size: plainSize(length), tempPath: '', boundTo: sha256, head };
  }

  /**
   * A blob this process put into the store moments ago after checking its sha256 and size as it was
   * written (a sync batch's committed pack entry): nothing to look up or read again.
   */
  stageVerified(sha256: string, size: number, head: Buffer | null = null): StagedBlob {
    return { sha256, size, tempPath: '', boundTo: sha256, head };
  }

  /** BlobPacks.lockWriters(): null when another process holds it, or this store keeps no packs. */
  lockPackWriters(): (() => void) | null {
    return this.packs?.lockWriters() ?? null;
  }

  /** A pack to append sync downloads to (null when this store keeps no packs). */
  packWriter(): PackWriter | null {
    return this.packs?.writer() ?? null;
  }

  /**
   * The entries written since the last commit become blobs of the store (durable, then indexed).
   * A file of the same blob is deleted: the entry replaces it, as commit() replaces a copy — so a
   * damaged file fetched again is not read in place of the good entry.
   */
  async commitPack(w: PackWriter): Promise<string[]> {
    const entries = await this.packs!.commit(w);
    for (const e of entries) rmSync(this.pathOf(e.sha256), { force: true });
    return entries.map((e) => e.sha256);
  }

  closePack(w: PackWriter): void {
    this.packs!.close(w);
  }

  /**
   * Move a staged file into place; returns true when the blob is new — not when a pack held it
   * already: a caller undoing its new blobs (remove) must not take a packed one other cases share.
   */
  async commit(staged: StagedBlob): Promise<boolean> {
    if (staged.tempPath === '') return false; // stageStored: already in place
    if (staged.boundTo !== staged.sha256) {
      this.discard(staged);
      throw new BlobTamperedError(`文件内容与预期的校验值不符（应为 ${staged.boundTo.slice(0, 12)}…，实际 ${staged.sha256.slice(0, 12)}…）`);
    }
    const dest = this.pathOf(staged.sha256);
    const existing = statOrNull(dest);
    if (existing) {
      // A link to the very copy in place (a file already here): nothing to move. Otherwise the
      // staged bytes (hashed, or sealed after a verified download) replace the copy atomically —
      // a damaged copy is repaired that way, a good one is replaced by the same content.
      const s = statSync(staged.tempPath);
      if (s.ino === existing.ino && s.dev === existing.dev) rmSync(staged.tempPath, { force: true });
      else renameSync(staged.tempPath, dest);
      return false;
    }
    mkdirSync(join(this.root, staged.sha256.slice(0, 2)), { recursive: true });
    renameSync(staged.tempPath, dest);
    return !this.packs?.locate(staged.sha256);
  }

  /** A file in this store's encrypted format written elsewhere first (a sync download), bound to `sha256`. */
  newSealed(path: string, sha256: string, size: number): SealedWriter {
    return SealedWriter.create(path, this.key, sha256, size);
  }

  /** Continue such a file from its last whole chunk (see SealedWriter.resume). */
  resumeSealed(path: string, sha256: string, size: number): ReturnType<typeof SealedWriter.resume> {
    return SealedWriter.resume(path, this.key, sha256, size);
  }

  /** Whether a file carries this blob's header under this store's key (not a plaintext leftover). */
  isSealed(path: string, sha256: string): boolean {
    return isSealedFor(path, this.key, sha256);
  }

  /** Encrypt a stream into staging under a random binding: a temporary nobody else can read. */
  async scratch(source: Readable): Promise<ScratchFile> {
    const path = join(this.tmpDir, randomUUID());
    try {
      const w = await encryptStream(source, path, this.key, randomBytes(32).toString('hex'));
      return { path, boundTo: w.boundTo, size: w.size };
    } catch (err) {
      rmSync(path, { force: true });
      throw err;
    }
  }

  discardScratch(f: ScratchFile): void {
    rmSync(f.path, { force: true });
  }

  /** Plaintext bytes [start, end] of a scratch file (each chunk authenticated). */
  openScratch(f: ScratchFile, range?: { start: number; end: number }): Readable {
    return decryptStream(f.path, this.key, f.boundTo, range);
  }

  /** Plaintext bytes [start, end] (inclusive) of a stored blob, decrypting only the chunks they cover. */
  async readRange(sha256: string, start: number, end: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const p of decryptRange(this.sourceOf(sha256), this.key, sha256, { start, end })) parts.push(p);
    return Buffer.concat(parts);
  }

  discard(staged: StagedBlob): void {
    if (staged.tempPath) rmSync(staged.tempPath, { force: true });
  }

  remove(sha256: string): void {
    rmSync(this.pathOf(sha256), { force: true });
    this.packs?.remove([sha256]);
  }

  /** Sealed length and last change of a blob's bytes (a file's, or its pack's), null when it has none: for caching a verification. */
  statOf(sha256: string): { size: number; mtimeMs: number } | null {
    const src = this.sourceOf(sha256);
    const st = statOrNull(typeof src === 'string' ? src : src.path);
    if (!st) return null;
    return typeof src === 'string' ? { size: st.size, mtimeMs: st.mtimeMs } : { size: src.length, mtimeMs: st.mtimeMs };
  }

  /** Plaintext size (from the encrypted file's or entry's length). */
  size(sha256: string): number {
    const src = this.sourceOf(sha256);
    return Math.max(0, plainSize(typeof src === 'string' ? statSync(src).size : src.length));
  }

  /**
   * The plaintext, or the inclusive byte range of it (HTTP Range), decrypting only the chunks it
   * covers. A chunk that fails authentication ends the stream with BlobTamperedError.
   */
  open(sha256: string, range?: { start: number; end: number }): Readable {
    return decryptStream(this.sourceOf(sha256), this.key, sha256, range);
  }

  /** The whole plaintext, authenticated (BlobTamperedError when any chunk is not). */
  async read(sha256: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const p of decryptRange(this.sourceOf(sha256), this.key, sha256)) parts.push(p);
    return Buffer.concat(parts);
  }

  /** Decrypt and re-hash the stored file: a failed chunk or a mismatch is tampering, never silently repaired. */
  async verify(sha256: string, opts?: VerifyOptions): Promise<BlobState> {
    if (!this.has(sha256)) return 'missing';
    return verifyEncrypted(this.sourceOf(sha256), this.key, sha256, opts);
  }
}

function statOrNull(p: string): Stats | null {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}
