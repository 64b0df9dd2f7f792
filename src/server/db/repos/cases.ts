// Cases and their revisions; a case's current revision is denormalised onto its row.
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../open';
import { caseBlobs, caseRevisions, cases, users } from '../schema';

export type CaseRow = typeof cases.$inferSelect;

export interface NewRevision {
  caseId: string;
  caseNumber: string;
  revision: number;
  revisionHash: string;
  packageJson: string;
  receivedBy: number;
  blobShas: string[];
  seq: number;
}

export class CasesRepo {
  constructor(private readonly db: DbOrTx) {}

  async byId(id: string): Promise<CaseRow | null> {
    const [row] = await this.db.select().from(cases).where(eq(cases.id, id)).limit(1);
    return row ?? null;
  }

  /** A case by its id or, as people write it, its 案号. */
  async byIdOrNumber(key: string): Promise<CaseRow | null> {
    return (await this.byId(key)) ?? (await this.byNumber(key));
  }

  async byNumber(caseNumber: string): Promise<CaseRow | null> {
    const [row] = await this.db.select().from(cases).where(eq(cases.caseNumber, caseNumber)).limit(1);
    return row ?? null;
  }

  async revision(caseId: string, revisionHash: string): Promise<{ revision: number } | null> {
    const [row] = await this.db
      .select({ revision: caseRevisions.revision })
      .from(caseRevisions)
      .where(and(eq(caseRevisions.caseId, caseId), eq(caseRevisions.revisionHash, revisionHash)))
      .limit(1);
    return row ?? null;
  }

  /** Writes the revision, its blob list and the case row (insert or move to this revision). */
  async writeRevision(r: NewRevision, existing: boolean): Promise<void> {
    const current = { caseNumber: r.caseNumber, currentRevision: r.revision, revisionHash: r.revisionHash, packageJson: r.packageJson, updatedSeq: r.seq, updatedAt: new Date() };
    if (existing) await this.db.update(cases).set(current).where(eq(cases.id, r.caseId));
    else await this.db.insert(cases).values({ id: r.caseId, ...current });
    await this.db.insert(caseRevisions).values({ caseId: r.caseId, revision: r.revision, revisionHash: r.revisionHash, packageJson: r.packageJson, receivedBy: r.receivedBy });
    const shas = [...new Set(r.blobShas)];
    if (shas.length) await this.db.insert(caseBlobs).values(shas.map((sha256) => ({ caseId: r.caseId, revision: r.revision, sha256 })));
  }

  /** The current revisions of a user's assigned cases, by case number (an offline bundle's contents). */
  async assignedTo(userId: number): Promise<{ id: string; caseNumber: string; revision: number; revisionHash: string; packageJson: string }[]> {
    return this.db
      .select({ id: cases.id, caseNumber: cases.caseNumber, revision: cases.currentRevision, revisionHash: cases.revisionHash, packageJson: cases.packageJson })
      .from(cases)
      .where(eq(cases.assignedTo, userId))
      .orderBy(asc(cases.caseNumber));
  }

  async setSeq(caseId: string, seq: number): Promise<void> {
    await this.db.update(cases).set({ updatedSeq: seq }).where(eq(cases.id, caseId));
  }

  async assign(caseId: string, userId: number, seq: number): Promise<void> {
    await this.db.update(cases).set({ assignedTo: userId, assignedSeq: seq, updatedSeq: seq, updatedAt: new Date() }).where(eq(cases.id, caseId));
  }

  list() {
    return this.db
      .select({
        id: cases.id,
        caseNumber: cases.caseNumber,
        revision: cases.currentRevision,
        revisionHash: cases.revisionHash,
        assignedTo: users.name,
        assignedToDisplayName: users.displayName,
        updatedSeq: cases.updatedSeq,
        updatedAt: cases.updatedAt,
      })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.assignedTo))
      .orderBy(asc(cases.caseNumber));
  }
}
