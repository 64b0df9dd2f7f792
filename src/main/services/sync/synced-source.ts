// A case package as the sync engine receives it: case.json from the feed entry plus the files it
// lists, each already downloaded and verified by sha256. It goes through the importer's one
// validation-and-transaction path, exactly like a folder or a .zip from a USB stick.
import type { Readable } from 'node:stream';
import { PackageError, type CheckedManifest, type PackageSource } from '../package-source';

/** A verified download (sealed by the fetcher), or null for a blob already in the store; and its first plaintext bytes when known. */
export interface SyncedFile {
  file: string | null;
  head: Buffer | null;
  /** In the store because a batch of this run packed it, its sha256 and size checked as it was written. */
  packedNow?: boolean;
}

export class SyncedPackageSource implements PackageSource {
  /**
   * @param manifest case.json as the feed carried it, parsed and hashed when the entry was checked
   * @param files package path → a verified download (a local encrypted file), or null for a blob
   *   already in the store (packed by the fetcher, or kept from before); paths are only looked up,
   *   never joined to a folder, so a path trick in case.json cannot reach the file system.
   */
  constructor(
    readonly label: string,
    private readonly manifest: CheckedManifest,
    private readonly files: ReadonlyMap<string, SyncedFile>,
  ) {}

  has(path: string): boolean {
    return path === 'case.json' || this.files.has(path);
  }

  async readText(path: string): Promise<string> {
    if (path !== 'case.json') throw new PackageError(`同步的案卷包只有 case.json 是文本：${path}`);
    return this.manifest.canonical;
  }

  checked(): CheckedManifest {
    return this.manifest;
  }

  async open(path: string): Promise<Readable> {
    // The files are encrypted: the importer takes them over with ownedFile(), never reads them here.
    throw new PackageError(`同步的案卷包文件只能由本机接收：${path}`);
  }

  /**
   * A file here that is not in the store yet is the engine's verified download, sealed by this
   * process: the store links it instead of copying, without decrypting it again.
   */
  ownedFile(path: string): string | null {
    return this.files.get(path)?.file ?? null;
  }

  /** Files the fetcher wrote into the store's packs, and copies the store already had. */
  inStore(path: string): boolean {
    const f = this.files.get(path);
    return !!f && f.file === null;
  }

  verifiedInStore(path: string): boolean {
    const f = this.files.get(path);
    return !!f && f.file === null && f.packedNow === true;
  }

  /** The first plaintext bytes of a file, when they passed through the fetcher (type sniffing). */
  head(path: string): Buffer | null {
    return this.files.get(path)?.head ?? null;
  }

  close(): void {}
}
