// The words for the central system's answers and for what was submitted, one set for the CLI and
// the app: a stale answer is 已过时 (the case moved on), never 已过期 (expired).
import type { z } from 'zod';
import type { SubmissionKind } from './protocol';

export const ANSWER_LABEL = { accepted: '已接收', stale: '已过时', rejected: '已拒绝' } as const;

export const SUBMISSION_KIND_LABEL: Record<z.infer<typeof SubmissionKind>, string> = { opinion: '审核意见书', minutes: '集体讨论记录' };

/** 已接收 2，已过时 0，已拒绝 1 */
export const answerCounts = (c: Record<keyof typeof ANSWER_LABEL, number>): string =>
  (Object.keys(ANSWER_LABEL) as (keyof typeof ANSWER_LABEL)[]).map((k) => `${ANSWER_LABEL[k]} ${c[k]}`).join('，');

/** The central system's reason for a submission about a case reassigned to someone else after she signed. */
export const REASSIGNED_REASON = '案件已改派给其他审核员，本提交未被接收；如需转交本意见，请与法制审核机构联系';
