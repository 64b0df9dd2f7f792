import type { Io } from '../main';
import type { Workstation } from '../../main/workstation';
import type { CaseQueueRow } from '../../shared/api/cases';
import { remainingWorkingDaysText } from '../../shared/calendar/remaining-text';
import { formatYuanText } from '../../shared/format/money';
import { CONCLUDED_STATUSES, CONCLUDED_TEXT, STATUS_LABEL, STATUS_ORDER as STATUSES } from '../../shared/casefile/status-labels';

/** The queue's 剩余审核时限 column: none once the round is concluded (as the workstation shows it). */
function remainingText(r: CaseQueueRow): string {
  if (CONCLUDED_STATUSES.has(r.status)) return CONCLUDED_TEXT;
  // As the workstation's case header says it: working days (never a bare 日), 含今日 when counted.
  const left = r.remainingWorkingDays;
  return left === null ? '—' : remainingWorkingDaysText(left, r.remainingIncludesToday === true);
}

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
      io.out([r.caseNumber, r.partyName, r.cause, r.submittedOn, remainingText(r), STATUS_LABEL[r.status], r.proposedFineFen !== null ? formatYuanText(r.proposedFineFen) : '—'].join('\t') + '\n');
    }
    return 0;
  } finally {
    ws.close();
  }
}
