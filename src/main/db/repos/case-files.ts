// Repository of the case-file aggregate: case, parties, officers, documents, evidence, blobs.
import { and, eq, or, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../open';
import * as t from '../schema';
import type { CasePackage } from '../../../shared/casefile/schema';
import { CaseFileWriter, type WriteBlob, type WriteMeta } from './case-file-write';

export type CaseRow = typeof t.cases.$inferSelect;
/** What a queue row is built from (CaseFileRepo.queueRows). */
export type QueueRowSource = Pick<CaseRow, 'id' | 'caseNumber' | 'partyName' | 'cause' | 'handlingUnit' | 'agencyCode' | 'submittedOn' | 'round' | 'status' | 'offline' | 'proposedFineFen'>;
export type PartyRow = typeof t.parties.$inferSelect;
export type DocumentRow = typeof t.documents.$inferSelect;
export type EvidenceRow = typeof t.evidence.$inferSelect;
export type OfficerRow = typeof t.officers.$inferSelect & { isCaseOfficer: boolean };
export type BlobRow = typeof t.blobs.$inferSelect;

export interface CaseAggregate {
  row: CaseRow;
  agency: typeof t.agencies.$inferSelect;
  parties: PartyRow[];
  officers: OfficerRow[];
  documents: DocumentRow[];
  evidence: EvidenceRow[];
  blobs: Map<string, BlobRow>;
}

export function totalFineFen(pkg: CasePackage): number | null {
  const fines = pkg.case.proposedDecision.penalties.filter((p) => p.type === 'fine' && p.amountFen !== undefined);
  return fines.length ? fines.reduce((s, p) => s + (p.amountFen ?? 0), 0) : null;
}

/** The better-sqlite3 connection under a drizzle database (drizzle() sets `$client`). */
function clientOf(db: Db): Database.Database {
  const client = (db as Db & { $client?: Database.Database }).$client;
  if (!client) throw new Error('数据库连接不可用（缺少底层 SQLite 连接）');
  return client;
}

export class CaseFileRepo {
  constructor(private readonly db: Db) {}

  /** Statements prepared on first use, once per repo (the import calls these per case). */
  private writer?: CaseFileWriter;
  private identity?: { all(values: { id: string; caseNumber: string }): CaseRow[] };

  /** The agencies of the cases held here (asked at every sync by the 文号 top-up). */
  agencyCodes(): string[] {
    return this.agencyQuery()
      .all()
      .map((r) => r.code);
  }

  /** How SQLite runs agencyCodes(): a test checks it reads case_agency_idx, not every case row. */
  agencyCodesPlan(): string[] {
    const q = this.agencyQuery().toSQL();
    return (clientOf(this.db).prepare(`explain query plan ${q.sql}`).all(...q.params) as { detail: string }[]).map((r) => r.detail);
  }

  private agencyQuery() {
    return this.db.selectDistinct({ code: t.cases.agencyCode }).from(t.cases).orderBy(t.cases.agencyCode);
  }

  findIdentity(id: string, caseNumber: string): { byId?: CaseRow; byNumber?: CaseRow } {
    this.identity ??= this.db
      .select()
      .from(t.cases)
      .where(or(eq(t.cases.id, sql.placeholder('id')), eq(t.cases.caseNumber, sql.placeholder('caseNumber'))))
      .prepare();
    const rows = this.identity.all({ id, caseNumber });
    return { byId: rows.find((r) => r.id === id), byNumber: rows.find((r) => r.caseNumber === caseNumber) };
  }

  /**
   * Write a whole validated package in one transaction: a new case, or (replace) a new revision of
   * an existing one — its reviews and annotations stay. `within` runs inside the same transaction
   * (e.g. search indexing), so all or nothing is written.
   */
  write(pkg: CasePackage, meta: WriteMeta, blobs: WriteBlob[], within?: () => void): void {
    this.writer ??= new CaseFileWriter(clientOf(this.db));
    this.writer.write(pkg, meta, blobs, totalFineFen(pkg), within);
  }

  /** The stored package JSON of a revision (null for cases imported before revisions were kept). */
  revisionPackage(caseId: string, revision: number): { packageJson: string; receivedOn: string } | null {
    return this.db.select({ packageJson: t.caseRevisions.packageJson, receivedOn: t.caseRevisions.receivedOn }).from(t.caseRevisions).where(and(eq(t.caseRevisions.caseId, caseId), eq(t.caseRevisions.revision, revision))).get() ?? null;
  }

  setStatus(id: string, status: CaseRow['status']): void {
    this.db.update(t.cases).set({ status }).where(eq(t.cases.id, id)).run();
  }

  listRows(filter: { status?: CaseRow['status'] }): CaseRow[] {
    const q = this.db.select().from(t.cases);
    return (filter.status ? q.where(eq(t.cases.status, filter.status)) : q).all();
  }

  /**
   * The queue's columns only: the queue lists every case, and the full rows (facts, procedure and
   * decision JSON) were most of what reading them cost at 10,000 cases.
   */
  queueRows(filter: { status?: CaseRow['status'] }): QueueRowSource[] {
    const q = this.db
      .select({
        id: t.cases.id,
        caseNumber: t.cases.caseNumber,
        partyName: t.cases.partyName,
        cause: t.cases.cause,
        handlingUnit: t.cases.handlingUnit,
        agencyCode: t.cases.agencyCode,
        submittedOn: t.cases.submittedOn,
        round: t.cases.round,
        status: t.cases.status,
        offline: t.cases.offline,
        proposedFineFen: t.cases.proposedFineFen,
      })
      .from(t.cases);
    return (filter.status ? q.where(eq(t.cases.status, filter.status)) : q).all();
  }

  count(): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(t.cases).get()?.n ?? 0;
  }

  load(id: string): CaseAggregate | null {
    const row = this.db.select().from(t.cases).where(eq(t.cases.id, id)).get();
    if (!row) return null;
    const agency = this.db.select().from(t.agencies).where(eq(t.agencies.code, row.agencyCode)).get()!;
    const parties = this.db.select().from(t.parties).where(eq(t.parties.caseId, id)).orderBy(t.parties.position).all();
    const officers = this.db
      .select({ o: t.officers, isCaseOfficer: t.caseOfficers.isCaseOfficer })
      .from(t.caseOfficers)
      .innerJoin(t.officers, eq(t.caseOfficers.officerId, t.officers.id))
      .where(eq(t.caseOfficers.caseId, id))
      .all()
      .map((r) => ({ ...r.o, isCaseOfficer: r.isCaseOfficer }));
    const documents = this.db.select().from(t.documents).where(eq(t.documents.caseId, id)).orderBy(t.documents.position).all();
    const evidence = this.db.select().from(t.evidence).where(eq(t.evidence.caseId, id)).orderBy(t.evidence.position).all();
    const blobs = new Map<string, BlobRow>();
    for (const sha of new Set([...documents, ...evidence].map((x) => x.sha256))) {
      const b = this.db.select().from(t.blobs).where(eq(t.blobs.sha256, sha)).get();
      if (b) blobs.set(sha, b);
    }
    return { row, agency, parties, officers, documents, evidence, blobs };
  }

  /** Is this sha256 referenced by any document or evidence item? (blob serving checks this) */
  blobKnown(sha256: string): BlobRow | undefined {
    return this.db.select().from(t.blobs).where(eq(t.blobs.sha256, sha256)).get();
  }

  setOffline(id: string, offline: boolean): void {
    this.db.update(t.cases).set({ offline }).where(and(eq(t.cases.id, id))).run();
  }
}
