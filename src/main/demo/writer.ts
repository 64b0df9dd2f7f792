// Writing a package as a folder or as a .zip.
import { createWriteStream } from 'node:fs';
import { copyFile, link, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { RenderedFile } from './files';

export interface OutFile {
  /** Path inside the package (forward slashes). */
  path: string;
  file: RenderedFile;
  /** Pooled copy on disk: hard-link it instead of writing the bytes again. */
  linkFrom?: string;
}

async function place(target: string, f: OutFile): Promise<void> {
  if (!f.linkFrom) return writeFile(target, f.file.bytes);
  try {
    await link(f.linkFrom, target);
  } catch (err) {
    // Different file system or no hard links: fall back to a copy.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return;
    await copyFile(f.linkFrom, target);
  }
}

export async function writeFolder(dir: string, files: readonly OutFile[], caseJson: string): Promise<void> {
  const dirs = new Set(files.map((f) => dirname(join(dir, f.path))));
  await mkdir(dir, { recursive: true });
  await Promise.all([...dirs].map((d) => mkdir(d, { recursive: true })));
  await Promise.all(files.map((f) => place(join(dir, f.path), f)));
  await writeFile(join(dir, 'case.json'), caseJson);
}

/**
 * Deterministic zip: case.json first, media stored (already compressed), and only a DOS
 * timestamp of 09:00 on `isoDate` (built from local-time fields, so the bytes are the same in
 * every time zone).
 */
export async function writeZip(zipPath: string, files: readonly OutFile[], caseJson: string, isoDate: string): Promise<void> {
  await mkdir(dirname(zipPath), { recursive: true });
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const mtime = new Date(y, m - 1, d, 9, 0, 0);
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(caseJson, 'utf8'), 'case.json', { mtime, compress: true, forceDosTimestamp: true });
  for (const f of files) {
    const bytes = Buffer.from(f.file.bytes.buffer, f.file.bytes.byteOffset, f.file.bytes.byteLength);
    zip.addBuffer(bytes, f.path, { mtime, compress: f.file.ext === 'pdf', forceDosTimestamp: true });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(zipPath));
}
