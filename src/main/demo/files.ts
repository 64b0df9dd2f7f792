// Rendering the files of a package, and the shared file pool of bench mode.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileRef } from '../../shared/casefile/schema';
import { renderImage } from './image/render';
import type { DocModel } from './pdf/model';
import { renderPdf } from './pdf/render';
import type { FileSpec } from './scenarios/types';

export interface RenderedFile {
  bytes: Uint8Array;
  mime: string;
  ext: 'pdf' | 'jpg' | 'png';
  sha256: string;
}

function rendered(bytes: Uint8Array, mime: string, ext: RenderedFile['ext']): RenderedFile {
  return { bytes, mime, ext, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function renderDocFile(build: () => DocModel): Promise<RenderedFile> {
  return rendered(await renderPdf(build()), 'application/pdf', 'pdf');
}

export async function renderSpecFile(spec: FileSpec): Promise<RenderedFile> {
  if (spec.type === 'pdf') return renderDocFile(spec.build);
  const bytes = await renderImage(spec.spec, spec.format);
  return spec.format === 'jpeg' ? rendered(bytes, 'image/jpeg', 'jpg') : rendered(bytes, 'image/png', 'png');
}

export function fileRef(path: string, f: RenderedFile): FileRef {
  return { path, sha256: f.sha256, size: f.bytes.byteLength, mime: f.mime };
}

export interface PoolEntry {
  file: RenderedFile;
  /** Where the pooled copy lives on disk (folder mode), for hard links. */
  diskPath?: string;
}

/**
 * Bench mode: one rendered file per (scenario, document/evidence slot), shared by every case —
 * written once to a pool folder and hard-linked into each package.
 */
export class FilePool {
  private readonly entries = new Map<string, Promise<PoolEntry>>();
  private count = 0;

  constructor(private readonly dir: string | undefined) {}

  get(key: string, make: () => Promise<RenderedFile>): Promise<PoolEntry> {
    let e = this.entries.get(key);
    if (!e) {
      e = (async (): Promise<PoolEntry> => {
        const file = await make();
        if (!this.dir) return { file };
        await mkdir(this.dir, { recursive: true });
        const diskPath = join(this.dir, `${String(++this.count).padStart(4, '0')}.${file.ext}`);
        await writeFile(diskPath, file.bytes);
        return { file, diskPath };
      })();
      this.entries.set(key, e);
    }
    return e;
  }

  get size(): number {
    return this.entries.size;
  }
}
