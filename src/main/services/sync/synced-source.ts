// A case package as the sync engine receives it: case.json from the feed entry plus the files it
// lists, each already downloaded and verified by sha256. It goes through the importer's one
// validation-and-transaction path, exactly like a folder or a .zip from a USB stick.
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { PackageError, type PackageSource } from '../package-source';

export class SyncedPackageSource implements PackageSource {
  /**
   * @param packageJson case.json as the feed carried it
   * @param files package path → local file (a verified download, or the blob store's copy of a
   *   file already here); paths are only looked up, never
   *   joined to a folder, so a path trick in case.json cannot reach the file system.
   */
  constructor(
    readonly label: string,
    private readonly packageJson: string,
    private readonly files: ReadonlyMap<string, string>,
  ) {}

  has(path: string): boolean {
    return path === 'case.json' || this.files.has(path);
  }

  async readText(path: string): Promise<string> {
    if (path !== 'case.json') throw new PackageError(`同步的案卷包只有 case.json 是文本：${path}`);
    return this.packageJson;
  }

  async open(path: string): Promise<Readable> {
    const file = this.files.get(path);
    if (!file) throw new PackageError(`同步的案卷包缺少文件：${path}`);
    return createReadStream(file);
  }

  /**
   * Every file here is the engine's verified download or the blob store's own copy: nobody else
   * writes them, so the store links them instead of copying (and still re-hashes them).
   */
  ownedFile(path: string): string | null {
    return this.files.get(path) ?? null;
  }

  close(): void {}
}
