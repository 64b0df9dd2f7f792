// Repository of the case-file aggregate: case, parties, officers, documents, evidence, blobs.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../open';
import * as t from '../schema';
import type { CasePackage } from '../../../shared/casefile/schema';

export type CaseRow = typeof t.cases.$inferSelect;
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

export class CaseFileRepo {
  constructor(private readonly db: Db) {}

  findIdentity(id: string, caseNumber: string): { byId?: CaseRow; byNumber?: CaseRow } {
    const byId = this.db.select().from(t.cases).where(eq(t.cases.id, id)).get();
    const byNumber = this.db.select().from(t.cases).where(eq(t.cases.caseNumber, caseNumber)).get();
    return { byId, byNumber };
  }

  /** Insert a whole validated package in one transaction. */
  /**
   * Write a whole validated package in one transaction: a new case, or (replace) a new revision of
   * an existing one — its reviews and annotations stay. `within` runs inside the same transaction
   * (e.g. search indexing), so all or nothing is written.
   */
  write(
    pkg: CasePackage,
    meta: { revisionHash: string; importedAt: string; receivedOn: string; packageJson: string; replace?: { round: number } },
    blobs: { sha256: string; size: number; mime: string }[],
    within?: () => void,
  ): void {
    const c = pkg.case;
    this.db.transaction((tx) => {
      tx.insert(t.agencies).values(c.agency).onConflictDoUpdate({ target: t.agencies.code, set: { name: c.agency.name, shortName: c.agency.shortName, region: c.agency.region, level: c.agency.level } }).run();
      for (const o of pkg.officers) {
        const { id, ...rest } = o;
        tx.insert(t.officers).values(o).onConflictDoUpdate({ target: t.officers.id, set: rest }).run();
      }
      // One statement per table, not per row: drizzle builds and SQLite prepares each anew (the import's hot path).
      if (blobs.length)
        tx.insert(t.blobs)
          .values(blobs.map((b) => ({ ...b, storedAt: meta.importedAt, verifiedAt: meta.importedAt, verifiedState: 'ok' as const })))
          .onConflictDoUpdate({ target: t.blobs.sha256, set: { verifiedState: 'ok', verifiedAt: meta.importedAt } })
          .run();
      const firstParty = pkg.parties.find((p) => p.id === c.partyIds[0]) ?? pkg.parties[0]!;
      const row = {
        revision: c.revision,
        revisionHash: meta.revisionHash,
        caseNumber: c.caseNumber,
        cause: c.cause,
        agencyCode: c.agency.code,
        handlingUnit: c.handlingUnit,
        partyName: firstParty.name,
        submittedOn: c.procedure.submittedForReviewOn,
        violationStart: c.violationPeriod.start,
        violationEnd: c.violationPeriod.end,
        continuing: c.violationPeriod.continuing,
        facts: c.facts,
        procedureJson: JSON.stringify(c.procedure),
        proposedDecisionJson: JSON.stringify(c.proposedDecision),
        proposedFineFen: totalFineFen(pkg),
        offline: true,
        importedAt: meta.importedAt,
      };
      if (meta.replace) {
        for (const table of [t.parties, t.caseOfficers, t.documents, t.evidence]) tx.delete(table).where(eq(table.caseId, c.id)).run();
        tx.update(t.cases).set({ ...row, status: 'pending', round: meta.replace.round }).where(eq(t.cases.id, c.id)).run();
      } else {
        tx.insert(t.cases).values({ id: c.id, ...row }).run();
      }
      tx.insert(t.caseRevisions)
        .values({ caseId: c.id, revision: c.revision, revisionHash: meta.revisionHash, packageJson: meta.packageJson, receivedOn: meta.receivedOn, importedAt: meta.importedAt })
        .run();
      if (pkg.parties.length)
        tx.insert(t.parties)
          .values(
            pkg.parties.map((p, position) => ({
              caseId: c.id,
              position,
              id: p.id,
              kind: p.kind,
              name: p.name,
              idNumber: p.idNumber,
              address: p.address,
              legalRepresentative: p.legalRepresentative ?? null,
              phone: p.phone ?? null,
              businessScope: p.businessScope ?? null,
            })),
          )
          .run();
      const caseOfficerIds = new Set(c.caseOfficerIds);
      if (pkg.officers.length) tx.insert(t.caseOfficers).values(pkg.officers.map((o) => ({ caseId: c.id, officerId: o.id, isCaseOfficer: caseOfficerIds.has(o.id) }))).run();
      if (pkg.documents.length)
        tx.insert(t.documents)
          .values(pkg.documents.map((d, position) => ({ caseId: c.id, id: d.id, position, kind: d.kind, title: d.title, docNumber: d.docNumber ?? null, date: d.date, path: d.file.path, sha256: d.file.sha256 })))
          .run();
      if (pkg.evidence.length)
        tx.insert(t.evidence)
          .values(
            pkg.evidence.map((e, position) => ({
              caseId: c.id,
              id: e.id,
              position,
              kind: e.kind,
              title: e.title,
              source: e.source,
              collectedByJson: JSON.stringify(e.collectedBy),
              collectedOn: e.collectedOn,
              proves: e.proves,
              path: e.file.path,
              sha256: e.file.sha256,
            })),
          )
          .run();
      within?.();
    });
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
