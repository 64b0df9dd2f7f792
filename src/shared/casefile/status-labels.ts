// Chinese names of a case's review status, one map for the workstation's queue and `fashen cases list`.
import type { CaseStatus } from '../api/cases';

export const STATUS_LABEL: Record<CaseStatus, string> = {
  pending: '待审',
  in_review: '审核中',
  returned: '已退回',
  // Not 已办结: after the legal review the case still goes to the head's decision (and perhaps a
  // collective discussion); only this review is done.
  concluded: '已审核',
};

export const STATUS_ORDER: CaseStatus[] = ['pending', 'in_review', 'returned', 'concluded'];

/** A round with a conclusion (办结 or 退回) has no review period running: shown as CONCLUDED_TEXT, not a countdown. */
export const CONCLUDED_STATUSES: ReadonlySet<CaseStatus> = new Set(['concluded', 'returned']);
export const CONCLUDED_TEXT = '已结论';

/** A case the central system gave to another reviewer: kept to read, no longer concluded or signed here. */
export const REASSIGNED_LABEL = '已改派';
export const REASSIGNED_TITLE = '已改派给其他审核员，不能再签署；本机的审核记录保留备查';
