import type { Io } from '../main';
import type { Workstation } from '../../main/workstation';
import type { CaseQueueRow } from '../../shared/api/cases';
import { formatYuanText } from '../../shared/format/money';

const STATUS_CN: Record<CaseQueueRow['status'], string> = { pending: '待审', in_review: '审核中', returned: '已退回', concluded: '已办结' };
const STATUSES = Object.keys(STATUS_CN) as CaseQueueRow['status'][];

export async function casesListCommand(open: () => Workstation, opts: { json: boolean; status?: string | undefined }, io: Io): Promise<number> {
  if (opts.status && !STATUSES.includes(opts.status as CaseQueueRow['status'])) {
    io.err(`--status 只能是 ${STATUSES.join(' / ')}\n`);
    return 2;
  }
  const ws = open();
  try {
    const rows = ws.views.list(opts.status ? { status: opts.status as CaseQueueRow['status'] } : {});
    if (opts.json) {
      io.out(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    if (!rows.length) {
      io.out('尚无待审案件 — 用 fashen import <案卷包> 导入\n');
      return 0;
    }
    for (const r of rows) {
      const left = r.remainingWorkingDays === null ? '—' : r.remainingWorkingDays < 0 ? `超期${-r.remainingWorkingDays}日` : `剩${r.remainingWorkingDays}个工作日`;
      io.out([r.caseNumber, r.partyName, r.cause, r.submittedOn, left, STATUS_CN[r.status], r.proposedFineFen !== null ? formatYuanText(r.proposedFineFen) : '—'].join('\t') + '\n');
    }
    return 0;
  } finally {
    ws.close();
  }
}
