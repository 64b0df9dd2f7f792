// Reads a case package from a folder or a .zip without trusting its paths.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { CasePackage } from '../../shared/casefile/schema';
import { describeIssues } from '../../shared/api/result';

export interface PackageSource {
  readonly label: string;
  readText(path: string): Promise<string>;
  has(path: string): boolean;
  open(path: string): Promise<Readable>;
  /**
   * A local file the blob store may take over by hard link instead of copying (it is still
   * re-hashed). Only for files nobody else writes: the sync engine's verified downloads and the
   * blob store's own copies (SyncedPackageSource); never a user's folder or a .zip.
   */
  ownedFile?(path: string): string | null;
  close(): void;
}

export class PackageError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

class FolderSource implements PackageSource {
  constructor(readonly label: string) {}

  private safe(path: string): string {
    const full = resolve(this.label, path);
    if (!full.startsWith(resolve(this.label) + sep)) throw new PackageError(`文件路径越界：${path}`);
    return full;
  }
  readText(path: string) {
    return readFile(this.safe(path), 'utf8');
  }
  has(path: string) {
    const p = this.safe(path);
    return existsSync(p) && statSync(p).isFile();
  }
  async open(path: string) {
    return createReadStream(this.safe(path));
  }
  close() {}
}

class ZipSource implements PackageSource {
  private constructor(
    readonly label: string,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
  ) {}

  static async open(file: string): Promise<ZipSource> {
    const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
      yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, z) => (err || !z ? rej(err) : res(z))),
    );
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((res, rej) => {
      zip.on('entry', (e: yauzl.Entry) => {
        if (!e.fileName.endsWith('/')) entries.set(e.fileName, e);
        zip.readEntry();
      });
      zip.on('end', () => res());
      zip.on('error', rej);
      zip.readEntry();
    });
    // Packages zipped with a top-level folder: strip it when case.json sits inside it.
    if (!entries.has('case.json')) {
      const nested = [...entries.keys()].filter((k) => /^[^/]+\/case\.json$/.test(k));
      if (nested.length === 1) {
        const prefix = nested[0]!.slice(0, -'case.json'.length);
        const stripped = new Map<string, yauzl.Entry>();
        for (const [k, v] of entries) if (k.startsWith(prefix)) stripped.set(k.slice(prefix.length), v);
        return new ZipSource(file, zip, stripped);
      }
    }
    return new ZipSource(file, zip, entries);
  }

  has(path: string) {
    return this.entries.has(path);
  }
  async open(path: string): Promise<Readable> {
    const entry = this.entries.get(path);
    if (!entry) throw new PackageError(`压缩包中缺少文件：${path}`);
    return new Promise((res, rej) => this.zip.openReadStream(entry, (err, s) => (err || !s ? rej(err) : res(s))));
  }
  async readText(path: string) {
    const chunks: Buffer[] = [];
    for await (const c of await this.open(path)) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  close() {
    this.zip.close();
  }
}

export async function openPackage(path: string): Promise<PackageSource> {
  if (!existsSync(path)) throw new PackageError(`找不到案卷包：${path}`);
  if (statSync(path).isDirectory()) return new FolderSource(resolve(path));
  try {
    return await ZipSource.open(path);
  } catch (err) {
    if (err instanceof PackageError) throw err;
    throw new PackageError(`无法读取案卷包（不是有效的文件夹或 .zip）：${path}`, [String((err as Error).message)]);
  }
}

/** Read and validate case.json: the one place package manifests are checked (workstation and server). */
export async function readManifest(src: PackageSource): Promise<CasePackage> {
  if (!src.has('case.json')) throw new PackageError('案卷包缺少 case.json');
  let json: unknown;
  try {
    json = JSON.parse(await src.readText('case.json'));
  } catch (err) {
    throw new PackageError('case.json 不是有效的 JSON', [(err as Error).message]);
  }
  const parsed = CasePackage.safeParse(json);
  if (!parsed.success) throw new PackageError('case.json 不符合案卷包格式', describeIssues(parsed.error.issues));
  return parsed.data;
}
