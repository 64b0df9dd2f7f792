// Reads a case package from a folder or a .zip without trusting its paths.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { CasePackage } from '../../shared/casefile/schema';
import { describeIssues } from '../../shared/api/result';
import { listZipEntries, openZipEntry, openZipFile } from './zip-read';

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
  /**
   * Whether the file is already in the blob store (the sync wrote it into a pack after checking its
   * sha256, or an earlier import put it there): taken as it is, nothing copied or linked.
   */
  inStore?(path: string): boolean;
  /** case.json already parsed, canonicalized and hashed by whoever built the source (a sync's feed entry). */
  checked?(): CheckedManifest;
  /**
   * Of those, whether this process wrote it into the store during this sync and checked its sha256
   * and size as it did: taken without even reading its header again.
   */
  verifiedInStore?(path: string): boolean;
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
    return statSync(this.safe(path), { throwIfNoEntry: false })?.isFile() === true;
  }
  async open(path: string) {
    return createReadStream(this.safe(path));
  }
  close() {}
}

/**
 * Where a zipped package starts: packages zipped with their top-level folder hold case.json inside
 * it, so that folder is stripped. Otherwise the root (readManifest then says what is missing).
 */
export function packageRoot(names: readonly string[]): string {
  if (names.includes('case.json')) return '';
  const nested = names.filter((n) => /^[^/]+\/case\.json$/.test(n));
  return nested.length === 1 ? nested[0]!.slice(0, -'case.json'.length) : '';
}

/** The files under `prefix` of an open zip as a package (paths looked up, never joined to a folder). */
export class ZipSource implements PackageSource {
  constructor(
    readonly label: string,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
    private readonly onClose: () => void = () => undefined,
  ) {}

  static under(label: string, zip: yauzl.ZipFile, entries: readonly yauzl.Entry[], prefix: string, onClose?: () => void): ZipSource {
    const map = new Map<string, yauzl.Entry>();
    for (const e of entries) if (!e.fileName.endsWith('/') && e.fileName.startsWith(prefix)) map.set(e.fileName.slice(prefix.length), e);
    return new ZipSource(label, zip, map, onClose);
  }

  has(path: string) {
    return this.entries.has(path);
  }
  async open(path: string): Promise<Readable> {
    const entry = this.entries.get(path);
    if (!entry) throw new PackageError(`压缩包中缺少文件：${path}`);
    return openZipEntry(this.zip, entry);
  }
  async readText(path: string) {
    const chunks: Buffer[] = [];
    for await (const c of await this.open(path)) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  close() {
    this.onClose();
  }
}

/**
 * An open zip holding one package (a .zip on disk, an inner .zip of a bundle), its top folder
 * stripped by packageRoot(). `onClose` releases the zip: called when the source is closed, or at
 * once if the entries cannot be listed.
 */
export async function zipPackage(label: string, zip: yauzl.ZipFile, onClose: () => void): Promise<ZipSource> {
  let files: yauzl.Entry[];
  try {
    files = await listZipEntries(zip);
  } catch (err) {
    onClose();
    throw err;
  }
  return ZipSource.under(label, zip, files, packageRoot(files.map((e) => e.fileName)), onClose);
}

/**
 * The package a path means: the path to a case.json (picked inside the case folder, or copied with
 * 复制文件地址) means its folder; anything else is itself.
 */
export function packagePath(path: string): string {
  return basename(path).toLowerCase() === 'case.json' && existsSync(path) && statSync(path).isFile() ? dirname(path) : path;
}

/**
 * `label` names the package in messages where its path means nothing to the reader (the central
 * server's upload lands in a temporary file; the admin knows the file they sent).
 */
export async function openPackage(given: string, label = given): Promise<PackageSource> {
  if (!existsSync(given)) throw new PackageError(`找不到案卷包：${label}`);
  const path = packagePath(given);
  if (statSync(path).isDirectory()) return new FolderSource(resolve(path));
  try {
    const zip = await openZipFile(path);
    return await zipPackage(path, zip, () => zip.close());
  } catch (err) {
    if (err instanceof PackageError) throw err;
    // yauzl's English ("End of central directory record signature not found") tells a reviewer nothing.
    if (!/\.zip$/i.test(path)) throw new PackageError(`这不是案卷包：${label}`, ['案卷包是含有 case.json 的案卷文件夹，或这样的文件夹压缩成的 .zip 文件；请填写文件夹或 .zip 文件的路径']);
    throw new PackageError(`无法读取案卷包（不是有效的文件夹或 .zip）：${label}`, ['文件不是 zip 格式，或在复制、传输中被截断']);
  }
}

/** The library's own words, kept for whoever diagnoses the file, marked as such. */
function technical(err: unknown): string {
  return `技术信息：${(err as Error).message}`;
}

/** Read and validate case.json: the one place package manifests are checked (workstation and server). */
export interface CheckedManifest {
  pkg: CasePackage;
  /** Canonical JSON of `pkg` (RFC 8785): what the database keeps and the revision hash is taken over. */
  canonical: string;
  revisionHash: string;
}

export async function readManifest(src: PackageSource): Promise<CasePackage> {
  if (!src.has('case.json')) throw new PackageError('案卷包缺少 case.json');
  let json: unknown;
  try {
    json = JSON.parse(await src.readText('case.json'));
  } catch (err) {
    throw new PackageError('case.json 不是有效的 JSON', ['请检查是否有缺失或多余的逗号、引号、括号', technical(err)]);
  }
  const parsed = CasePackage.safeParse(json);
  if (!parsed.success) throw new PackageError('case.json 不符合案卷包格式', describeIssues(parsed.error.issues));
  return parsed.data;
}
