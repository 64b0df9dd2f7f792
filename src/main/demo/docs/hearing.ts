// The hearing's own papers besides the notice and the record: the party's 听证申请书 (处罚法第六十四条:
// the party asks within five working days of the 告知书) and the presiding officer's 听证报告
// written after the hearing — both of which P8 looks for in a case with a hearing.
import type { CaseCtx } from '../model';
import type { DocModel, GridCell } from '../pdf/model';
import { clock, cnDate } from '../text';
import { caseName, header, label, officerNames, opinion, partyGrid, value } from './common';
import { penaltyList } from './notices';

/** The party's written request, as a shop or company writes it: short, signed, dated. */
export function hearingRequest(ctx: CaseCtx): DocModel {
  const d = ctx.dates;
  const p = ctx.party;
  const applicant = p.party.kind === 'legal' ? p.display : (p.tradeName ?? p.person.name);
  const signer = p.party.kind === 'legal' ? `${p.display}（盖章）  法定代表人：${p.person.name}` : p.tradeName ? `${p.tradeName}  经营者：${p.person.name}` : p.person.name;
  return {
    title: '听证申请书',
    style: 'official',
    date: d.hearingRequested!,
    author: applicant,
    subject: caseName(ctx),
    blocks: [
      { t: 'title', text: '听证申请书' },
      { t: 'space', h: 8 },
      { t: 'para', indent: false, text: `${ctx.info.agency.name}：` },
      {
        t: 'para',
        text: `${applicant}于${cnDate(d.notice)}收到贵局《行政处罚告知书》（${ctx.docNo.notice}），贵局拟对${p.party.kind === 'legal' ? '我公司' : '本人'}作出以下行政处罚：${penaltyList(ctx).join('；')}。`,
      },
      { t: 'para', text: `根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，现申请举行听证。申请理由：${ctx.details.hearingArgs ?? '对拟处罚的事实和数额有不同意见，请求听证。'}` },
      { t: 'para', text: `联系电话：${p.party.phone ?? ''}` },
      { t: 'space', h: 20 },
      { t: 'closing', lines: [`申请人：${signer}`, cnDate(d.hearingRequested!)] },
    ],
  };
}

/** The presiding officer's report to the agency's head after the hearing. */
export function hearingReport(ctx: CaseCtx): DocModel {
  const d = ctx.dates;
  const ap = ctx.approvers;
  const rows: GridCell[][] = [
    [label('案件名称'), value(caseName(ctx))],
    ...partyGrid(ctx),
    [label('听证时间'), value(`${cnDate(d.hearingHeld!)}${clock(9 * 60 + 30)}`, 0.3), label('听证地点', 0.2), value(`本局听证室（${ctx.info.address}）`, 0.3)],
    [label('听证主持人'), value(ap.legalHead, 0.3), label('听证员、记录员', 0.2), value(`${ap.hearingMember}、${ap.clerk}`, 0.3)],
    [label('案件调查人员'), value(officerNames(ctx.officers))],
    [label('拟处罚意见'), value(`${penaltyList(ctx).join('；')}。`)],
    [label('当事人陈述、申辩意见'), value(ctx.details.hearingArgs ?? '当事人在听证中未提出新的事实和理由。', 0.8, 3)],
    [
      label('听证主持人意见'),
      opinion(
        `听证中，调查人员出示了证据并说明了拟处罚的事实、理由和依据，当事人进行了陈述、申辩和质证。经听证，本案违法事实清楚，证据确凿，当事人提出的意见不足以改变拟处罚意见${ctx.fine.level === '从轻' ? '，其主动整改等情节已在裁量时予以考虑' : ''}，建议维持拟处罚意见。`,
        ap.legalHead,
        d.hearingHeld!,
      ),
    ],
  ];
  return { title: '听证报告', style: 'form', date: d.hearingHeld!, author: ctx.info.agency.name, subject: caseName(ctx), blocks: [...header(ctx, '听证报告'), { t: 'grid', rows }] };
}
