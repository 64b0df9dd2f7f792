// A sealed case bundle read as a .zip in place, on the stick: yauzl asks for byte ranges and gets
// them decrypted chunk by chunk (open.ts), so the bundle's plaintext is never written to disk.
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ZIP_OPTIONS } from '../zip-read';
import type { SealedFile } from './open';

class SealedReader extends yauzl.RandomAccessReader {
  constructor(private readonly file: SealedFile) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    // yauzl's end is exclusive, as range()'s.
    return Readable.from(this.file.range(start, end), { objectMode: false });
  }

  override close(callback: (err: Error | null) => void): void {
    this.file.close().then(() => callback(null), callback);
  }
}

/** The zip inside; closing it closes the sealed file. */
export function openSealedZip(file: SealedFile): Promise<yauzl.ZipFile> {
  return new Promise((res, rej) =>
    yauzl.fromRandomAccessReader(new SealedReader(file), file.plainSize, ZIP_OPTIONS, (err, z) => (err || !z ? rej(err ?? new Error('无法打开压缩文件')) : res(z))),
  );
}
