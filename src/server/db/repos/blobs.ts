// Blob metadata and who may read a blob: an admin, or the reviewer a case listing it is assigned to.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../open';
import { blobs, caseBlobs, cases } from '../schema';

export type BlobRow = typeof blobs.$inferSelect;

export class BlobsRepo {
  constructor(private readonly db: DbOrTx) {}

  async known(shas: string[]): Promise<Set<string>> {
    if (!shas.length) return new Set();
    const rows = await this.db.select({ sha256: blobs.sha256 }).from(blobs).where(inArray(blobs.sha256, shas));
    return new Set(rows.map((r) => r.sha256));
  }

  async insertMany(rows: { sha256: string; size: number; mime: string; backendKey: string }[]): Promise<void> {
    if (rows.length) await this.db.insert(blobs).values(rows).onConflictDoNothing();
  }

  async get(sha256: string): Promise<BlobRow | null> {
    const [row] = await this.db.select().from(blobs).where(eq(blobs.sha256, sha256)).limit(1);
    return row ?? null;
  }

  private prepared: ReturnType<BlobsRepo['prepare']> | null = null;

  /** Every download asks one of these: prepared once (use this repository on the database, not a transaction). */
  private prepare() {
    const columns = { sha256: blobs.sha256, size: blobs.size, mime: blobs.mime, backendKey: blobs.backendKey, createdAt: blobs.createdAt };
    return {
      any: this.db.select(columns).from(blobs).where(eq(blobs.sha256, sql.placeholder('sha'))).limit(1).prepare('blob_any'),
      assigned: this.db
        .select(columns)
        .from(blobs)
        .innerJoin(caseBlobs, eq(caseBlobs.sha256, blobs.sha256))
        .innerJoin(cases, eq(cases.id, caseBlobs.caseId))
        .where(and(eq(blobs.sha256, sql.placeholder('sha')), eq(cases.assignedTo, sql.placeholder('viewer'))))
        .limit(1)
        .prepare('blob_assigned'),
    };
  }

  /** The blob, if the viewer may read it (null: unknown or not theirs — the caller answers 404 for both). */
  async visible(sha256: string, viewer: { id: number; role: string }): Promise<BlobRow | null> {
    this.prepared ??= this.prepare();
    const [row] = viewer.role === 'admin' ? await this.prepared.any.execute({ sha: sha256 }) : await this.prepared.assigned.execute({ sha: sha256, viewer: viewer.id });
    return row ?? null;
  }

  /**
   * Of these blobs, the ones the viewer may read (same rule as visible()), in one query: the batch
   * download answers 404 unless every one is there.
   */
  async visibleMany(shas: readonly string[], viewer: { id: number; role: string }): Promise<Map<string, { sha256: string; size: number }>> {
    const out = new Map<string, { sha256: string; size: number }>();
    if (!shas.length) return out;
    const list = [...shas];
    const rows =
      viewer.role === 'admin'
        ? await this.db.select({ sha256: blobs.sha256, size: blobs.size }).from(blobs).where(inArray(blobs.sha256, list))
        : await this.db
            .select({ sha256: blobs.sha256, size: blobs.size })
            .from(blobs)
            .innerJoin(caseBlobs, eq(caseBlobs.sha256, blobs.sha256))
            .innerJoin(cases, eq(cases.id, caseBlobs.caseId))
            .where(and(inArray(blobs.sha256, list), eq(cases.assignedTo, viewer.id)));
    for (const r of rows) out.set(r.sha256, r);
    return out;
  }

  /** Blob lists of several (case, revision) pairs at once, for a feed page. */
  async listsFor(pairs: { caseId: string; revision: number }[]): Promise<Map<string, { sha256: string; size: number; mime: string }[]>> {
    const out = new Map<string, { sha256: string; size: number; mime: string }[]>();
    if (!pairs.length) return out;
    const ids = [...new Set(pairs.map((p) => p.caseId))];
    const rows = await this.db
      .select({ caseId: caseBlobs.caseId, revision: caseBlobs.revision, sha256: blobs.sha256, size: blobs.size, mime: blobs.mime })
      .from(caseBlobs)
      .innerJoin(blobs, eq(blobs.sha256, caseBlobs.sha256))
      .where(inArray(caseBlobs.caseId, ids));
    const wanted = new Set(pairs.map((p) => `${p.caseId}#${p.revision}`));
    for (const r of rows) {
      const key = `${r.caseId}#${r.revision}`;
      if (!wanted.has(key)) continue;
      if (!out.has(key)) out.set(key, []);
      out.get(key)!.push({ sha256: r.sha256, size: r.size, mime: r.mime });
    }
    for (const list of out.values()) list.sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
    return out;
  }
}
