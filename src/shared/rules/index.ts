// The review-rules engine: pure functions from a case file (+ rule data, calendar) to findings.
import { checkJurisdiction, checkPowerList } from './checks/p1-jurisdiction';
import { checkCredentials, checkReviewer, checkTwoOfficers } from './checks/p2-officers';
import { checkDelivery, checkHearingProcedure, checkHearingRight } from './checks/p3-hearing';
import { checkDateOrder, checkNoticeBeforeDecision, checkStatementWindow } from './checks/p3-notice';
import { checkDecisionPeriod, checkFilingPeriod } from './checks/p3-periods';
import { checkAudioVideo, checkElements, checkEvidenceMetadata, checkFileIntegrity } from './checks/p4-evidence';
import { checkBasisMatchesViolation, checkCitations, checkOneFine } from './checks/p5-legal-basis';
import { checkFineRange, checkMitigation } from './checks/p6-fine';
import { checkNoPenalty } from './checks/p6-no-penalty';
import { checkSimilarCases } from './checks/p6-similar';
import { checkPenaltyTypes } from './checks/p7-powers';
import { checkDocumentOrder, checkRequiredDocuments } from './checks/p8-documents';
import { checkCriminalThresholds } from './checks/p9-criminal';
import { checkLimitation } from './checks/p10-limitation';
import { POINT_IDS, type Check, type CheckInput, type Finding } from './types';

export const CHECKS: readonly Check[] = [
  checkJurisdiction,
  checkPowerList,
  checkTwoOfficers,
  checkCredentials,
  checkReviewer,
  checkFilingPeriod,
  checkDecisionPeriod,
  checkNoticeBeforeDecision,
  checkStatementWindow,
  checkHearingRight,
  checkHearingProcedure,
  checkDelivery,
  checkDateOrder,
  checkElements,
  checkEvidenceMetadata,
  checkFileIntegrity,
  checkAudioVideo,
  checkCitations,
  checkBasisMatchesViolation,
  checkOneFine,
  checkFineRange,
  checkMitigation,
  checkNoPenalty,
  checkSimilarCases,
  checkPenaltyTypes,
  checkRequiredDocuments,
  checkDocumentOrder,
  checkCriminalThresholds,
  checkLimitation,
];

/** Runs every check; findings are ordered by review point (P1…P10), then by check order. */
export function runChecks(input: CheckInput): Finding[] {
  const seen = new Map<string, number>();
  const all: Finding[] = CHECKS.flatMap((c) => c(input)).map((f) => {
    const n = (seen.get(f.check) ?? 0) + 1;
    seen.set(f.check, n);
    return { ...f, id: n === 1 ? f.check : `${f.check}#${n}` };
  });
  const order = (f: Finding) => POINT_IDS.indexOf(f.point);
  return all.map((f, i) => ({ f, i })).sort((a, b) => order(a.f) - order(b.f) || a.i - b.i).map((x) => x.f);
}

/** The worst severity among findings: fail > warn > info > ok. */
export function worstSeverity(findings: Finding[]): Finding['severity'] | null {
  const rank = { ok: 0, info: 1, warn: 2, fail: 3 } as const;
  return findings.reduce<Finding['severity'] | null>((w, f) => (w === null || rank[f.severity] > rank[w] ? f.severity : w), null);
}

export * from './types';
export { REVIEW_POINTS, reviewPoint, type ReviewPoint } from './points';
export { assembleRuleSet, RuleSet } from './rule-data';
export { mergeRuleSet, RuleOverrideFile, type RuleOverride } from './override';
export { caseArticleKey, citationKey } from './law';
