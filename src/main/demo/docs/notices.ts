// Documents served on the party: 行政处罚告知书, 听证通知书, 责令改正通知书.
import type { CaseCtx } from '../model';
import type { Block, DocModel } from '../pdf/model';
import { you } from '../scenarios/common';
import { clock, cnDate, citeAll } from '../text';
import { caseName, evidenceSentence, officerNames, type PlannedEvidence } from './common';

/** Penalties as the notice lists them. */
export function penaltyList(ctx: CaseCtx): string[] {
  return ctx.penalties.map((p) => p.description);
}

function addressee(ctx: CaseCtx): string {
  const p = ctx.party;
  return p.tradeName ? `${p.tradeName}（经营者：${p.person.name}）：` : `${p.display}：`;
}

function official(ctx: CaseCtx, title: string, docNo: string, date: string, body: Block[]): DocModel {
  return {
    title,
    style: 'official',
    date,
    author: ctx.info.agency.name,
    subject: caseName(ctx),
    blocks: [
      { t: 'center', text: ctx.info.agency.name, size: 22 },
      { t: 'title', text: title },
      { t: 'center', text: docNo },
      { t: 'space', h: 8 },
      { t: 'para', indent: false, text: addressee(ctx) },
      ...body,
      { t: 'space', h: 20 },
      { t: 'closing', lines: [ctx.info.agency.name, cnDate(date)], seal: { ring: ctx.info.seal } },
    ],
  };
}

function contact(ctx: CaseCtx): Block[] {
  return [
    { t: 'para', text: `联系人：${officerNames(ctx.officers.slice(0, 2))}    联系电话：${ctx.info.phone}` },
    { t: 'para', text: `联系地址：${ctx.info.address}` },
  ];
}

export function penaltyNotice(ctx: CaseCtx, evidence: readonly PlannedEvidence[]): DocModel {
  const y = you(ctx.party);
  const rights =
    ctx.hearing === 'none'
      ? `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，${y}有权进行陈述和申辩。${y}如需陈述、申辩，应当在收到本告知书之日起五个工作日内向本局提出，逾期未提出的，视为放弃此权利。`
      : `根据《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条的规定，${y}有权进行陈述和申辩，并有权要求举行听证。${y}如需陈述、申辩或者要求听证，应当在收到本告知书之日起五个工作日内向本局提出，逾期未提出的，视为放弃上述权利。`;
  const body: Block[] = [
    { t: 'para', text: `本局于${cnDate(ctx.dates.filed)}对${y}涉嫌${ctx.scenario.cause}一案立案调查。经查明：${ctx.details.facts}` },
    { t: 'para', text: evidenceSentence(evidence) },
    { t: 'para', text: `${y}的上述行为违反了${citeAll(ctx.violated)}的规定，构成${ctx.scenario.cause}的违法行为。` },
    { t: 'para', text: `${ctx.fine.factors.join('；')}。依据${citeAll(ctx.basis)}的规定，本局拟对${y}作出如下行政处罚：` },
    ...penaltyList(ctx).map((p, i, all): Block => ({ t: 'para', text: `${i + 1}. ${p}${i === all.length - 1 ? '。' : '；'}` })),
    { t: 'para', text: rights },
    ...contact(ctx),
  ];
  return official(ctx, '行政处罚告知书', ctx.docNo.notice, ctx.dates.notice, body);
}

export function hearingNotice(ctx: CaseCtx): DocModel {
  const d = ctx.dates;
  const y = you(ctx.party);
  const a = ctx.approvers;
  const body: Block[] = [
    {
      t: 'para',
      text: `根据${y}于${cnDate(d.hearingRequested!)}提出的听证申请，本局定于${cnDate(d.hearingHeld!)}${clock(9 * 60 + 30)}在本局听证室（${ctx.info.address}）就${caseName(ctx)}公开举行听证会。`,
    },
    { t: 'para', text: `听证主持人：${a.legalHead}；听证员：${a.hearingMember}；记录员：${a.clerk}。` },
    {
      t: 'para',
      text: `根据《中华人民共和国行政处罚法》第六十四条的规定，${y}可以亲自参加听证，也可以委托一至二人代理。委托他人代理的，应当于听证会举行前向本局提交载明委托事项及权限的授权委托书。${y}认为主持人、听证员、记录员与本案有直接利害关系的，有权申请回避。`,
    },
    { t: 'para', text: `请${y}携带身份证明及有关证据材料按时参加听证。无正当理由不出席听证的，视为放弃听证权利。` },
    ...contact(ctx),
  ];
  return official(ctx, '听证通知书', ctx.docNo.hearingNotice ?? '', d.hearingNotice!, body);
}

export function correctionOrder(ctx: CaseCtx): DocModel {
  const c = ctx.details.correction;
  if (!c || !ctx.dates.correctionDeadline) throw new Error('本案无责令改正');
  const y = you(ctx.party);
  const gov = ctx.info.agency.name.replace('市场监督管理局', '人民政府');
  const body: Block[] = [
    { t: 'para', text: `经查，${c.conduct}。` },
    { t: 'para', text: `${y}的上述行为违反了${citeAll(ctx.violated)}的规定。依据${citeAll(ctx.basis)}的规定，本局责令${y}于${cnDate(ctx.dates.correctionDeadline)}前改正上述违法行为：${c.demand}。` },
    { t: 'para', text: '逾期不改正的，本局将依法予以处理。' },
    { t: 'para', text: `${y}如不服本责令改正决定，可以在收到本通知书之日起六十日内向${gov}申请行政复议，也可以在六个月内依法向人民法院提起行政诉讼。` },
  ];
  return official(ctx, '责令改正通知书', ctx.docNo.correction ?? '', ctx.dates.inspect, body);
}
