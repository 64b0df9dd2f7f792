// case.json for one case, from the case model and the file references.
import { CASE_PACKAGE_FORMAT, CasePackage, type DocumentItem, type EvidenceItem, type FileRef } from '../../shared/casefile/schema';
import type { PlannedEvidence } from './docs/common';
import type { PlannedDoc } from './docs/plan';
import type { CaseCtx } from './model';

export function buildCaseJson(ctx: CaseCtx, docs: readonly PlannedDoc[], docFiles: readonly FileRef[], evidence: readonly PlannedEvidence[], evFiles: readonly FileRef[]): CasePackage {
  const d = ctx.dates;
  const documents: DocumentItem[] = docs.map((doc, i) => ({
    id: `doc-${String(i + 1).padStart(2, '0')}`,
    kind: doc.kind,
    title: doc.title,
    ...(doc.docNumber ? { docNumber: doc.docNumber } : {}),
    date: doc.date,
    file: docFiles[i]!,
  }));
  const items: EvidenceItem[] = evidence.map((e, i) => ({
    id: e.id,
    kind: e.spec.kind,
    title: e.spec.title,
    source: e.spec.source,
    collectedBy: e.officers.map((o) => o.id),
    collectedOn: e.date,
    proves: e.spec.proves,
    file: evFiles[i]!,
  }));
  const det = ctx.details;
  const raw = {
    format: CASE_PACKAGE_FORMAT,
    formatVersion: 1,
    case: {
      id: ctx.caseId,
      revision: 1,
      caseNumber: ctx.caseNumber,
      cause: ctx.scenario.cause,
      agency: ctx.info.agency,
      handlingUnit: ctx.unit,
      procedureType: 'general',
      violationPeriod: { start: det.violationStart, end: det.continuing ? (d.recheck ?? d.inspect) : d.inspect, continuing: det.continuing },
      // The demo parties' violations happen at their premises — for an unlicensed trader not the
      // address on file, which is the person's home (程序规定第六条 turns on the place of the violation).
      violationPlace: ctx.party.premises,
      facts: det.facts,
      procedure: {
        leadReceivedOn: d.lead,
        filedOn: d.filed,
        investigationConcludedOn: d.concluded,
        noticeServedOn: d.notice,
        ...(d.statement ? { statementHeardOn: d.statement } : {}),
        ...(d.hearingRequested ? { hearingRequestedOn: d.hearingRequested } : {}),
        ...(d.hearingHeld ? { hearingHeldOn: d.hearingHeld } : {}),
        submittedForReviewOn: d.submitted,
        proposedDecisionOn: d.proposed,
        excludedPeriods: ctx.excluded,
        extensions: [],
      },
      proposedDecision: {
        penalties: ctx.penalties.map((p) => ({ type: p.type, ...(p.amountFen !== undefined ? { amountFen: p.amountFen } : {}), description: p.description })),
        violatedProvisions: ctx.violated,
        legalBasis: ctx.basis,
        discretion: { level: ctx.fine.level, factors: ctx.fine.factors, reason: ctx.fine.reason },
        ...ctx.amounts,
      },
      caseOfficerIds: ctx.officers.map((o) => o.id),
      partyIds: [ctx.party.party.id],
    },
    parties: [ctx.party.party],
    officers: ctx.officers,
    documents,
    evidence: items,
  };
  // Validate here so a generator bug never writes an invalid package.
  return CasePackage.parse(raw);
}
