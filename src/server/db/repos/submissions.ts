// Signed submissions keyed by the client's id; the first answer is kept and repeated verbatim.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../open';
import { caseRevisions, cases, submissions, users } from '../schema';

export type SubmissionRow = typeof submissions.$inferSelect;
export type NewSubmission = typeof submissions.$inferInsert;

export interface AcceptedOpinion {
  clientId: string;
  userId: number;
  user: string;
  displayName: string | null;
  documentNumber: string | null;
  receivedAt: Date;
}

/** 张明（zhangming）的审核意见书（马市监法审〔2026〕1号） — how the admin and the reviewer are told of it. */
export function describeAccepted(o: Pick<AcceptedOpinion, 'user' | 'displayName' | 'documentNumber'>): string {
  const who = o.displayName && o.displayName !== o.user ? `${o.displayName}（${o.user}）` : `审核员 ${o.user} `;
  return `${who}的审核意见书${o.documentNumber ? `（${o.documentNumber}）` : ''}`;
}

/**
 * A field of an opinion's signed payload, when it has the expected JSON type (null for other kinds,
 * when no body was kept, and for a payload never checked: a stale one is stored as it came).
 */
function opinionField(name: 'documentNumber' | 'round' | 'version', type: 'string' | 'number') {
  const key = sql.raw(`'${name}'`);
  return sql`case when ${submissions.kind} = 'opinion' and jsonb_typeof(${submissions.payload}->${key}) = ${type} then ${submissions.payload}->>${key} end`;
}
const text = (name: 'documentNumber') => opinionField(name, 'string').mapWith((v: string | null) => v);
const integer = (name: 'round' | 'version') =>
  opinionField(name, 'number').mapWith((v: string | null): number | null => (v !== null && Number.isSafeInteger(Number(v)) ? Number(v) : null));

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

  /** Accepted opinions on one revision of a case, oldest first, with the reviewer and the 文号 they carry. */
  async acceptedOpinions(caseId: string, revisionHash: string): Promise<AcceptedOpinion[]> {
    return this.db
      .select({
        clientId: submissions.clientId,
        userId: submissions.userId,
        user: users.name,
        displayName: users.displayName,
        documentNumber: text('documentNumber'),
        receivedAt: submissions.receivedAt,
      })
      .from(submissions)
      .innerJoin(users, eq(users.id, submissions.userId))
      .where(and(eq(submissions.caseId, caseId), eq(submissions.caseRevisionHash, revisionHash), eq(submissions.kind, 'opinion'), eq(submissions.status, 'accepted')))
      .orderBy(asc(submissions.receivedAt));
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
        userDisplayName: users.displayName,
        documentNumber: text('documentNumber'),
        opinionRound: integer('round'),
        opinionVersion: integer('version'),
      })
      .from(submissions)
      .innerJoin(users, eq(users.id, submissions.userId))
      // The 案号 and the revision the submission was made on, for people (a rejected one may name neither).
      .leftJoin(cases, eq(cases.id, submissions.caseId))
      .leftJoin(caseRevisions, and(eq(caseRevisions.caseId, submissions.caseId), eq(caseRevisions.revisionHash, submissions.caseRevisionHash)))
      .orderBy(desc(submissions.receivedAt));
  }
}
