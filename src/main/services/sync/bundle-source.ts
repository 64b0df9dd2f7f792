// Case packages inside a bundle .zip, read in place: a package folder is a prefix of the bundle's
// entries; an inner .zip is first copied into the blob store's staging encrypted (a scratch file)
// and read through a decrypting random-access reader. So no plaintext of a bundle is ever written
// to disk — the importer encrypts each file as it stages it, as for any package.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { BlobStore, ScratchFile } from '../blob-store';
import { PackageError, type PackageSource } from '../package-source';

const ZIP_OPTIONS = { lazyEntries: true, autoClose: false, validateEntrySizes: true } as const;

export async function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((res, rej) => {
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => res());
    zip.on('error', rej);
    zip.readEntry();
  });
  return entries;
}

export function openEntry(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<Readable> {
  return new Promise((res, rej) => zip.openReadStream(e, (err, s) => (err || !s ? rej(err) : res(s))));
}

/** The entries under `prefix` of an open zip as a package (paths looked up, never joined to a folder). */
export class ZipEntriesSource implements PackageSource {
  constructor(
    readonly label: string,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
    private readonly onClose: () => void = () => undefined,
  ) {}

  static under(label: string, zip: yauzl.ZipFile, entries: readonly yauzl.Entry[], prefix: string, onClose?: () => void): ZipEntriesSource {
    const map = new Map<string, yauzl.Entry>();
    for (const e of entries) if (!e.fileName.endsWith('/') && e.fileName.startsWith(prefix)) map.set(e.fileName.slice(prefix.length), e);
    return new ZipEntriesSource(label, zip, map, onClose);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  async open(path: string): Promise<Readable> {
    const e = this.entries.get(path);
    if (!e) throw new PackageError(`压缩包中缺少文件：${path}`);
    return openEntry(this.zip, e);
  }

  async readText(path: string): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of await this.open(path)) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  close(): void {
    this.onClose();
  }
}

/** yauzl reading an encrypted scratch file: each range decrypts only the chunks it covers. */
class ScratchReader extends yauzl.RandomAccessReader {
  constructor(
    private readonly store: BlobStore,
    private readonly file: ScratchFile,
  ) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    // yauzl's end is exclusive, the store's inclusive.
    return this.store.openScratch(this.file, { start, end: end - 1 });
  }
}

/**
 * An inner .zip of a bundle as a package: copied encrypted into staging, opened through the
 * decrypting reader; closing the source deletes the scratch file.
 */
export async function innerZipSource(store: BlobStore, label: string, stream: Readable): Promise<PackageSource> {
  const scratch = await store.scratch(stream);
  const drop = () => store.discardScratch(scratch);
  try {
    const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
      yauzl.fromRandomAccessReader(new ScratchReader(store, scratch), scratch.size, ZIP_OPTIONS, (err, z) => (err || !z ? rej(err) : res(z))),
    );
    const entries = (await listEntries(zip)).filter((e) => !e.fileName.endsWith('/'));
    // Packages zipped with a top-level folder: strip it when case.json sits inside it (as ZipSource does).
    const names = entries.map((e) => e.fileName);
    const nested = names.includes('case.json') ? [] : names.filter((n) => /^[^/]+\/case\.json$/.test(n));
    const prefix = nested.length === 1 ? nested[0]!.slice(0, -'case.json'.length) : '';
    return ZipEntriesSource.under(label, zip, entries, prefix, () => {
      zip.close();
      drop();
    });
  } catch (err) {
    drop();
    throw new PackageError(`无法读取案卷包（不是有效的 .zip）：${label}`, [String((err as Error).message)]);
  }
}
