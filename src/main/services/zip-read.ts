// Reading zips (case packages, bundles, offline updates) through yauzl: entries listed on demand,
// sizes checked against the headers, each entry streamed.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

/** yauzl's options for every zip read here: entries on demand, sizes checked against the headers. */
export const ZIP_OPTIONS = { lazyEntries: true, autoClose: false, validateEntrySizes: true } as const;

/** Opens a zip with ZIP_OPTIONS (plus `extra`, e.g. strictFileNames for an update file). */
export function openZipFile(file: string, extra: yauzl.Options = {}): Promise<yauzl.ZipFile> {
  return new Promise((res, rej) => yauzl.open(file, { ...ZIP_OPTIONS, ...extra }, (err, z) => (err || !z ? rej(err ?? new Error('无法打开压缩文件')) : res(z))));
}

/**
 * Every entry of an open zip, folders included (yauzl refuses absolute names and ".." as it lists);
 * more than `max` entries is an error (a file made to exhaust memory).
 */
export async function listZipEntries(zip: yauzl.ZipFile, max = Infinity): Promise<yauzl.Entry[]> {
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((res, rej) => {
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      if (entries.length > max) return rej(new Error(`条目超过 ${max} 个`));
      zip.readEntry();
    });
    zip.on('end', () => res());
    zip.on('error', rej);
    zip.readEntry();
  });
  return entries;
}

export function openZipEntry(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<Readable> {
  return new Promise((res, rej) => zip.openReadStream(e, (err, s) => (err || !s ? rej(err ?? new Error('无法读取条目')) : res(s))));
}

/**
 * A small entry (a manifest, a calendar) as UTF-8 text; null when its declared size is over
 * `maxBytes` (ZIP_OPTIONS validates entry sizes, so the bytes read cannot exceed what it declares).
 */
export async function readZipText(zip: yauzl.ZipFile, entry: yauzl.Entry, maxBytes: number): Promise<string | null> {
  if (entry.uncompressedSize > maxBytes) return null;
  const chunks: Buffer[] = [];
  for await (const c of await openZipEntry(zip, entry)) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
