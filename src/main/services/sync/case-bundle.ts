// A bundle of case packages from the central system (for a workstation without a connection):
// one .zip holding several packages — each a folder with case.json or an inner .zip — or simply
// one package. Each package goes through the importer as if imported from a USB stick. Entry
// names are checked before anything is written (no "..", no absolute paths, no backslashes).
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import type { ImportOutcome } from '../../../shared/api/cases';
import type { CaseImporter } from '../importer';

const safeName = (n: string) => n.length > 0 && !n.startsWith('/') && !n.includes('\\') && !n.split('/').includes('..') && !/^[a-zA-Z]:/.test(n);

async function entriesOf(file: string): Promise<{ zip: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (e, z) => (e || !z ? rej(e) : res(z))));
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
  return { zip, entries };
}

/** Imports every package in the bundle; a single-package .zip (or a folder) is imported as is. */
export async function importCaseBundle(importer: CaseImporter, path: string, workDir: string, onProgress?: (done: number, total: number, label: string) => void): Promise<ImportOutcome[]> {
  if (!path.toLowerCase().endsWith('.zip')) return importer.importMany([path], onProgress);
  let opened: { zip: yauzl.ZipFile; entries: yauzl.Entry[] };
  try {
    opened = await entriesOf(path);
  } catch (err) {
    return [{ source: path, ok: false, error: `无法读取交换包（不是有效的 .zip）：${(err as Error).message}` }];
  }
  const { zip, entries } = opened;
  const names = entries.map((e) => e.fileName).filter((n) => !n.endsWith('/'));
  const nested = names.filter((n) => /^[^/]+\/case\.json$/.test(n)).map((n) => n.slice(0, n.indexOf('/')));
  const inner = names.filter((n) => /^[^/]+\.zip$/i.test(n));
  if (names.includes('case.json') || nested.length + inner.length <= 1) {
    zip.close();
    return importer.importMany([path], onProgress);
  }
  const bad = names.filter((n) => !safeName(n));
  if (bad.length) {
    zip.close();
    return [{ source: path, ok: false, error: '交换包中有不安全的文件路径，未导入任何内容', details: bad.slice(0, 10) }];
  }
  const dir = join(workDir, `bundle-${randomUUID()}`);
  const wanted = new Set(nested);
  try {
    for (const e of entries) {
      const top = e.fileName.split('/')[0]!;
      if (e.fileName.endsWith('/') || !(wanted.has(top) || inner.includes(e.fileName))) continue;
      const dest = join(dir, e.fileName);
      mkdirSync(dirname(dest), { recursive: true });
      const stream = await new Promise<Readable>((res, rej) => zip.openReadStream(e, (err, s) => (err || !s ? rej(err) : res(s))));
      await pipeline(stream, createWriteStream(dest));
    }
    zip.close();
    return await importer.importMany([...nested, ...inner].map((n) => join(dir, n)), onProgress);
  } finally {
    zip.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
