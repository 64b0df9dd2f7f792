// Records (笔录): 现场笔录, 询问笔录, 陈述申辩笔录, 听证笔录.
import type { Act, CaseCtx } from '../model';
import type { Block, DocModel, SignatureItem } from '../pdf/model';
import { me, respondent, you } from '../scenarios/common';
import { age, citeAll, cnDate, cnMonth, sexCn, timeSpan } from '../text';
import { caseName, officerLine, officerNames, type PlannedEvidence } from './common';
import { penaltyList } from './notices';

const line = (text: string): Block => ({ t: 'para', indent: false, text });

function record(ctx: CaseCtx, title: string, date: string, blocks: Block[], sigs: SignatureItem[]): DocModel {
  return {
    title,
    style: 'record',
    date,
    author: ctx.info.agency.name,
    subject: caseName(ctx),
    pageSignatures: sigs,
    blocks: [{ t: 'center', text: ctx.info.agency.name, size: 15 }, { t: 'title', text: title }, ...blocks],
  };
}

function onSite(ctx: CaseCtx): { name: string; role: string } {
  const p = ctx.party;
  if (p.party.kind === 'legal') return p.agent ? { name: p.agent.name, role: `${p.display}${p.agent.post}` } : { name: p.person.name, role: '法定代表人' };
  return { name: p.person.name, role: p.tradeName ? '经营者' : '当事人' };
}

/** 现场笔录 — the first inspection, or a re-inspection (复查) with other findings. */
export function siteRecord(ctx: CaseCtx, a: Act, findings: string[], recheck: boolean): DocModel {
  const who = onSite(ctx);
  const y = you(ctx.party);
  const start = recheck ? 14 * 60 + 30 : 9 * 60 + 20 + (ctx.index % 5) * 10;
  const blocks: Block[] = [
    line(`检查时间：${timeSpan(a.date, start, start + 55 + (ctx.index % 4) * 10)}`),
    line(`检查地点：${ctx.party.premises}`),
    line(`当事人：${ctx.party.display}`),
    line(`现场负责人：${who.name}（${who.role}）`),
    line(`联系电话：${ctx.party.party.phone ?? ''}`),
    line(`执法人员及执法证号：${officerLine(a.officers)}`),
    line(`记录人：${a.officers[a.officers.length - 1]!.name}`),
    {
      t: 'para',
      text: `执法人员告知：我们是${ctx.info.agency.name}的执法人员，现向你出示执法证件，依法对${y}的经营场所进行${recheck ? '复查' : '现场检查'}，请予配合。执法人员少于两人或者执法证件与身份不符的，你有权拒绝检查；你认为执法人员与本案有直接利害关系的，有权申请回避。`,
    },
    { t: 'qa', q: '你是否看清了我们的执法证件？是否申请回避？', a: '看清了，不申请回避。' },
    line(recheck ? `复查情况：${cnDate(ctx.dates.inspect)}本局向当事人送达《责令改正通知书》（${ctx.docNo.correction ?? ''}），责令其于${cnDate(ctx.dates.correctionDeadline ?? a.date)}前改正。今日复查发现：` : '现场检查情况：'),
    ...findings.map((text): Block => ({ t: 'para', text })),
    { t: 'para', text: `检查过程中执法人员使用执法记录仪进行了全程记录，并对现场进行了拍照。` },
    line(`当事人（现场负责人）意见：以上记录属实。`),
  ];
  return record(ctx, '现场笔录', a.date, blocks, [
    { label: '当事人（现场负责人）签名：', name: who.name, print: true },
    { label: '执法人员签名：', name: officerNames(a.officers) },
  ]);
}

function identityQa(ctx: CaseCtx, at: string): [string, string][] {
  const p = ctx.party;
  const r = respondent(p);
  const base: [string, string] = ['请你介绍一下自己的基本情况。', `我叫${r.name}，${sexCn(r.male)}，${cnMonth(r.birth)}出生，身份证号${r.idNumber}，住${r.address}，联系电话${r.phone}。`];
  if (p.party.kind === 'legal') {
    return [
      base,
      ['你与本案当事人是什么关系？', `我是${p.display}的${p.agent?.post ?? '法定代表人'}${p.agent ? `，受公司法定代表人${p.person.name}委托，代表公司接受调查，授权委托书已经提交` : ''}。`],
      [
        '请介绍一下你公司的基本情况。',
        `我公司成立于${cnDate(p.registeredOn ?? at)}，统一社会信用代码${p.party.idNumber}，法定代表人${p.person.name}，注册资本${p.capital ?? ''}，住所${p.premises}，经营范围：${p.party.businessScope ?? ''}`,
      ],
    ];
  }
  if (p.tradeName) return [base, ['你经营的店铺是否办理了营业执照？', `办了，店名是${p.tradeName}，个体工商户，经营者是我本人，统一社会信用代码${p.licenceCode ?? ''}，经营场所在${p.premises}。`]];
  return [base];
}

export function inquiryRecord(ctx: CaseCtx, a: Act, qa: [string, string][], nth: number): DocModel {
  const p = ctx.party;
  const r = respondent(p);
  const relation = p.party.kind === 'legal' ? (p.agent ? '当事人委托代理人' : '当事人法定代表人') : '当事人';
  const start = 9 * 60 + (ctx.index % 6) * 10 + (nth > 1 ? 5 * 60 : 0);
  const blocks: Block[] = [
    line(`询问时间：${timeSpan(a.date, start, start + 70 + (ctx.index % 3) * 15)}${nth > 1 ? `    第${nth}次询问` : ''}`),
    line(`询问地点：${ctx.info.agency.name}${ctx.unit}询问室`),
    line(`询问人及执法证号：${officerLine(a.officers)}`),
    line(`记录人：${a.officers[a.officers.length - 1]!.name}`),
    line(`被询问人：${r.name}    性别：${sexCn(r.male)}    年龄：${age(r.birth, a.date)}岁`),
    line(`身份证号：${r.idNumber}    联系电话：${r.phone}`),
    line(`与本案关系：${relation}`),
    {
      t: 'qa',
      q: `我们是${ctx.info.agency.name}的执法人员${officerNames(a.officers)}，这是我们的执法证件，请你过目。现依法就${caseName(ctx)}向你进行调查询问，请你如实回答，不得作伪证。你有陈述和申辩的权利；如认为执法人员与本案有直接利害关系，可以申请回避。你听清楚了吗？`,
      a: '听清楚了，证件我看过了。',
    },
    { t: 'qa', q: '你是否申请执法人员回避？', a: '不申请回避。' },
    ...(nth === 1 ? identityQa(ctx, a.date) : [['这次找你是核实本案的有关情况，请如实回答。', '好的。'] as [string, string]]).map(([q, ans]): Block => ({ t: 'qa', q, a: ans })),
    ...qa.map(([q, ans]): Block => ({ t: 'qa', q, a: ans })),
    { t: 'qa', q: '你还有什么需要补充的吗？', a: '没有了。' },
    { t: 'qa', q: '请你核对以上笔录，如记录无误，请逐页签名并捺指印。', a: '以上笔录我已看过，与我说的一致。' },
  ];
  return record(ctx, '询问笔录', a.date, blocks, [
    { label: '被询问人签名：', name: r.name, print: true },
    { label: '询问人签名：', name: officerNames(a.officers) },
  ]);
}

export function statementRecord(ctx: CaseCtx, a: Act): DocModel {
  const r = respondent(ctx.party);
  const y = you(ctx.party);
  const blocks: Block[] = [
    line(`时间：${timeSpan(a.date, 14 * 60 + 30, 15 * 60 + 20)}`),
    line(`地点：${ctx.info.agency.name}${ctx.unit}`),
    line(`陈述申辩人：${r.name}（${ctx.party.agent ? `${ctx.party.display}委托代理人` : ctx.party.party.kind === 'legal' ? `${ctx.party.display}法定代表人` : '当事人'}）`),
    line(`承办人：${officerLine(a.officers)}    记录人：${a.officers[a.officers.length - 1]!.name}`),
    {
      t: 'para',
      text: `承办人：${y}于${cnDate(ctx.dates.notice)}收到本局《行政处罚告知书》（${ctx.docNo.notice}），现依法听取${y}的陈述和申辩。请如实陈述，并可提交相关证据材料。`,
    },
    { t: 'qa', q: `${y}对告知书认定的违法事实有无异议？`, a: `对违法事实没有异议。` },
    { t: 'qa', q: `${y}有什么陈述、申辩意见？`, a: ctx.details.statement },
    { t: 'qa', q: '是否有新的证据材料需要提交？', a: '没有新的证据。' },
    { t: 'qa', q: `${y}是否要求举行听证？`, a: ctx.hearing === 'none' ? '本案不属于听证范围，我知道。' : '不要求听证。' },
    { t: 'qa', q: '以上记录是否属实？', a: '属实。' },
  ];
  return record(ctx, '陈述申辩笔录', a.date, blocks, [
    { label: '陈述申辩人签名：', name: r.name, print: true },
    { label: '承办人签名：', name: officerNames(a.officers) },
  ]);
}

export function hearingRecord(ctx: CaseCtx, a: Act, evidence: readonly PlannedEvidence[]): DocModel {
  const r = respondent(ctx.party);
  const ap = ctx.approvers;
  const m = me(ctx.party);
  const say = (who: string, text: string): Block => ({ t: 'para', indent: false, text: `${who}：${text}` });
  const blocks: Block[] = [
    line(`案件名称：${caseName(ctx)}`),
    line(`听证时间：${timeSpan(a.date, 9 * 60 + 30, 11 * 60 + 10)}`),
    line(`听证地点：${ctx.info.agency.name}听证室`),
    line('听证方式：公开'),
    line(`听证主持人：${ap.legalHead}    听证员：${ap.hearingMember}    记录员：${ap.clerk}`),
    line(`案件调查人员：${officerLine(a.officers)}`),
    line(
      ctx.party.party.kind === 'legal'
        ? `当事人：${ctx.party.display}    ${ctx.party.agent ? '委托代理人' : '法定代表人'}：${r.name}`
        : ctx.party.tradeName
          ? `当事人：${ctx.party.tradeName}（经营者：${r.name}）`
          : `当事人：${r.name}    身份证号：${r.idNumber}`,
    ),
    say('记录员', '宣布听证纪律：听证参加人应当遵守听证秩序，经主持人允许后方可发言；旁听人员不得发言、提问，不得录音、录像和拍照。'),
    say('主持人', `现在开始听证。本次听证由${ap.legalHead}担任主持人，${ap.hearingMember}担任听证员，${ap.clerk}担任记录员。当事人享有申请回避、陈述、申辩、质证和最后陈述的权利。当事人是否申请回避？`),
    say(r.name, '不申请回避。'),
    say('主持人', '请案件调查人员陈述案件事实、证据、处罚依据和处罚建议。'),
    say(a.officers[0]!.name, `经调查查明：${ctx.details.facts}当事人的上述行为违反了${citeAll(ctx.violated)}的规定，依据${citeAll(ctx.basis)}的规定，建议对当事人作出如下处罚：${penaltyList(ctx).join('；')}。`),
    say('主持人', '请当事人进行陈述、申辩。'),
    say(r.name, ctx.details.hearingArgs),
    say('主持人', '下面进行质证。请调查人员出示证据。'),
    say(a.officers[0]!.name, `出示以下证据：${evidence.map((e, i) => `${i + 1}. ${e.spec.title}`).join('；')}。`),
    say(r.name, `对上述证据的真实性、合法性没有异议，但认为${m}主观上没有故意，情节轻微。`),
    say('主持人', '下面进行辩论。'),
    say(a.officers[1]?.name ?? a.officers[0]!.name, `当事人的违法事实清楚、证据确凿，${ctx.fine.factors[0] ?? ''}，拟处罚意见已充分考虑当事人的从轻情节，处罚数额在法定幅度以内，建议维持。`),
    say(r.name, `${m}已经认识到错误并积极整改，恳请考虑实际情况从轻处理。`),
    say('主持人', '请当事人作最后陈述。'),
    say(r.name, `希望执法机关综合考虑${m}的整改态度，依法从轻处罚。`),
    say('主持人', '听证结束。听证参加人应当核对听证笔录，确认无误后签名。'),
    { t: 'signatures', items: [{ label: '调查人员：', name: officerNames(a.officers) }, { label: '听证员：', name: ap.hearingMember }, { label: '记录员：', name: ap.clerk }] },
  ];
  return record(ctx, '听证笔录', a.date, blocks, [
    { label: '当事人签名：', name: r.name, print: true },
    { label: '听证主持人签名：', name: ap.legalHead },
  ]);
}
