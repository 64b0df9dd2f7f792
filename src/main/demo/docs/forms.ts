// Approval forms (表): 案件来源登记表, 立案审批表, 送达回证, 法制审核送审表.
import type { CaseCtx } from '../model';
import type { DocModel, GridCell } from '../pdf/model';
import { cnDate, citeAll } from '../text';
import { act, caseName, header, label, officerLine, officerNames, opinion, partyGrid, value, type PlannedEvidence } from './common';
import { penaltyList } from './notices';

const SOURCES = ['监督检查', '投诉举报', '抽样检验', '网络监测', '上级交办', '其他部门移送'] as const;

function sourceBoxes(ctx: CaseCtx): string {
  return SOURCES.map((s) => `${s === ctx.scenario.leadKind ? '■' : '□'}${s}`).join('  ');
}

function form(ctx: CaseCtx, title: string, date: string, rows: GridCell[][], number?: string): DocModel {
  return {
    title,
    style: 'form',
    date,
    author: ctx.info.agency.name,
    subject: caseName(ctx),
    blocks: [...header(ctx, title), ...(number ? [{ t: 'right' as const, text: number }] : []), { t: 'grid', rows }],
  };
}

export function leadRegister(ctx: CaseCtx): DocModel {
  const d = ctx.details;
  const o = act(ctx, 'inspect').officers;
  const rows: GridCell[][] = [
    [label('案件来源'), value(sourceBoxes(ctx))],
    [label('登记时间'), value(cnDate(ctx.dates.lead), 0.3), label('登记人', 0.2), value(o[0]!.name, 0.3)],
    ...partyGrid(ctx),
  ];
  if (d.reporter) rows.push([label('投诉举报人'), value(`${d.reporter}（联系方式已登记，依法予以保密）`)]);
  rows.push(
    [label('案源基本情况'), value(d.leadText, 0.8, 4)],
    [label('登记人意见'), opinion(`当事人涉嫌${ctx.scenario.cause}，建议指派执法人员进行核查。`, o[0]!.name, ctx.dates.lead)],
    [label('承办机构负责人意见'), opinion(`同意。请${officerNames(o)}于十五个工作日内核查，提出是否立案的意见。`, ctx.approvers.unitHead, ctx.dates.lead)],
    [label('备注'), value('', 0.8, 1)],
  );
  return form(ctx, '案件来源登记表', ctx.dates.lead, rows, `编号：${ctx.info.agency.shortName}案源〔${ctx.dates.lead.slice(0, 4)}〕${ctx.seq + 37}号`);
}

export function filingApproval(ctx: CaseCtx): DocModel {
  const s = ctx.scenario;
  const names = officerNames(ctx.officers);
  const summary = `${cnDate(ctx.dates.inspect)}，执法人员对当事人经营场所进行检查，${ctx.details.findings[1] ?? ctx.details.findings[0] ?? ''}`;
  const rows: GridCell[][] = [
    [label('案件来源'), value(`${s.leadKind}（${cnDate(ctx.dates.lead)}登记）`)],
    ...partyGrid(ctx),
    [label('案由'), value(`涉嫌${s.cause}`)],
    [
      label('简要案情及立案依据'),
      value(
        `${summary}\n当事人的上述行为涉嫌违反了${citeAll(ctx.violated)}的规定。经核查，有证据初步证明当事人存在违法行为，依法应当给予行政处罚，属于本局管辖，且在给予行政处罚的法定期限内，符合《市场监督管理行政处罚程序规定》规定的立案条件，建议立案调查。`,
        0.8,
        6,
      ),
    ],
    [label('承办人'), value(officerLine(ctx.officers))],
    [label('承办人意见'), opinion('建议立案调查。', ctx.officers[0]!.name, ctx.dates.filed)],
    [label('承办机构负责人意见'), opinion(`同意立案，由${names}负责调查处理。`, ctx.approvers.unitHead, ctx.dates.filed)],
    [label('部门负责人意见'), opinion('同意。', ctx.approvers.leader, ctx.dates.filed)],
    [label('备注'), value('', 0.8, 1)],
  ];
  return form(ctx, '立案审批表', ctx.dates.filed, rows, `案件编号：${ctx.caseNumber}`);
}

export function serviceReceipt(ctx: CaseCtx, docTitle: string, docNo: string, date: string, servers: string): DocModel {
  const p = ctx.party;
  const signer = p.party.kind === 'legal' ? (p.agent?.name ?? p.person.name) : p.person.name;
  const rows: GridCell[][] = [
    [label('送达文书名称及文号', 0.28), value(`${docTitle}（${docNo}）`, 0.72)],
    [label('受送达人', 0.28), value(p.display, 0.72)],
    [label('送达地点', 0.28), value(p.premises, 0.72)],
    [label('送达方式', 0.28), value('直接送达', 0.72)],
    [label('送达人', 0.28), { text: '', w: 0.72, sign: { name: servers, date: cnDate(date) }, minLines: 1 }],
    [label('受送达人签名或者盖章', 0.28), { text: '本人已收到上述文书。', w: 0.72, sign: { name: signer, date: cnDate(date) }, minLines: 1 }],
    [label('代收人及代收理由', 0.28), value('', 0.72, 1)],
    [label('备注', 0.28), value(p.party.kind === 'legal' && p.agent ? `由当事人委托代理人${p.agent.name}签收。` : '', 0.72, 1)],
  ];
  return form(ctx, '送达回证', date, rows);
}

export function reviewSubmission(ctx: CaseCtx, docCount: number, evidence: readonly PlannedEvidence[]): DocModel {
  const d = ctx.dates;
  const hearingText =
    ctx.hearing === 'held'
      ? `当事人于${cnDate(d.hearingRequested!)}申请听证，本局于${cnDate(d.hearingHeld!)}举行听证会。当事人在听证中提出的意见：${ctx.details.hearingArgs}`
      : ctx.statementMade
        ? `当事人于${cnDate(d.statement!)}提出陈述、申辩意见：${ctx.details.statement}经复核，当事人提出的事实、理由不足以改变拟处罚意见${ctx.fine.level === '从轻' ? '，已在裁量时予以考虑' : ''}。`
        : `当事人在法定期限内未提出陈述、申辩${ctx.hearing === 'waived' ? '，亦未要求听证' : ''}。`;
  const penalties = penaltyList(ctx)
    .map((p, i) => `${i + 1}. ${p}`)
    .join('；');
  const rows: GridCell[][] = [
    [label('案件名称'), value(caseName(ctx))],
    [label('案件编号'), value(ctx.caseNumber, 0.35), label('承办机构', 0.15), value(ctx.unit, 0.3)],
    ...partyGrid(ctx),
    [label('承办人'), value(officerLine(ctx.officers))],
    [label('立案日期'), value(cnDate(d.filed), 0.3), label('调查终结日期', 0.2), value(cnDate(d.concluded), 0.3)],
    [label('告知日期'), value(cnDate(d.notice), 0.3), label('拟作出决定日期', 0.2), value(cnDate(d.proposed), 0.3)],
    [label('陈述申辩或听证情况'), value(hearingText)],
    [label('案件事实'), value(ctx.details.facts, 0.8, 4)],
    [label('违反的法律规定'), value(citeAll(ctx.violated))],
    [label('处罚依据'), value(citeAll(ctx.basis))],
    [label('拟处罚意见'), value(`${penalties}。`)],
    [label('裁量情况'), value(`${ctx.fine.level}处罚。${ctx.fine.reason}`)],
    [label('送审材料'), value(`案卷材料共${docCount + evidence.length}份，其中执法文书${docCount}份、证据材料${evidence.length}份（详见卷内目录）。`)],
    [label('承办机构意见'), opinion('本案事实清楚，证据确凿，程序合法，适用依据正确，拟作出上述行政处罚，请予法制审核。', ctx.approvers.unitHead, d.submitted)],
    [label('送审日期'), value(cnDate(d.submitted), 0.3), label('送审人', 0.2), value(ctx.officers[0]!.name, 0.3)],
  ];
  return form(ctx, '法制审核送审表', d.submitted, rows);
}
