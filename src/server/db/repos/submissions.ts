// Signed submissions keyed by the client's id; the first answer is kept and repeated verbatim.
import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../open';
import { submissions, users } from '../schema';

export type SubmissionRow = typeof submissions.$inferSelect;
export type NewSubmission = typeof submissions.$inferInsert;

export class SubmissionsRepo {
  constructor(private readonly db: DbOrTx) {}

  async byId(clientId: string): Promise<SubmissionRow | null> {
    const [row] = await this.db.select().from(submissions).where(eq(submissions.clientId, clientId)).limit(1);
    return row ?? null;
  }

  /** Inserts unless the id exists; returns false when another request got there first. */
  async insertOnce(row: NewSubmission): Promise<boolean> {
    const done = await this.db.insert(submissions).values(row).onConflictDoNothing().returning({ id: submissions.clientId });
    return done.length > 0;
  }

  list() {
    return this.db
      .select({
        id: submissions.clientId,
        user: users.name,
        kind: submissions.kind,
        caseId: submissions.caseId,
        caseRevisionHash: submissions.caseRevisionHash,
        status: submissions.status,
        reason: submissions.reason,
        receivedAt: submissions.receivedAt,
      })
      .from(submissions)
      .innerJoin(users, eq(users.id, submissions.userId))
      .orderBy(desc(submissions.receivedAt));
  }
}
