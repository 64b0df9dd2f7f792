// Facts the checks share, derived from the case file.
import type { CasePackage, DocumentItem, Officer, Party } from '../casefile/schema';
import { resolveCitation, violationDate, type ResolvedCitation } from './law';
import type { RuleSet } from './rule-data';
import type { CheckInput, FindingRef } from './types';

/** The decision date checked: the proposed decision date, else today. */
export function decisionDate(input: CheckInput): { date: string; assumed: boolean; label: string } {
  const p = input.pkg.case.procedure.proposedDecisionOn;
  return p ? { date: p, assumed: false, label: `拟决定日 ${p}` } : { date: input.today, assumed: true, label: `今日 ${input.today}（尚未拟定决定日期）` };
}

export function caseParties(pkg: CasePackage): Party[] {
  return pkg.case.partyIds.map((id) => pkg.parties.find((p) => p.id === id)).filter((p): p is Party => !!p);
}

export function officerMap(pkg: CasePackage): Map<string, Officer> {
  return new Map(pkg.officers.map((o) => [o.id, o]));
}

/** Documents whose kind contains one of the aliases. */
export function docsOfKind(pkg: CasePackage, aliases: readonly string[]): DocumentItem[] {
  return pkg.documents.filter((d) => aliases.some((a) => d.kind.includes(a)));
}

/** A required document's aliases as the rule data names them (e.g. 'notice' → 行政处罚告知书…), else `fallback`. */
export function requiredAliases(rules: RuleSet, id: string, fallback: readonly string[]): readonly string[] {
  return rules.documents.required.find((d) => d.id === id)?.aliases ?? fallback;
}

/** The file's 送达回证 (the rule data's notice_service) dated on or after `from`, earliest first. */
export function receiptsFrom(pkg: CasePackage, rules: RuleSet, from: string): DocumentItem[] {
  return docsOfKind(pkg, requiredAliases(rules, 'notice_service', ['送达回证', '送达凭证', '送达确认']))
    .filter((d) => d.date >= from)
    .sort((a, b) => (a.date < b.date ? -1 : 1));
}

export function resolvedBasis(input: CheckInput): ResolvedCitation[] {
  const on = violationDate(input.pkg);
  return input.pkg.case.proposedDecision.legalBasis.map((c) => resolveCitation(input.rules, c, on));
}

export function resolvedViolated(input: CheckInput): ResolvedCitation[] {
  const on = violationDate(input.pkg);
  return input.pkg.case.proposedDecision.violatedProvisions.map((c) => resolveCitation(input.rules, c, on));
}

export function fines(pkg: CasePackage): { amountFen: number; description: string }[] {
  return pkg.case.proposedDecision.penalties.filter((p) => p.type === 'fine' && typeof p.amountFen === 'number').map((p) => ({ amountFen: p.amountFen!, description: p.description }));
}

/** Fines proposed without an amount: they cannot be checked against a range or a threshold, and must not count as "no fine". */
export function finesWithoutAmount(pkg: CasePackage): { index: number; description: string }[] {
  return pkg.case.proposedDecision.penalties.flatMap((p, index) => (p.type === 'fine' && p.amountFen === undefined ? [{ index, description: p.description }] : []));
}

export interface HearingDate {
  date: string;
  ref: FindingRef;
  /** Taken from a document because the procedure field is empty: said in the finding. */
  fromDocument?: string;
}

/**
 * When the hearing was requested and held: the procedure fields; else the file's 听证申请书 and
 * 听证笔录 — a request in the file is a request, whether or not its date was also typed in.
 */
export function hearingDates(pkg: CasePackage, rules: RuleSet): { requested?: HearingDate; held?: HearingDate } {
  const pr = pkg.case.procedure;
  const fromDoc = (ids: readonly string[]): HearingDate | undefined => {
    const d = docsOfKind(pkg, ids)
      // A withdrawal is no request, and a notice of the right to request (…告知书) is none either.
      .filter((x) => !/撤回|放弃|告知/.test(x.kind + x.title))
      .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
    return d ? { date: d.date, ref: { kind: 'document', id: d.id, label: d.title }, fromDocument: d.title } : undefined;
  };
  const requested = pr.hearingRequestedOn ? { date: pr.hearingRequestedOn, ref: { kind: 'field' as const, id: 'case.procedure.hearingRequestedOn' } } : fromDoc(requiredAliases(rules, 'hearing_request', ['听证申请', '要求听证']));
  const held = pr.hearingHeldOn ? { date: pr.hearingHeldOn, ref: { kind: 'field' as const, id: 'case.procedure.hearingHeldOn' } } : fromDoc(requiredAliases(rules, 'hearing_record', ['听证笔录']));
  return { ...(requested ? { requested } : {}), ...(held ? { held } : {}) };
}

export { PENALTY_LABEL, PARTY_KIND_LABEL } from '../casefile/labels';
