// An inner .zip of a bundle as a package: first copied into the blob store's staging encrypted (a
// scratch file), then read through a decrypting random-access reader. So no plaintext of a bundle
// is ever written to disk — the importer encrypts each file as it stages it, as for any package.
// Entry listing and the top-folder rule are package-source.ts's, as for a .zip on disk.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { BlobStore, ScratchFile } from '../blob-store';
import { PackageError, zipPackage, type PackageSource } from '../package-source';
import { ZIP_OPTIONS } from '../zip-read';

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

/** Closing the source closes the zip and deletes the scratch file (as does a zip that cannot be read). */
export async function innerZipSource(store: BlobStore, label: string, stream: Readable): Promise<PackageSource> {
  const scratch = await store.scratch(stream);
  const drop = () => store.discardScratch(scratch);
  try {
    const zip = await new Promise<yauzl.ZipFile>((res, rej) =>
      yauzl.fromRandomAccessReader(new ScratchReader(store, scratch), scratch.size, ZIP_OPTIONS, (err, z) => (err || !z ? rej(err) : res(z))),
    );
    return await zipPackage(label, zip, () => {
      zip.close();
      drop();
    });
  } catch {
    drop(); // idempotent: zipPackage may have dropped it already
    // yauzl's English says nothing to a reviewer; what it means and what to do does.
    throw new PackageError(`无法读取案卷包（不是有效的 .zip）：${label}`, ['文件不完整或已损坏：请向中心系统重新索取交换包，或从 U 盘重新复制']);
  }
}
