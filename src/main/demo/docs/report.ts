// 案件调查终结报告 — the investigators' closing report (副卷).
import type { CaseCtx } from '../model';
import type { Block, DocModel } from '../pdf/model';
import { cnDate, citeAll } from '../text';
import { caseName, officerNames, partyLines, type PlannedEvidence } from './common';
import { penaltyList } from './notices';

function course(ctx: CaseCtx, evidence: readonly PlannedEvidence[]): string {
  const d = ctx.dates;
  const s = ctx.scenario;
  const parts: string[] = [];
  parts.push(`${cnDate(d.lead)}，本局${s.leadKind === '投诉举报' ? '接到投诉举报' : s.leadKind === '监督检查' ? '在日常监督检查中发现案件线索' : `通过${s.leadKind}发现案件线索`}：${ctx.details.leadText}`);
  parts.push(`${cnDate(d.inspect)}，执法人员${officerNames(ctx.acts.inspect?.officers ?? ctx.officers)}对当事人经营场所进行现场检查，制作了现场笔录，并拍照取证。`);
  if (d.correctionDeadline && ctx.docNo.correction) parts.push(`同日，本局向当事人送达《责令改正通知书》（${ctx.docNo.correction}），责令其于${cnDate(d.correctionDeadline)}前改正。`);
  parts.push(`${cnDate(d.filed)}，经本局负责人批准立案调查。`);
  if (d.recheck) parts.push(`${cnDate(d.recheck)}，执法人员对当事人进行复查，发现当事人逾期未改正。`);
  parts.push(`${cnDate(d.inquiry1)}，执法人员对${ctx.party.agent ? '当事人委托代理人' : ctx.party.party.kind === 'legal' ? '当事人法定代表人' : '当事人'}进行了询问，调取了相关书证。`);
  if (d.sampling && d.testReport && ctx.details.testing)
    parts.push(`${cnDate(d.sampling)}，执法人员依法抽取${ctx.details.testing.sample}送${ctx.details.testing.institute}检验，该机构于${cnDate(d.testReport)}出具检验报告，检验期间不计入办案期限。`);
  if (d.inquiry2) parts.push(`${cnDate(d.inquiry2)}，执法人员对当事人进行了第二次询问，核实了有关情况。`);
  parts.push(`本案共收集证据${evidence.length + 2}份（含现场笔录、询问笔录），${cnDate(d.concluded)}调查终结。`);
  return parts.join('');
}

export function closingReport(ctx: CaseCtx, evidence: readonly PlannedEvidence[]): DocModel {
  const h = (text: string): Block => ({ t: 'para', indent: true, text });
  const blocks: Block[] = [
    { t: 'center', text: ctx.info.agency.name, size: 22 },
    { t: 'title', text: '案件调查终结报告' },
    { t: 'para', indent: false, text: `案件名称：${caseName(ctx)}` },
    { t: 'para', indent: false, text: `案件编号：${ctx.caseNumber}` },
    h('一、当事人基本情况'),
    ...partyLines(ctx).map((text): Block => ({ t: 'para', text })),
    h('二、案件来源及调查经过'),
    { t: 'para', text: course(ctx, evidence) },
    h('三、调查认定的事实'),
    { t: 'para', text: ctx.details.facts },
    h('四、相关证据及证明事项'),
    { t: 'para', text: `1. 现场笔录，证明${cnDate(ctx.dates.inspect)}现场检查的情况；` },
    { t: 'para', text: `2. 询问笔录，证明当事人对违法事实的陈述；` },
    ...evidence.map((e, i, all): Block => ({ t: 'para', text: `${i + 3}. ${e.spec.title}，证明${e.spec.proves}${i === all.length - 1 ? '。' : '；'}` })),
    h('五、案件性质及法律适用'),
    { t: 'para', text: `当事人的上述行为违反了${citeAll(ctx.violated)}的规定，构成${ctx.scenario.cause}的违法行为。依据${citeAll(ctx.basis)}的规定，应当予以处罚。` },
    h('六、处罚建议及裁量理由'),
    { t: 'para', text: `${ctx.fine.level}处罚：${ctx.fine.reason}` },
    { t: 'para', text: `综上，建议对当事人作出如下行政处罚：${penaltyList(ctx)
      .map((p, i) => `${i + 1}. ${p}`)
      .join('；')}。` },
    h('七、其他需要说明的事项'),
    { t: 'para', text: `本案不涉嫌犯罪，无需移送司法机关。${ctx.hearing === 'none' ? '' : '拟罚款数额达到听证标准，应当告知当事人有要求听证的权利。'}` },
    { t: 'space', h: 16 },
    { t: 'signatures', items: [{ label: '承办人：', name: officerNames(ctx.officers) }] },
    { t: 'right', text: cnDate(ctx.dates.concluded) },
  ];
  return { title: '案件调查终结报告', style: 'official', date: ctx.dates.concluded, author: ctx.info.agency.name, subject: caseName(ctx), blocks };
}
