// Builds the opinion content model from a concluded review and its case file.
import type { CaseFileView } from '../api/cases';
import { ApiFailure } from '../api/result';
import type { ReviewView } from '../api/review';
import { OPINION_SCHEMA, type OpinionContent } from './content';
import { penaltyText } from '../casefile/penalty-text';
import { discretionText } from '../casefile/discretion-text';
import { DECISION_LABEL } from './point-wording';

export interface OpinionMeta {
  opinionId: string;
  version: number;
  documentNumber: string;
  date: string;
  signedAt: string;
  reviewer: { name: string; keyId: string; certificateFingerprint: string };
}

const cite = (c: { law: string; article: string; clause?: string | undefined }) => `《${c.law.replace(/^中华人民共和国/, '')}》${c.article}${c.clause ?? ''}`;

export function buildOpinionContent(review: ReviewView, cf: CaseFileView, meta: OpinionMeta): OpinionContent {
  if (!review.conclusion) throw new ApiFailure({ code: 'conflict', message: '审核尚未作出结论，不能生成审核意见书' });
  // A signed opinion never prints an undecided point as 不适用, nor 同意 over a point found wanting.
  const open = review.points.filter((p) => p.decision === null).map((p) => p.id);
  if (open.length) throw new ApiFailure({ code: 'conflict', message: `审核要点尚未全部作出结论（${open.join('、')}），不能生成审核意见书` });
  const problems = review.points.filter((p) => p.decision === 'problem').map((p) => p.id);
  if (review.conclusion.type === '同意' && problems.length) throw new ApiFailure({ code: 'conflict', message: `${problems.join('、')} 认定“存在问题”，与“同意”结论矛盾，不能生成审核意见书` });
  const d = cf.proposedDecision;
  const first = cf.parties[0];
  const citedItems = new Set<string>();
  const points = review.points.map((p) => {
    for (const c of p.citations) if (c.valid) citedItems.add(c.label.replace(/ 第\d+页$/, ''));
    return {
      id: p.id,
      title: p.title,
      decision: p.decision!,
      decisionText: DECISION_LABEL[p.decision!],
      note: p.note,
      findings: p.automatic
        .filter((f) => f.severity === 'fail' || f.severity === 'warn')
        .map((f) => ({ check: f.check, severity: f.severity, message: f.message, overruled: p.overrides.find((o) => o.check === f.id)?.reason ?? null })),
      citations: p.citations.filter((c) => c.valid).map((c) => ({ label: c.label, page: c.page ?? null, quote: c.quote })),
    };
  });
  return {
    schema: OPINION_SCHEMA,
    opinionId: meta.opinionId,
    version: meta.version,
    agency: { code: cf.agency.code, name: cf.agency.name },
    documentNumber: meta.documentNumber,
    date: meta.date,
    case: {
      id: cf.id,
      caseNumber: cf.caseNumber,
      revision: cf.revision,
      revisionHash: cf.revisionHash,
      name: `${first?.name ?? ''}${cf.cause}案`,
      cause: cf.cause,
      handlingUnit: cf.handlingUnit,
      submittedOn: cf.procedure.submittedForReviewOn,
    },
    round: review.round,
    parties: cf.parties.map((p) => ({ kind: p.kind, name: p.name, idNumber: p.idNumber, address: p.address, legalRepresentative: p.legalRepresentative ?? null })),
    proposedDecision: {
      penalties: d.penalties.map((p) => penaltyText(p, { uppercase: true })),
      violated: d.violatedProvisions.map(cite),
      legalBasis: d.legalBasis.map(cite),
      discretion: discretionText(d.discretion),
    },
    facts: cf.facts,
    points,
    conclusion: { type: review.conclusion.type, text: review.conclusion.opinionText },
    reviewer: meta.reviewer,
    signedAt: meta.signedAt,
    attachments: [...citedItems],
  };
}
