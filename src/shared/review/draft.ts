// Drafts the specific opinion (具体审核意见) from the points as they stand; the reviewer edits it before
// concluding. The draft follows the review's actual state: while points are undecided it lists them and
// never reads as an all-clear 同意; the proposed type follows DOMAIN.md §1 (any 不符合 → 建议纠正, or
// 建议补充调查 when only facts/evidence (P4) are at fault; all points settled without a problem → 同意).
import type { ReviewPointId } from '../api/evidence';
import type { OpinionType, PointView } from '../api/review';
import { proseDates } from '../format/date';

/** Han characters and full-width punctuation: no space between them and a date in official text. */
const CN = String.raw`[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]`;
const CN_DATE = String.raw`\d{4}年\d{1,2}月\d{1,2}日`;
const SPACE_BEFORE_DATE = new RegExp(String.raw`(${CN}) +(?=${CN_DATE})`, 'gu');
const SPACE_AFTER_DATE = new RegExp(String.raw`(${CN_DATE}) +(?=${CN})`, 'gu');

/**
 * A check's message as documents and drafts print it: ISO dates (kept for the on-screen lists) as
 * 2026年10月17日, and without the spaces that set them apart on screen ("已于 2026-10-17 到期" →
 * "已于2026年10月17日到期").
 */
export function documentDates(text: string): string {
  return proseDates(text).replace(SPACE_BEFORE_DATE, '$1').replace(SPACE_AFTER_DATE, '$1');
}

const DECISION_CN = { ok: '无问题', problem: '存在问题', na: '不适用' } as const;

/** What each point settled as 无问题 lets the opinion affirm (in P1–P10 order). */
const AFFIRMED: Record<ReviewPointId, string> = {
  P1: '执法主体合法',
  P2: '执法人员具备执法资格',
  P3: '程序合法',
  P4: '事实清楚，证据确实充分',
  P5: '适用法律依据准确',
  P6: '裁量适当',
  P7: '未超越法定权限',
  P8: '文书规范齐备',
  P9: '未发现涉嫌犯罪需移送的情形',
  P10: '未超过追责时效',
};

export type DraftState = 'open' | 'problems' | 'clear';

export interface OpinionDraft {
  /** open: some points undecided · problems: all decided, some 存在问题 · clear: all decided, none. */
  state: DraftState;
  /** Proposed opinion type; null while points are open and nothing has been found wrong yet. */
  suggested: OpinionType | null;
  /** Points without a decision. */
  open: ReviewPointId[];
  /** Points decided 存在问题. */
  problems: ReviewPointId[];
  /** Undecided points with an automatic 不符合 the reviewer has not set aside. */
  flagged: ReviewPointId[];
  text: string;
}

/** Automatic 不符合 findings of a point that the reviewer has not overruled. */
function openFails(p: PointView): string[] {
  return p.automatic.filter((f) => f.severity === 'fail' && !p.overrides.some((o) => o.check === f.id)).map((f) => f.message);
}

/** Join clauses with 「；」 and end with 「。」, whatever punctuation the parts end with. */
function clauses(parts: string[]): string {
  const body = parts
    .map((x) => x.trim().replace(/[。；;，,.\s]+$/u, ''))
    .filter(Boolean)
    .join('；');
  return body ? `${body}。` : '';
}

/** Facts/evidence problems (P4) alone call for more investigation; anything else for correction. */
function typeFor(faulty: ReviewPointId[]): OpinionType {
  return faulty.every((id) => id === 'P4') ? '建议补充调查' : '建议纠正';
}

const label = (p: PointView) => `${p.id} ${p.title}`;

/** The reviewer's note, then the automatic findings it does not already state (said once, not twice). */
function problemLines(problems: PointView[]): string[] {
  const bare = (x: string) => x.trim().replace(/[。；;，,.\s]+$/u, '');
  return problems.map((p, i) => {
    const unsaid = openFails(p)
      .map(documentDates)
      .filter((f) => !bare(p.note).includes(bare(f)));
    return `${i + 1}. ${p.title}：${clauses([p.note, ...unsaid]) || '（请写明具体问题）'}`;
  });
}

function closing(problems: PointView[]): string[] {
  const ids = problems.map((p) => p.id);
  const evidence = ids.includes('P4');
  const out = [
    typeFor(ids) === '建议补充调查'
      ? '建议承办机构补充调查、完善证据后重新送审。'
      : evidence
        ? '建议承办机构依法纠正上述问题，并补充调查、完善证据后重新送审。'
        : '建议承办机构依法纠正后重新送审。',
  ];
  if (ids.includes('P9')) out.push('案件涉嫌犯罪的，应当依法及时移送司法机关。');
  return out;
}

export function opinionDraft(points: PointView[], caseLabel: string): OpinionDraft {
  const open = points.filter((p) => p.decision === null);
  const problems = points.filter((p) => p.decision === 'problem');
  const flagged = open.filter((p) => openFails(p).length > 0);
  const faulty = [...problems, ...flagged].map((p) => p.id);
  const ids = (ps: PointView[]) => ps.map((p) => p.id);
  const lines: string[] = [];

  if (open.length) {
    lines.push(`对${caseLabel}的法制审核尚未完成。`);
    lines.push(
      open.length === points.length
        ? `全部审核要点（${points[0]?.id}–${points[points.length - 1]?.id}）尚未作出结论。`
        : `以下审核要点尚未作出结论：${open.map(label).join('；')}。`,
    );
    if (problems.length) lines.push('已认定存在以下问题：', ...problemLines(problems));
    for (const p of flagged) lines.push(`系统自动检查提示 ${label(p)} 不符合（待认定）：${clauses(openFails(p).map(documentDates))}`);
    const settled = points.filter((p) => p.decision === 'ok' || p.decision === 'na');
    if (settled.length) lines.push(`已认定的其他要点：${settled.map((p) => `${p.id} ${DECISION_CN[p.decision!]}`).join('，')}。`);
    lines.push('待上述要点全部作出结论后，再提出审核意见。');
    return { state: 'open', suggested: faulty.length ? typeFor(faulty) : null, open: ids(open), problems: ids(problems), flagged: ids(flagged), text: lines.join('\n') };
  }

  if (problems.length) {
    // Signable text: no internal point ids; each point's finding is printed in section 四 anyway.
    lines.push(`经审核，${caseLabel}存在以下问题：`, ...problemLines(problems), ...closing(problems));
    return { state: 'problems', suggested: typeFor(ids(problems)), open: [], problems: ids(problems), flagged: [], text: lines.join('\n') };
  }

  const affirmed = points.filter((p) => p.decision === 'ok').map((p) => AFFIRMED[p.id]);
  const na = points.filter((p) => p.decision === 'na');
  lines.push(affirmed.length ? `经审核，${caseLabel}${affirmed.join('，')}。` : `经审核，${caseLabel}各审核要点均不适用。`);
  if (na.length && affirmed.length) lines.push(`以下审核事项不适用：${na.map((p) => p.title).join('；')}。`);
  lines.push('同意承办机构的处理意见。');
  return { state: 'clear', suggested: '同意', open: [], problems: [], flagged: [], text: lines.join('\n') };
}

/** The proposed opinion type, or null while points are open and nothing has been found wrong. */
export function suggestedOpinionType(points: PointView[]): OpinionType | null {
  return opinionDraft(points, '').suggested;
}

/** The draft text (ReviewView.draftOpinion). */
export function draftOpinion(points: PointView[], caseLabel: string): string {
  return opinionDraft(points, caseLabel).text;
}
