// Repository of blob metadata: integrity state, sniffed type, text extraction state.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../open';
import * as t from '../schema';

export type BlobRow = typeof t.blobs.$inferSelect;
export type TextState = BlobRow['textState'];

export class BlobRepo {
  /** Prepared once: an import records one result per file (building the statement each time was most of its cost). */
  private readonly processed;
  /** Prepared once, the ids as one JSON array: an import asks once per case (a sync, 1,000 times). */
  private readonly many;

  constructor(private readonly db: Db) {
    this.many = db
      .select()
      .from(t.blobs)
      .where(inArray(t.blobs.sha256, sql`(select value from json_each(${sql.placeholder('ids')}))`))
      .prepare();
    this.processed = db
      .update(t.blobs)
      .set({ detectedMime: sql`${sql.placeholder('detectedMime')}`, textState: sql`${sql.placeholder('textState')}`, pageCount: sql`${sql.placeholder('pageCount')}`, problem: sql`${sql.placeholder('problem')}` })
      .where(eq(t.blobs.sha256, sql.placeholder('sha256')))
      .prepare();
  }

  get(sha256: string): BlobRow | undefined {
    return this.db.select().from(t.blobs).where(eq(t.blobs.sha256, sha256)).get();
  }

  /** The rows of many blobs in one query (an import's files). */
  getMany(sha256s: readonly string[]): Map<string, BlobRow> {
    const out = new Map<string, BlobRow>();
    if (sha256s.length) for (const r of this.many.all({ ids: JSON.stringify(sha256s) })) out.set(r.sha256, r);
    return out;
  }

  pending(): BlobRow[] {
    return this.db.select().from(t.blobs).where(eq(t.blobs.textState, 'pending')).all();
  }

  setProcessed(sha256: string, info: { detectedMime: string | null; textState: TextState; pageCount: number | null; problem: string | null }): void {
    this.processed.run({ sha256, detectedMime: info.detectedMime, textState: info.textState, pageCount: info.pageCount, problem: info.problem });
  }

  setVerified(sha256: string, state: BlobRow['verifiedState'], at: string): void {
    this.db.update(t.blobs).set({ verifiedState: state, verifiedAt: at }).where(eq(t.blobs.sha256, sha256)).run();
  }

  /** Register a derived file (e.g. a redacted copy) so it can be served and downloaded. */
  insertDerived(row: { sha256: string; size: number; mime: string; derivedFrom: string }, at: string): void {
    this.db
      .insert(t.blobs)
      .values({ ...row, storedAt: at, verifiedAt: at, verifiedState: 'ok', textState: 'none', detectedMime: row.mime })
      .onConflictDoNothing()
      .run();
  }
}
