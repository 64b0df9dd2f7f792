// The case package of a stored case's current revision: the JSON as received, or — for cases
// imported before revisions were kept (store migrated from 0002) — rebuilt from the tables.
import { CasePackage, type Procedure, type ProposedDecision } from '../../../shared/casefile/schema';
import type { CaseAggregate, CaseFileRepo } from '../../db/repos/case-files';

export function packageFromAggregate(agg: CaseAggregate): CasePackage {
  const { row } = agg;
  const fileOf = (x: { path: string; sha256: string }) => ({ path: x.path, sha256: x.sha256, size: agg.blobs.get(x.sha256)?.size ?? 0, mime: agg.blobs.get(x.sha256)?.mime ?? 'application/octet-stream' });
  return CasePackage.parse({
    format: 'fashen.case-package',
    formatVersion: 1,
    case: {
      id: row.id,
      revision: row.revision,
      caseNumber: row.caseNumber,
      cause: row.cause,
      agency: agg.agency,
      handlingUnit: row.handlingUnit,
      procedureType: 'general',
      violationPeriod: { start: row.violationStart, end: row.violationEnd, continuing: row.continuing },
      facts: row.facts,
      procedure: JSON.parse(row.procedureJson) as Procedure,
      proposedDecision: JSON.parse(row.proposedDecisionJson) as ProposedDecision,
      caseOfficerIds: agg.officers.filter((o) => o.isCaseOfficer).map((o) => o.id),
      partyIds: agg.parties.map((p) => p.id),
    },
    parties: agg.parties.map((p) => ({ id: p.id, kind: p.kind, name: p.name, idNumber: p.idNumber, address: p.address, legalRepresentative: p.legalRepresentative ?? undefined, phone: p.phone ?? undefined, businessScope: p.businessScope ?? undefined })),
    officers: agg.officers.map(({ isCaseOfficer: _c, ...o }) => o),
    documents: agg.documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, docNumber: d.docNumber ?? undefined, date: d.date, file: fileOf(d) })),
    evidence: agg.evidence.map((e) => ({ id: e.id, kind: e.kind, title: e.title, source: e.source, collectedBy: JSON.parse(e.collectedByJson) as string[], collectedOn: e.collectedOn, proves: e.proves, file: fileOf(e) })),
  });
}

export function currentPackage(repo: CaseFileRepo, agg: CaseAggregate): CasePackage {
  const stored = repo.revisionPackage(agg.row.id, agg.row.revision);
  return stored ? CasePackage.parse(JSON.parse(stored.packageJson)) : packageFromAggregate(agg);
}
