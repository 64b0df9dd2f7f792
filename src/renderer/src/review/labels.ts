// zh-CN words for the review contract's codes: decisions, severities, conclusions, diff changes.
import type { OpinionType, RevisionDiff } from '../../../shared/api/review';
import type { Severity } from '../../../shared/rules/types';

import { DECISION_LABEL } from '../../../shared/opinion/point-wording';

export { DECISION_LABEL };
export const DECISION_OPTIONS = (['ok', 'problem', 'na'] as const).map((value) => ({ value, label: DECISION_LABEL[value] }));

export const SEVERITY_LABEL: Record<Severity, string> = { fail: '未通过', warn: '需注意', info: '提示', ok: '通过' };
const SEVERITY_RANK: Record<Severity, number> = { fail: 0, warn: 1, info: 2, ok: 3 };
export const bySeverity = (a: { severity: Severity }, b: { severity: Severity }) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];

export const OPINION_TYPES: OpinionType[] = ['同意', '建议纠正', '建议补充调查', '其他意见'];

export const CHANGE_LABEL: Record<RevisionDiff['items'][number]['change'], string> = { added: '新增', removed: '删除', changed: '变更' };
