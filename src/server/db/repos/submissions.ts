// Signed submissions keyed by the client's id; the first answer is kept and repeated verbatim.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../open';
import { caseRevisions, cases, submissions, users } from '../schema';

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

  /** The first answers to one user's submissions, oldest first (carried back in their case bundles). */
  async firstAnswersOf(userId: number): Promise<unknown[]> {
    const rows = await this.db.select({ answer: submissions.firstAnswer }).from(submissions).where(eq(submissions.userId, userId)).orderBy(asc(submissions.receivedAt));
    return rows.map((r) => r.answer);
  }

  list() {
    return this.db
      .select({
        id: submissions.clientId,
        user: users.name,
        kind: submissions.kind,
        caseId: submissions.caseId,
        caseNumber: cases.caseNumber,
        revision: caseRevisions.revision,
        caseRevisionHash: submissions.caseRevisionHash,
        status: submissions.status,
        reason: submissions.reason,
        receivedAt: submissions.receivedAt,
      })
      .from(submissions)
      .innerJoin(users, eq(users.id, submissions.userId))
      // The 案号 and the revision the submission was made on, for people (a rejected one may name neither).
      .leftJoin(cases, eq(cases.id, submissions.caseId))
      .leftJoin(caseRevisions, and(eq(caseRevisions.caseId, submissions.caseId), eq(caseRevisions.revisionHash, submissions.caseRevisionHash)))
      .orderBy(desc(submissions.receivedAt));
  }
}
