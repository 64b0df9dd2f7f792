// After a file is stored: find its real type and, for PDFs, extract and index each page's text.
import { readFile } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { BlobRepo } from '../../db/repos/blobs';
import { SearchRepo } from '../../db/repos/search';
import type { Db } from '../../db/open';
import type { BlobStore } from '../blob-store';
import { extractPdfText } from './text-extract';
import { mimeMismatch, sniffMime } from './file-type';

/** PDFs larger than this are indexed page by page in the same way; this only guards memory. */
const MAX_PDF_BYTES_FOR_TEXT = 512 * 1024 * 1024;

export class EvidenceProcessor {
  private readonly blobs: BlobRepo;
  private readonly search: SearchRepo;

  constructor(
    db: Db,
    private readonly sqlite: Database.Database,
    private readonly store: BlobStore,
  ) {
    this.blobs = new BlobRepo(db);
    this.search = new SearchRepo(sqlite);
  }

  /** Process a stored file once; `force` redoes it (e.g. after a repair). */
  async process(sha256: string, force = false): Promise<void> {
    const row = this.blobs.get(sha256);
    if (!row || !this.store.has(sha256) || (!force && row.textState !== 'pending')) return;
    const detected = await sniffMime(this.store.pathOf(sha256));
    const mismatch = mimeMismatch(row.mime, detected);
    const isPdf = (detected ?? row.mime) === 'application/pdf';
    if (!isPdf) {
      const empty = row.size === 0 ? '文件为空（0 字节）' : null;
      this.blobs.setProcessed(sha256, { detectedMime: detected, textState: 'none', pageCount: null, problem: empty ?? mismatch });
      return;
    }
    if (row.size > MAX_PDF_BYTES_FOR_TEXT) {
      this.blobs.setProcessed(sha256, { detectedMime: detected, textState: 'failed', pageCount: null, problem: 'PDF 过大，未建立全文索引' });
      return;
    }
    const result = await extractPdfText(new Uint8Array(await readFile(this.store.pathOf(sha256))));
    if (!result.ok) {
      this.blobs.setProcessed(sha256, { detectedMime: detected, textState: result.state, pageCount: null, problem: result.message });
      return;
    }
    this.sqlite.transaction(() => {
      this.search.indexPages(sha256, result.pages);
      this.blobs.setProcessed(sha256, { detectedMime: detected, textState: 'done', pageCount: result.pages.length, problem: mismatch });
    })();
  }

  async processPending(onProgress?: (done: number, total: number) => void): Promise<number> {
    const pending = this.blobs.pending();
    for (const [i, b] of pending.entries()) {
      await this.process(b.sha256);
      onProgress?.(i + 1, pending.length);
    }
    return pending.length;
  }
}
