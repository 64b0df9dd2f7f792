// Which documents (文书) a case file holds, in procedure order.
import type { CaseCtx } from '../model';
import type { DocModel } from '../pdf/model';
import { act, officerNames, type PlannedEvidence } from './common';
import { filingApproval, leadRegister, reviewSubmission, serviceReceipt } from './forms';
import { correctionOrder, hearingNotice, penaltyNotice } from './notices';
import { closingReport } from './report';
import { hearingRecord, inquiryRecord, siteRecord, statementRecord } from './records';
import { hearingReport, hearingRequest } from './hearing';

export interface PlannedDoc {
  /** Pool key for bench mode (same kind of document → same shared file). */
  key: string;
  kind: string;
  title: string;
  docNumber?: string;
  date: string;
  build: () => DocModel;
}

/** A supplementary interview (补充询问) when the scenario has no specific questions for it. */
const FOLLOW_UP: [string, string][] = [
  ['对上次询问时所作的陈述，你是否有补充或者更正？', '没有更正，上次说的都是事实。'],
  ['执法人员调取的书证、电子数据你是否都已核对？有无异议？', '都核对过了，没有异议。'],
  ['违法行为目前是否已经停止？采取了哪些整改措施？', '已经停止了，正在按要求整改。'],
];

export function planDocuments(ctx: CaseCtx, evidence: readonly PlannedEvidence[]): PlannedDoc[] {
  const d = ctx.dates;
  const docs: PlannedDoc[] = [];
  const add = (p: PlannedDoc): void => {
    docs.push(p);
  };
  add({ key: 'lead', kind: '案件来源登记表', title: '案件来源登记表', date: d.lead, build: () => leadRegister(ctx) });
  add({ key: 'site', kind: '现场笔录', title: '现场笔录', date: d.inspect, build: () => siteRecord(ctx, act(ctx, 'inspect'), ctx.details.findings, false) });
  if (ctx.details.correction && ctx.docNo.correction) {
    const no = ctx.docNo.correction;
    add({ key: 'correction', kind: '责令改正通知书', title: '责令改正通知书', docNumber: no, date: d.inspect, build: () => correctionOrder(ctx) });
    add({
      key: 'service-correction',
      kind: '送达回证',
      title: '送达回证（责令改正通知书）',
      date: d.inspect,
      build: () => serviceReceipt(ctx, '责令改正通知书', no, d.inspect, officerNames(act(ctx, 'inspect').officers)),
    });
  }
  add({ key: 'filing', kind: '立案审批表', title: '立案审批表', date: d.filed, build: () => filingApproval(ctx) });
  add({ key: 'inquiry', kind: '询问笔录', title: '询问笔录', date: d.inquiry1, build: () => inquiryRecord(ctx, act(ctx, 'inquiry1'), ctx.details.inquiry, 1) });
  if (d.inquiry2) add({ key: 'inquiry2', kind: '询问笔录', title: '询问笔录（第二次）', date: d.inquiry2, build: () => inquiryRecord(ctx, act(ctx, 'inquiry2'), ctx.details.inquiry2 ?? FOLLOW_UP, 2) });
  add({ key: 'report', kind: '案件调查终结报告', title: '案件调查终结报告', date: d.concluded, build: () => closingReport(ctx, evidence) });
  if (!ctx.defects.includes('missing_notice'))
    add({ key: 'notice', kind: '行政处罚告知书', title: '行政处罚告知书', docNumber: ctx.docNo.notice, date: d.notice, build: () => penaltyNotice(ctx, evidence) });
  add({
    key: 'service-notice',
    kind: '送达回证',
    title: '送达回证（行政处罚告知书）',
    date: d.notice,
    build: () => serviceReceipt(ctx, '行政处罚告知书', ctx.docNo.notice, d.notice, officerNames(act(ctx, 'notice').officers)),
  });
  if (ctx.hearing === 'held' && d.hearingRequested && d.hearingNotice && d.hearingHeld) {
    add({ key: 'hearing-request', kind: '听证申请书', title: '听证申请书', date: d.hearingRequested, build: () => hearingRequest(ctx) });
    add({ key: 'hearing-notice', kind: '听证通知书', title: '听证通知书', docNumber: ctx.docNo.hearingNotice ?? '', date: d.hearingNotice, build: () => hearingNotice(ctx) });
    add({ key: 'hearing', kind: '听证笔录', title: '听证笔录', date: d.hearingHeld, build: () => hearingRecord(ctx, act(ctx, 'hearing'), evidence) });
    add({ key: 'hearing-report', kind: '听证报告', title: '听证报告', date: d.hearingHeld, build: () => hearingReport(ctx) });
  } else if (ctx.statementMade && d.statement) {
    add({ key: 'statement', kind: '陈述申辩笔录', title: '陈述申辩笔录', date: d.statement, build: () => statementRecord(ctx, act(ctx, 'statement')) });
  }
  add({ key: 'review', kind: '法制审核送审表', title: '法制审核送审表', date: d.submitted, build: () => reviewSubmission(ctx, docs.length, evidence) });
  // (docs.length is read when the form is built, i.e. with every document — itself included — planned.)
  // Stable sort by date keeps procedure order for same-day documents.
  return docs.map((p, i) => ({ p, i })).sort((a, b) => (a.p.date < b.p.date ? -1 : a.p.date > b.p.date ? 1 : a.i - b.i)).map((x) => x.p);
}
