// Where a signed opinion stands with the central system, as the app and `fashen opinion sign` say it.
import type { OpinionRecord } from '../api/opinions';

export const SUBMISSION_LABEL: Record<OpinionRecord['submission'], string> = {
  queued: '待发送',
  sent: '已发送',
  accepted: '中心已接收',
  rejected: '中心已退回',
  stale: '中心认定已过时',
  withdrawn: '已撤回（未发送）',
};
