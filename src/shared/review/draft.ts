// Drafts the specific opinion (具体审核意见) from the points: the reviewer edits it before concluding.
import type { PointView, OpinionType } from '../api/review';

const DECISION_CN = { ok: '无问题', problem: '存在问题', na: '不适用' } as const;

export function suggestedOpinionType(points: PointView[]): OpinionType {
  const problems = points.filter((p) => p.decision === 'problem').map((p) => p.id);
  if (!problems.length) return '同意';
  // Facts/evidence problems call for more investigation; the rest for correction.
  return problems.every((id) => id === 'P4') ? '建议补充调查' : '建议纠正';
}

export function draftOpinion(points: PointView[], caseLabel: string): string {
  const problems = points.filter((p) => p.decision === 'problem');
  const lines: string[] = [];
  if (!problems.length) {
    lines.push(`经审核，${caseLabel}执法主体合法，执法人员具备执法资格，程序合法，事实清楚，证据确实充分，适用法律依据准确，裁量适当，未超越法定权限，文书规范齐备，未发现涉嫌犯罪需移送的情形，未超过追责时效。`);
    lines.push('同意承办机构的处理意见。');
  } else {
    lines.push(`经审核，${caseLabel}存在以下问题：`);
    problems.forEach((p, i) => {
      const fails = p.automatic.filter((f) => f.severity === 'fail' && !p.overrides.some((o) => o.check === f.id)).map((f) => f.message);
      // Join clauses with 「；」 and end with 「。」, whatever punctuation the parts end with.
      const detail = [p.note, ...fails]
        .map((x) => x.trim().replace(/[。；;，,.\s]+$/u, ''))
        .filter(Boolean)
        .join('；');
      lines.push(`${i + 1}. ${p.title}：${detail ? `${detail}。` : '（请写明具体问题）'}`);
    });
    lines.push(suggestedOpinionType(points) === '建议补充调查' ? '建议承办机构补充调查、完善证据后重新送审。' : '建议承办机构依法纠正后重新送审。');
  }
  const other = points.filter((p) => p.decision !== 'problem' && p.decision !== null);
  if (other.length && problems.length) lines.push(`其他审核要点：${other.map((p) => `${p.id} ${DECISION_CN[p.decision!]}`).join('，')}。`);
  return lines.join('\n');
}
