// P8 执法文书是否规范、齐备: required documents for the procedure, dated in a consistent order,
// numbered, consistent with the procedure dates.
import type { DocumentItem } from '../../casefile/schema';
import { docsOfKind, hearingDates } from '../context';
import type { RuleSet } from '../rule-data';
import type { Check, CheckInput, FindingDraft } from '../types';
import { basisOf, finding } from '../util';

type Req = RuleSet['documents']['required'][number];

/** `hearing`: the hearing's dates (hearingDates), a hearing in the file's documents counting as one recorded in the procedure (shared with P3). */
function applies(req: Req, input: CheckInput, docs: DocumentItem[], hearing: ReturnType<typeof hearingDates>): boolean {
  const pr = input.pkg.case.procedure;
  switch (req.when) {
    case 'always':
      return true;
    case 'hearing_held':
      return !!hearing.held;
    case 'hearing_requested':
      return !!hearing.requested;
    case 'statement_heard':
      return !!pr.statementHeardOn;
    case 'extension':
      return pr.extensions.length > 0;
    case 'decision_made':
      return docs.length > 0;
  }
}

export const checkRequiredDocuments: Check = (input) => {
  const { pkg, rules } = input;
  const out: FindingDraft[] = [];
  const present: string[] = [];
  const hearing = hearingDates(pkg, rules);
  for (const req of rules.documents.required) {
    const docs = docsOfKind(pkg, req.aliases);
    if (!applies(req, input, docs, hearing)) continue;
    const basis = [basisOf(req.source, req.status)];
    if (docs.length === 0) {
      out.push(finding('P8', 'P8.required-documents', req.severity, `案卷缺少${req.label}`, { computation: `按文书种类匹配：${req.aliases.join('、')}`, basis }));
      continue;
    }
    present.push(req.label);
    if (req.numbered)
      for (const d of docs)
        if (!d.docNumber?.trim())
          out.push(finding('P8', 'P8.document-number', 'warn', `${d.kind}“${d.title}”未载明文号`, { basis, refs: [{ kind: 'document', id: d.id, label: d.title }] }));
  }
  if (!out.some((f) => f.check === 'P8.required-documents'))
    out.unshift(finding('P8', 'P8.required-documents', 'ok', `本案程序所需文书齐备：${present.join('、')}`, { basis: [basisOf(rules.documents.source, rules.documents.status)] }));
  return out;
};

export const checkDocumentOrder: Check = (input) => {
  const { pkg, rules, today } = input;
  const out: FindingDraft[] = [];
  const byId = new Map(rules.documents.required.map((r) => [r.id, docsOfKind(pkg, r.aliases)]));
  const label = new Map(rules.documents.required.map((r) => [r.id, r.label]));
  const basis = [basisOf(rules.documents.source, rules.documents.status)];
  for (const o of rules.documents.order) {
    const before = byId.get(o.before) ?? [];
    const after = byId.get(o.after) ?? [];
    if (!before.length || !after.length) continue;
    const latest = before.reduce((a, b) => (b.date > a.date ? b : a));
    const earliestBefore = before.reduce((a, b) => (b.date < a.date ? b : a));
    const bad =
      o.mode === 'all'
        ? after.filter((d) => d.date < latest.date)
        : after.some((d) => d.date >= earliestBefore.date)
          ? []
          : after;
    if (!bad.length) continue;
    const ref = o.mode === 'all' ? latest : earliestBefore;
    out.push(
      finding('P8', 'P8.document-order', o.severity, `${label.get(o.after)}（${bad.map((d) => d.date).join('、')}）早于${label.get(o.before)}（${ref.date}）${o.note ? `：${o.note}` : ''}`, {
        basis,
        refs: [{ kind: 'document', id: ref.id, label: ref.title }, ...bad.map((d) => ({ kind: 'document' as const, id: d.id, label: d.title }))],
      }),
    );
  }
  for (const d of pkg.documents)
    if (d.date > today) out.push(finding('P8', 'P8.document-order', 'fail', `${d.kind}“${d.title}”的日期 ${d.date} 晚于今日`, { basis, refs: [{ kind: 'document', id: d.id, label: d.title }] }));

  // Documents against the procedure dates.
  const pr = pkg.case.procedure;
  const filing = byId.get('filing') ?? [];
  if (filing.length && !filing.some((d) => d.date === pr.filedOn))
    out.push(finding('P8', 'P8.document-dates', 'warn', `立案审批表日期（${filing.map((d) => d.date).join('、')}）与立案日期 ${pr.filedOn} 不一致`, { basis, refs: filing.map((d) => ({ kind: 'document' as const, id: d.id, label: d.title })) }));
  const notice = byId.get('notice') ?? [];
  if (notice.length && pr.noticeServedOn && notice.every((d) => d.date > pr.noticeServedOn!))
    out.push(finding('P8', 'P8.document-dates', 'fail', `行政处罚告知书日期（${notice.map((d) => d.date).join('、')}）晚于告知送达日期 ${pr.noticeServedOn}`, { basis, refs: notice.map((d) => ({ kind: 'document' as const, id: d.id, label: d.title })) }));
  const report = byId.get('investigation_report') ?? [];
  if (report.length && pr.investigationConcludedOn && !report.some((d) => d.date === pr.investigationConcludedOn))
    out.push(finding('P8', 'P8.document-dates', 'warn', `调查终结报告日期（${report.map((d) => d.date).join('、')}）与调查终结日期 ${pr.investigationConcludedOn} 不一致`, { basis, refs: report.map((d) => ({ kind: 'document' as const, id: d.id, label: d.title })) }));
  if (!out.some((f) => f.severity === 'fail' || f.severity === 'warn')) out.push(finding('P8', 'P8.document-order', 'ok', '文书日期顺序一致，并与程序日期相符', { basis }));
  return out;
};
