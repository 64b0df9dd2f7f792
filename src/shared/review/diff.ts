// What changed between two revisions of a case file (shown when a resubmitted case opens a new round).
import type { CasePackage } from '../casefile/schema';
import type { RevisionDiff } from '../api/review';
import { formatYuanText } from '../format/money';
import { PENALTY_LABEL } from '../casefile/labels';

/** The fields a reviewer cares about, each rendered as comparable text. */
function fieldsOf(pkg: CasePackage): [path: string, label: string, value: string][] {
  const c = pkg.case;
  const p = c.procedure;
  const d = c.proposedDecision;
  const cite = (xs: { law: string; article: string; clause?: string | undefined }[]) => xs.map((x) => `${x.law}${x.article}${x.clause ?? ''}`).join('；');
  return [
    ['case.cause', '案由', c.cause],
    ['case.facts', '案件事实', c.facts],
    ['case.violationPeriod', '违法行为期间', `${c.violationPeriod.start} 至 ${c.violationPeriod.end}${c.violationPeriod.continuing ? '（持续）' : ''}`],
    ['case.procedure.filedOn', '立案日期', p.filedOn],
    ['case.procedure.investigationConcludedOn', '调查终结日期', p.investigationConcludedOn ?? '—'],
    ['case.procedure.noticeServedOn', '告知日期', p.noticeServedOn ?? '—'],
    ['case.procedure.statementHeardOn', '陈述申辩日期', p.statementHeardOn ?? '—'],
    ['case.procedure.hearingHeldOn', '听证日期', p.hearingHeldOn ?? '—'],
    ['case.procedure.submittedForReviewOn', '送审日期', p.submittedForReviewOn],
    ['case.procedure.proposedDecisionOn', '拟决定日期', p.proposedDecisionOn ?? '—'],
    ['case.proposedDecision.penalties', '拟处罚', d.penalties.map((x) => `${PENALTY_LABEL[x.type]}${x.amountFen !== undefined ? ` ${formatYuanText(x.amountFen)}` : ''}`).join('；')],
    ['case.proposedDecision.violatedProvisions', '违反条款', cite(d.violatedProvisions)],
    ['case.proposedDecision.legalBasis', '处罚依据', cite(d.legalBasis)],
    ['case.proposedDecision.discretion', '裁量', `${d.discretion.level}${d.discretion.reason ? `：${d.discretion.reason}` : ''}${d.discretion.factors.length ? `（${d.discretion.factors.join('、')}）` : ''}`],
    ['case.proposedDecision.amounts', '违法所得/货值/销售额', [d.illegalGainsFen, d.goodsValueFen, d.salesFen].map((v) => (v === undefined ? '—' : formatYuanText(v))).join(' / ')],
    ['parties', '当事人', pkg.parties.map((x) => `${x.name}（${x.idNumber}）${x.address}`).join('；')],
    ['officers', '执法人员', pkg.officers.map((o) => `${o.name} ${o.credentialNo} ${o.credentialValidFrom}至${o.credentialValidTo}`).join('；')],
  ];
}

export function diffRevisions(before: CasePackage, after: CasePackage): RevisionDiff {
  const a = new Map(fieldsOf(before).map(([p, l, v]) => [p, { l, v }]));
  const fields = fieldsOf(after)
    .filter(([p, , v]) => a.get(p)?.v !== v)
    .map(([path, label, v]) => ({ path, label, before: a.get(path)?.v ?? '—', after: v }));
  type Item = { itemKind: 'document' | 'evidence'; title: string; sha: string };
  const itemsOf = (pkg: CasePackage) =>
    new Map<string, Item>([
      ...pkg.documents.map((d): [string, Item] => [d.id, { itemKind: 'document', title: d.title, sha: d.file.sha256 }]),
      ...pkg.evidence.map((e): [string, Item] => [e.id, { itemKind: 'evidence', title: e.title, sha: e.file.sha256 }]),
    ]);
  const x = itemsOf(before);
  const y = itemsOf(after);
  const items: RevisionDiff['items'] = [];
  for (const [id, it] of y) {
    const old = x.get(id);
    if (!old) items.push({ itemKind: it.itemKind, id, title: it.title, change: 'added', beforeSha: null, afterSha: it.sha });
    else if (old.sha !== it.sha || old.title !== it.title) items.push({ itemKind: it.itemKind, id, title: it.title, change: 'changed', beforeSha: old.sha, afterSha: it.sha });
  }
  for (const [id, it] of x) if (!y.has(id)) items.push({ itemKind: it.itemKind, id, title: it.title, change: 'removed', beforeSha: it.sha, afterSha: null });
  return { fields, items };
}
