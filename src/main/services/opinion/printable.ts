// Text the opinion's fonts cannot print, found before it is too late: the reviewer's own text when
// concluding (so a conclusion that cannot be printed is never made), and every field of the opinion
// content before rendering — each named as the reader knows it (审核意见, 当事人名称 …), with
// what to do about it, as an ApiFailure (the app and the CLI show its message; a plain Error
// would reach the reviewer only as the generic 操作失败).
import { ApiFailure } from '../../../shared/api/result';
import type { ReviewView } from '../../../shared/api/review';
import type { OpinionContent } from '../../../shared/opinion/content';
import { cleanText } from './blocks';
import { loadDocumentFaces, missingGlyphs, showChars, type Face, type Faces } from './faces';

export interface Unprintable {
  /** Where the characters are, e.g. 审核意见, 当事人名称, P3“执法程序是否合法”的说明. */
  field: string;
  chars: string[];
  /** Who can change it: the reviewer (their own text) or only the handling unit (the case file). */
  source: 'reviewer' | 'case';
}

interface Field {
  field: string;
  text: string | null | undefined;
  source: Unprintable['source'];
  face?: Face;
}

/**
 * The distinct characters of `text` the opinion's fonts cannot print in `face` (control and format
 * marks aside, as the renderer drops them). Also the central system's rule for a reviewer's 姓名,
 * which becomes the signer of certificates and opinions (src/server/routes/users-admin.ts).
 */
export function unprintableChars(text: string, face: Face = 'regular', faces: Faces = loadDocumentFaces()): string[] {
  return missingGlyphs(faces, face, cleanText(text));
}

function check(fields: Field[]): Unprintable[] {
  const faces = loadDocumentFaces();
  const out: Unprintable[] = [];
  for (const f of fields) {
    if (!f.text) continue;
    const chars = unprintableChars(f.text, f.face ?? 'regular', faces);
    const same = out.find((u) => u.field === f.field);
    if (same) same.chars = [...new Set([...same.chars, ...chars])];
    else if (chars.length) out.push({ field: f.field, chars, source: f.source });
  }
  return out;
}

const pointLabel = (p: { id: string; title: string }): string => `${p.id}“${p.title}”`;

/** The reviewer's text that the opinion prints, as it stands when concluding. */
export function reviewerTextProblems(view: ReviewView, opinionText: string): Unprintable[] {
  const fields: Field[] = [{ field: '审核意见', text: opinionText, source: 'reviewer' }];
  for (const p of view.points) {
    fields.push({ field: `${pointLabel(p)}的说明`, text: p.note, source: 'reviewer' });
    // Only the reasons for findings the opinion prints (不符合 / 需注意).
    const printed = new Set(p.automatic.filter((f) => f.severity === 'fail' || f.severity === 'warn').map((f) => f.id));
    for (const o of p.overrides) if (printed.has(o.check)) fields.push({ field: `${pointLabel(p)}中不采纳自动检查的理由`, text: o.reason, source: 'reviewer' });
    for (const c of p.citations) if (c.valid) fields.push({ field: `${pointLabel(p)}的引证`, text: c.quote, source: 'reviewer' });
  }
  if (view.reviewer) fields.push({ field: '审核人员姓名', text: view.reviewer.name, source: 'reviewer' });
  return check(fields);
}

/** Every field of the opinion content that goes onto the page. */
export function contentProblems(c: OpinionContent): Unprintable[] {
  const many = c.parties.length > 1;
  const fields: Field[] = [
    { field: '发文机关名称', text: c.agency.name, source: 'case', face: 'bold' },
    { field: '发文机关名称', text: c.agency.name, source: 'case' },
    ...c.parties.flatMap((p, i): Field[] => {
      const who = many ? `当事人（第${i + 1}个）` : '当事人';
      return [
        { field: `${who}名称`, text: p.name, source: 'case' },
        { field: `${who}证件号码`, text: p.idNumber, source: 'case' },
        { field: `${who}住所`, text: p.address, source: 'case' },
        { field: `${who}的${p.kind === 'legal' ? '法定代表人' : '负责人'}`, text: p.legalRepresentative, source: 'case' },
      ];
    }),
    // After the parties: the case name is made from the first party's name.
    { field: '案件名称', text: c.case.name, source: 'case' },
    { field: '案号', text: c.case.caseNumber, source: 'case' },
    { field: '案由', text: c.case.cause, source: 'case' },
    { field: '承办机构', text: c.case.handlingUnit, source: 'case' },
    { field: '拟处罚内容', text: c.proposedDecision.penalties.join(''), source: 'case' },
    { field: '违反的规定', text: c.proposedDecision.violated.join(''), source: 'case' },
    { field: '处罚依据', text: c.proposedDecision.legalBasis.join(''), source: 'case' },
    { field: '裁量情况', text: c.proposedDecision.discretion, source: 'case' },
    { field: '案件事实', text: c.facts, source: 'case' },
    ...c.points.flatMap((p): Field[] => [
      { field: `${pointLabel(p)}的说明`, text: p.note, source: 'reviewer' },
      ...p.findings.flatMap((f): Field[] => [
        { field: `${pointLabel(p)}的自动检查结果`, text: f.message, source: 'case' },
        { field: `${pointLabel(p)}中不采纳自动检查的理由`, text: f.overruled, source: 'reviewer' },
      ]),
      ...p.citations.flatMap((x): Field[] => [
        { field: `${pointLabel(p)}的引证`, text: x.quote, source: 'reviewer' },
        { field: `${pointLabel(p)}所引材料名称`, text: x.label, source: 'case' },
      ]),
    ]),
    { field: '审核意见', text: c.conclusion.text, source: 'reviewer' },
    { field: '审核人员姓名', text: c.reviewer.name, source: 'reviewer' },
  ];
  return check(fields);
}

const head = (u: Unprintable): string => `${u.field}中有意见书字体无法排印的字符：${showChars(u.chars)}`;

/** Refuses a conclusion whose text the opinion could not print. */
export function assertConcludable(problems: Unprintable[]): void {
  if (!problems.length) return;
  const lines = problems.map((u) => `${head(u)}，请删除或改用文字`);
  throw new ApiFailure({ code: 'invalid_input', message: lines[0]!, ...(lines.length > 1 ? { details: lines } : {}) });
}

/** Refuses to render an opinion with characters no font has, saying who can change them. */
export function assertRenderable(problems: Unprintable[]): void {
  if (!problems.length) return;
  const lines = problems.map(
    (u) =>
      `${head(u)}，无法生成意见书；` +
      (u.source === 'reviewer' ? (u.field === '审核人员姓名' ? '请在“设置审核人员”中修改' : '请撤回结论，删除或改用文字后重新作出结论') : '该内容来自案卷，请联系承办机构更正后重新送审'),
  );
  throw new ApiFailure({ code: 'conflict', message: lines[0]!, ...(lines.length > 1 ? { details: lines } : {}) });
}
