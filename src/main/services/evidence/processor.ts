// After a file is stored: find its real type and extract and index its text — each page of a PDF,
// the text of a plain-text file or a Word document (text-files.ts) as one page.
import type Database from 'better-sqlite3-multiple-ciphers';
import { BlobRepo, type BlobRow } from '../../db/repos/blobs';
import { SearchRepo } from '../../db/repos/search';
import type { Db } from '../../db/open';
import type { BlobStore } from '../blob-store';
import { extractPdfText } from './text-extract';
import { docxText, plainText, textKindOf, type TextKind } from './text-files';
import { HEAD_BYTES } from '../cache-crypto/sealed-writer';
import { TEXT_PREVIEW_BYTES } from '../../../shared/text/decode';
import { headMayNotTell, mimeMismatch, sniffMimeHead, sniffMimeStream } from './file-type';

/** PDFs larger than this are indexed page by page in the same way; this only guards memory. */
const MAX_PDF_BYTES_FOR_TEXT = 512 * 1024 * 1024;

export type Processed = Parameters<BlobRepo['setProcessed']>[1];
/** A file whose text is to be extracted: a PDF, or a text file or Word document (text-files.ts). */
type ToExtract = { detected: string | null; mismatch: string | null; kind: 'pdf' | TextKind };

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
    const s = await this.sniff(sha256, force);
    if (!s) return;
    if ('info' in s) return this.blobs.setProcessed(sha256, s.info);
    await this.extract(sha256, s);
  }

  /**
   * The files of one import: types sniffed (from `heads`, the first bytes captured while staging,
   * when given), the results of files without text written in one transaction (one commit, not one
   * per file), then the text of each PDF, text file and Word document extracted and indexed.
   */
  async processMany(shas: readonly string[], heads: ReadonlyMap<string, Buffer> = new Map()): Promise<void> {
    const done: { sha256: string; info: Processed }[] = [];
    const texts: ({ sha256: string } & ToExtract)[] = [];
    const rows = this.blobs.getMany(shas);
    for (const sha256 of shas) {
      const s = await this.sniff(sha256, false, heads.get(sha256), rows.get(sha256) ?? null);
      if (s && 'info' in s) done.push({ sha256, info: s.info });
      else if (s) texts.push({ sha256, ...s });
    }
    this.sqlite.transaction(() => done.forEach((d) => this.blobs.setProcessed(d.sha256, d.info)))();
    for (const t of texts) await this.extract(t.sha256, t);
  }

  /**
   * Before an import writes its rows: the types of its new files from the first bytes in hand (a
   * sync download's), for those whose result is final (no text to extract), so the import's own
   * transaction records them with record() — one commit per case instead of two. Files already
   * processed, without a head, or whose head cannot tell are left to processMany().
   */
  async sniffAhead(files: readonly { sha256: string; size: number; mime: string }[], heads: ReadonlyMap<string, Buffer>): Promise<Map<string, Processed>> {
    const out = new Map<string, Processed>();
    const withHead = files.filter((f) => heads.has(f.sha256));
    if (!withHead.length) return out;
    const rows = this.blobs.getMany(withHead.map((f) => f.sha256));
    for (const f of withHead) {
      const row = rows.get(f.sha256);
      if (row && row.textState !== 'pending') continue;
      const head = heads.get(f.sha256)!;
      const detected = await sniffMimeHead(head);
      if (headMayNotTell(detected) && f.size > head.length) continue;
      const r = this.judge(row ?? f, detected);
      if ('info' in r) out.set(f.sha256, r.info);
    }
    return out;
  }

  /** Write results of sniffAhead() (inside the import's transaction, once its rows are in). */
  record(results: ReadonlyMap<string, Processed>): void {
    for (const [sha256, info] of results) this.blobs.setProcessed(sha256, info);
  }

  /** The real type; for a file without text (or an empty one, or a PDF too large) also the final result. */
  private async sniff(sha256: string, force: boolean, head?: Buffer, known?: BlobRow | null): Promise<{ info: Processed } | ToExtract | null> {
    const row = known === undefined ? this.blobs.get(sha256) : known;
    if (!row || !this.store.has(sha256) || (!force && row.textState !== 'pending')) return null;
    return this.judge(row, await this.detect(sha256, row.size, head));
  }

  /** What a file's detected type means for it: a final result, or the text to extract. */
  private judge(row: { mime: string; size: number }, detected: string | null): { info: Processed } | ToExtract {
    const mismatch = mimeMismatch(row.mime, detected);
    const type = detected ?? row.mime;
    const kind = type === 'application/pdf' ? 'pdf' : textKindOf(type);
    if (!kind || row.size === 0) {
      const empty = row.size === 0 ? '文件为空（0 字节）' : null;
      return { info: { detectedMime: detected, textState: 'none', pageCount: null, problem: empty ?? mismatch } };
    }
    if (kind !== 'pdf') return { detected, mismatch, kind };
    if (row.size > MAX_PDF_BYTES_FOR_TEXT) return { info: { detectedMime: detected, textState: 'failed', pageCount: null, problem: 'PDF 过大，未建立全文索引' } };
    return { detected, mismatch, kind };
  }

  /** The type from the first bytes (given, or the first chunk decrypted); the whole stream only for containers. */
  private async detect(sha256: string, size: number, head?: Buffer): Promise<string | null> {
    let first: Buffer | null = head ?? null;
    if (!first) {
      try {
        first = await this.store.readRange(sha256, 0, HEAD_BYTES - 1);
      } catch {
        return null;
      }
    }
    const mime = await sniffMimeHead(first);
    return headMayNotTell(mime) && size > first.length ? sniffMimeStream(this.store.open(sha256)) : mime;
  }

  private async extract(sha256: string, { detected, mismatch, kind }: ToExtract): Promise<void> {
    if (kind !== 'pdf') return this.extractText(sha256, detected, mismatch, kind);
    const result = await extractPdfText(new Uint8Array(await this.store.read(sha256)));
    if (!result.ok) {
      this.blobs.setProcessed(sha256, { detectedMime: detected, textState: result.state, pageCount: null, problem: result.message });
      return;
    }
    this.sqlite.transaction(() => {
      this.search.indexPages(sha256, result.pages);
      this.blobs.setProcessed(sha256, { detectedMime: detected, textState: 'done', pageCount: result.pages.length, problem: mismatch });
    })();
  }

  /** A text file or Word document: its text indexed as one page; it has no pages (pageCount null). */
  private async extractText(sha256: string, detected: string | null, mismatch: string | null, kind: TextKind): Promise<void> {
    const result = kind === 'docx' ? await docxText(await this.store.read(sha256)) : plainText(new Uint8Array(await this.store.readRange(sha256, 0, TEXT_PREVIEW_BYTES - 1)));
    if (!result.ok) {
      this.blobs.setProcessed(sha256, { detectedMime: detected, textState: 'failed', pageCount: null, problem: result.message });
      return;
    }
    this.sqlite.transaction(() => {
      this.search.indexPages(sha256, [result.text], { keepLines: true });
      this.blobs.setProcessed(sha256, { detectedMime: detected, textState: 'done', pageCount: null, problem: mismatch });
    })();
  }

  /**
   * Once per store: text files and Word documents stored before their text was indexed (a former
   * version left them at 'none') are queued again, so the next processPending makes them searchable.
   */
  requeueTextFilesOnce(now: string): number {
    const KEY = 'text_files_indexed';
    if (this.sqlite.prepare('select 1 from setting where key = ?').get(KEY)) return 0;
    const rows = this.sqlite.prepare("select sha256, coalesce(detected_mime, mime) as type from blob where text_state = 'none' and size > 0 and derived_from is null").all() as { sha256: string; type: string }[];
    const queue = rows.filter((r) => textKindOf(r.type));
    const requeue = this.sqlite.prepare("update blob set text_state = 'pending' where sha256 = ?");
    this.sqlite.transaction(() => {
      for (const r of queue) requeue.run(r.sha256);
      this.sqlite.prepare('insert into setting (key, value_json, updated_at) values (?, ?, ?) on conflict(key) do nothing').run(KEY, 'true', now);
    })();
    return queue.length;
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
