// Pieces shared by the document (文书) templates.
import type { Officer } from '../../../shared/casefile/schema';
import type { Act, CaseCtx } from '../model';
import type { Block, GridCell } from '../pdf/model';
import type { EvidenceSpec } from '../scenarios/types';
import { age, cnDate, sexCn } from '../text';

export interface PlannedEvidence {
  id: string;
  spec: EvidenceSpec;
  date: string;
  officers: Officer[];
}

export function caseName(ctx: CaseCtx): string {
  return `${ctx.party.display}${ctx.scenario.cause}案`;
}

export function header(ctx: CaseCtx, title: string, size?: number): Block[] {
  return [
    { t: 'center', text: ctx.info.agency.name, size: size ?? 16 },
    { t: 'title', text: title },
  ];
}

export function act(ctx: CaseCtx, key: keyof CaseCtx['acts']): Act {
  const a = ctx.acts[key];
  if (!a) throw new Error(`案件缺少调查行为：${key}`);
  return a;
}

/** 李明（执法证号：34050120190123）、王芳（执法证号：…） */
export function officerLine(officers: readonly Officer[]): string {
  return officers.map((o) => `${o.name}（执法证号：${o.credentialNo}）`).join('、');
}

export function officerNames(officers: readonly Officer[]): string {
  return officers.map((o) => o.name).join('、');
}

/** One-line description of the party as documents print it. */
export function partyLines(ctx: CaseCtx): string[] {
  const p = ctx.party;
  if (p.party.kind === 'legal') {
    return [
      `当事人：${p.display}`,
      `统一社会信用代码：${p.party.idNumber}`,
      `住所：${p.premises}`,
      `法定代表人：${p.person.name}`,
      `联系电话：${p.party.phone ?? ''}`,
    ];
  }
  if (p.tradeName) {
    return [
      `当事人：${p.tradeName}（个体工商户）`,
      `统一社会信用代码：${p.licenceCode ?? ''}`,
      `经营者：${p.person.name}，${sexCn(p.person.male)}，身份证号：${p.person.idNumber}`,
      `经营场所：${p.premises}`,
      `联系电话：${p.party.phone ?? ''}`,
    ];
  }
  return [`当事人：${p.person.name}，${sexCn(p.person.male)}，${age(p.person.birth, ctx.dates.filed)}岁`, `身份证号：${p.person.idNumber}`, `住址：${p.person.address}`, `联系电话：${p.party.phone ?? ''}`];
}

/** Party rows of an approval form (立案审批表 etc.). */
export function partyGrid(ctx: CaseCtx): GridCell[][] {
  const p = ctx.party;
  const legal = p.party.kind === 'legal';
  return [
    [
      { text: legal || p.tradeName ? '当事人名称' : '当事人姓名', w: 0.18, label: true },
      { text: legal ? p.display : p.tradeName ?? p.person.name, w: 0.34 },
      { text: legal || p.tradeName ? '统一社会信用代码' : '身份证号', w: 0.17, label: true },
      { text: legal ? p.party.idNumber : p.licenceCode ?? p.person.idNumber, w: 0.31 },
    ],
    [
      { text: legal ? '法定代表人' : p.tradeName ? '经营者' : '性别/年龄', w: 0.18, label: true },
      { text: legal || p.tradeName ? p.person.name : `${sexCn(p.person.male)}/${age(p.person.birth, ctx.dates.filed)}岁`, w: 0.34 },
      { text: '联系电话', w: 0.17, label: true },
      { text: p.party.phone ?? '', w: 0.31 },
    ],
    [
      { text: legal ? '住所' : p.tradeName ? '经营场所' : '住址', w: 0.18, label: true },
      { text: legal || p.tradeName ? p.premises : p.person.address, w: 0.82 },
    ],
  ];
}

/** "以上事实，有…等证据证实" */
export function evidenceSentence(evidence: readonly PlannedEvidence[]): string {
  const titles = ['现场笔录', '询问笔录', ...evidence.map((e) => e.spec.title.replace(/（.*?）$/, ''))];
  return `以上事实，有${[...new Set(titles)].join('、')}等证据证实。`;
}

/** A cell with an approval opinion and signature. */
export function opinion(text: string, name: string, date: string): GridCell {
  return { text, w: 0.8, sign: { name, date: cnDate(date) }, minLines: 2 };
}

export function label(text: string, w = 0.2): GridCell {
  return { text, w, label: true };
}

export function value(text: string, w = 0.8, minLines?: number): GridCell {
  return { text, w, ...(minLines ? { minLines } : {}) };
}
