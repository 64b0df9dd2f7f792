// The change feed: append under the feed lock (open.ts lockFeed), read after a cursor.
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../open';
import { caseRevisions, cases, feed, type FeedKind } from '../schema';

export interface FeedRow {
  seq: number;
  kind: FeedKind;
  caseId: string;
  revision: number;
  at: Date;
  /** Whether the case is currently assigned to the viewer (always true for admins). */
  visible: boolean;
  caseNumber: string;
  currentRevision: number;
}

export class FeedRepo {
  constructor(private readonly db: DbOrTx) {}

  /** Call only inside a transaction that holds the feed lock. */
  async append(kind: FeedKind, caseId: string, revision: number, userId: number | null = null, forced = false): Promise<number> {
    const [row] = await this.db.insert(feed).values({ kind, caseId, revision, userId, forced }).returning({ seq: feed.seq });
    return row!.seq;
  }

  /** Whether the entry at `seq` (a case's current assignment) was a reassignment the admin confirmed over an accepted opinion. */
  async forcedAt(seq: number | null): Promise<boolean> {
    if (seq === null) return false;
    const [row] = await this.db.select({ forced: feed.forced }).from(feed).where(eq(feed.seq, seq)).limit(1);
    return row?.forced ?? false;
  }

  /** Whether the case was ever assigned to the user (an `assigned` entry names them). */
  async wasAssigned(caseId: string, userId: number): Promise<boolean> {
    const rows = await this.db
      .select({ seq: feed.seq })
      .from(feed)
      .where(and(eq(feed.caseId, caseId), eq(feed.userId, userId), eq(feed.kind, 'assigned')))
      .limit(1);
    return rows.length > 0;
  }

  private prepared: ReturnType<FeedRepo['prepare']> | null = null;

  /** Every feed request asks this (prepared once: use this repository on the database, not a transaction). */
  private prepare() {
    const viewer = sql.placeholder('viewer');
    const query = (admin: boolean) =>
      this.db
        .select({
          seq: feed.seq,
          kind: feed.kind,
          caseId: feed.caseId,
          revision: feed.revision,
          at: feed.at,
          visible: admin ? sql<boolean>`true` : sql<boolean>`coalesce(${cases.assignedTo} = ${viewer}, false)`,
          caseNumber: cases.caseNumber,
          currentRevision: cases.currentRevision,
        })
        .from(feed)
        .innerJoin(cases, eq(cases.id, feed.caseId))
        .where(
          and(
            gt(feed.seq, sql.placeholder('after')),
            admin ? undefined : or(and(eq(feed.kind, 'revision'), eq(cases.assignedTo, viewer), gt(feed.seq, cases.assignedSeq)), and(inArray(feed.kind, ['assigned', 'unassigned']), eq(feed.userId, viewer))),
          ),
        )
        .orderBy(asc(feed.seq))
        .limit(sql.placeholder('limit'));
    return { admin: query(true).prepare('feed_page_admin'), reviewer: query(false).prepare('feed_page_reviewer') };
  }

  /**
   * Entries after `after` that concern the viewer: their own assignment changes, and revisions of
   * cases assigned to them that came after the assignment (the `assigned` entry carries the
   * revision current then). Admins see every entry.
   */
  async page(viewer: { id: number; role: string }, after: number, limit: number): Promise<FeedRow[]> {
    this.prepared ??= this.prepare();
    return viewer.role === 'admin' ? this.prepared.admin.execute({ after, limit }) : this.prepared.reviewer.execute({ after, limit, viewer: viewer.id });
  }

  /** The stored case.json text and hash of several revisions at once. */
  async packages(pairs: readonly { caseId: string; revision: number }[]): Promise<Map<string, { revisionHash: string; packageJson: string }>> {
    const out = new Map<string, { revisionHash: string; packageJson: string }>();
    if (!pairs.length) return out;
    const rows = await this.db
      .select({ caseId: caseRevisions.caseId, revision: caseRevisions.revision, revisionHash: caseRevisions.revisionHash, packageJson: caseRevisions.packageJson })
      .from(caseRevisions)
      .where(sql`(${caseRevisions.caseId}, ${caseRevisions.revision}) in (${sql.join(
        pairs.map((p) => sql`(${p.caseId}, ${p.revision})`),
        sql`, `,
      )})`);
    for (const r of rows) out.set(`${r.caseId}#${r.revision}`, { revisionHash: r.revisionHash, packageJson: r.packageJson });
    return out;
  }
}
