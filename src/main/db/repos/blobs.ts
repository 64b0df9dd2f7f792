// Repository of blob metadata: integrity state, sniffed type, text extraction state.
import { eq } from 'drizzle-orm';
import type { Db } from '../open';
import * as t from '../schema';

export type BlobRow = typeof t.blobs.$inferSelect;
export type TextState = BlobRow['textState'];

export class BlobRepo {
  constructor(private readonly db: Db) {}

  get(sha256: string): BlobRow | undefined {
    return this.db.select().from(t.blobs).where(eq(t.blobs.sha256, sha256)).get();
  }

  pending(): BlobRow[] {
    return this.db.select().from(t.blobs).where(eq(t.blobs.textState, 'pending')).all();
  }

  setProcessed(sha256: string, info: { detectedMime: string | null; textState: TextState; pageCount: number | null; problem: string | null }): void {
    this.db.update(t.blobs).set(info).where(eq(t.blobs.sha256, sha256)).run();
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
