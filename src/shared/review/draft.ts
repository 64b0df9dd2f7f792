// Drafts the specific opinion (具体审核意见) from the points as they stand; the reviewer edits it before
// concluding. The draft follows the review's actual state: while points are undecided it lists them and
// never reads as an all-clear 同意; the proposed type follows DOMAIN.md §1 (any 不符合 → 建议纠正, or
// 建议补充调查 when only facts/evidence (P4) are at fault; all points settled without a problem → 同意).
import type { ReviewPointId } from '../api/evidence';
import type { OpinionType, PointView } from '../api/review';
import { DECISION_LABEL, POINT_WORDING } from '../opinion/point-wording';
import { alreadySaid, cnOrdinal, documentText } from '../opinion/prose';

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

/**
 * Each problem under its finding topic, numbered （一）（二）: the reviewer's note, then the automatic
 * findings it does not already state (alreadySaid: said once, not twice — the finding itself still
 * prints under its point in part 四 of the opinion).
 */
function problemLines(problems: PointView[]): string[] {
  return problems.map((p, i) => {
    const unsaid = openFails(p)
      .map(documentText)
      .filter((f) => !alreadySaid(p.note, f));
    return `${cnOrdinal(i)}${POINT_WORDING[p.id].topic}：${clauses([p.note, ...unsaid]) || '（请写明具体问题）'}`;
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
    for (const p of flagged) lines.push(`系统自动检查提示 ${label(p)} 不符合（待认定）：${clauses(openFails(p).map(documentText))}`);
    const settled = points.filter((p) => p.decision === 'ok' || p.decision === 'na');
    if (settled.length) lines.push(`已认定的其他要点：${settled.map((p) => `${p.id} ${DECISION_LABEL[p.decision!]}`).join('，')}。`);
    lines.push('待上述要点全部作出结论后，再提出审核意见。');
    return { state: 'open', suggested: faulty.length ? typeFor(faulty) : null, open: ids(open), problems: ids(problems), flagged: ids(flagged), text: lines.join('\n') };
  }

  if (problems.length) {
    // Signable text: no internal point ids; each point's finding is printed in section 四 anyway.
    lines.push(`经审核，${caseLabel}存在以下问题：`, ...problemLines(problems), ...closing(problems));
    return { state: 'problems', suggested: typeFor(ids(problems)), open: [], problems: ids(problems), flagged: [], text: lines.join('\n') };
  }

  const affirmed = points.filter((p) => p.decision === 'ok').map((p) => POINT_WORDING[p.id].finding.ok);
  const na = points.filter((p) => p.decision === 'na');
  lines.push(affirmed.length ? `经审核，${caseLabel}${affirmed.join('；')}。` : `经审核，${caseLabel}各审核要点均不适用。`);
  if (na.length && affirmed.length) lines.push(`本案不涉及${na.map((p) => POINT_WORDING[p.id].topic).join('、')}审核事项。`);
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
