// Where each packed blob lies (table blob_pack_entry, in the encrypted workstation database). The
// pack files only hold bytes; this index is what makes an entry exist.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import * as t from '../../db/schema';
import type { PackEntry } from './pack-file';

export interface PackUsage {
  pack: string;
  entries: number;
  /** Sealed bytes of the entries still indexed (what a compaction would keep). */
  liveBytes: number;
}

export class PackIndex {
  private readonly byId;
  private readonly upsert;

  constructor(private readonly db: Db) {
    // Prepared once: every read of a blob asks it, and a sync records ~160 entries a batch.
    this.byId = db.select().from(t.blobPackEntries).where(eq(t.blobPackEntries.sha256, sql.placeholder('sha256'))).prepare();
    this.upsert = db
      .insert(t.blobPackEntries)
      .values({ sha256: sql.placeholder('sha256'), pack: sql.placeholder('pack'), offset: sql.placeholder('offset'), length: sql.placeholder('length') })
      .onConflictDoUpdate({ target: t.blobPackEntries.sha256, set: { pack: sql`excluded.pack`, offset: sql`excluded.offset`, length: sql`excluded.length` } })
      .prepare();
  }

  get(sha256: string): PackEntry | undefined {
    return this.byId.get({ sha256 });
  }

  /**
   * Record entries whose bytes are durable (PackWriter.commit). A blob already recorded elsewhere
   * moves to the new entry: the same content, sealed again.
   */
  put(entries: readonly PackEntry[]): void {
    if (!entries.length) return;
    this.db.transaction(() => {
      for (const e of entries) this.upsert.run({ sha256: e.sha256, pack: e.pack, offset: e.offset, length: e.length });
    });
  }

  remove(sha256s: readonly string[]): void {
    for (let i = 0; i < sha256s.length; i += 500) this.db.delete(t.blobPackEntries).where(inArray(t.blobPackEntries.sha256, sha256s.slice(i, i + 500))).run();
  }

  /** Blobs held in packs. */
  count(): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(t.blobPackEntries).get()!.n;
  }

  entriesOf(pack: string): PackEntry[] {
    return this.db.select().from(t.blobPackEntries).where(eq(t.blobPackEntries.pack, pack)).orderBy(t.blobPackEntries.offset).all();
  }

  /** Every pack some entry points into, with what it still holds. */
  usage(): PackUsage[] {
    return this.db
      .select({ pack: t.blobPackEntries.pack, entries: sql<number>`count(*)`, liveBytes: sql<number>`sum(${t.blobPackEntries.length})` })
      .from(t.blobPackEntries)
      .groupBy(t.blobPackEntries.pack)
      .all();
  }
}
