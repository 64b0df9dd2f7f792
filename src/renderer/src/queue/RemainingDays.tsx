// 剩余审核时限: working days left, red ≤ 2, amber ≤ 4, 超期 when overdue. Always in working days,
// never a bare 日 (read as calendar days): the queue's narrow column (its header says 工作日) shows the
// compact "3" / "超期2", the case header the long "剩余 3 个工作日（含今日）" / "超期 2 个工作日", as the
// review panel does. A case whose round is concluded (办结 / 退回) has no time running: a muted "已结论".
import { Tooltip } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import type { CaseQueueRow } from '../../../shared/api/cases';
import { remainingWorkingDaysText } from '../../../shared/calendar/remaining-text';

type Tone = 'fail' | 'warn' | 'plain';

export function remainingTone(left: number | null): Tone {
  if (left === null) return 'plain';
  if (left <= 2) return 'fail';
  if (left <= 4) return 'warn';
  return 'plain';
}

/** Compact, for the queue column whose header carries the unit (工作日). */
export function remainingText(left: number | null): string {
  if (left === null) return '—';
  if (left < 0) return `超期${-left}`;
  if (left === 0) return '已到期';
  return String(left);
}

/** Long, for headers: the unit spelled out, and 含今日 when today is counted, as in the review panel. */
export function remainingLongText(left: number | null, includesToday = false): string {
  return left === null ? '—' : remainingWorkingDaysText(left, includesToday);
}

export function remainingTitle(row: Pick<CaseQueueRow, 'remainingWorkingDays' | 'remainingIncludesToday' | 'reviewDueOn' | 'calendarWarning'>): string {
  const left = row.remainingWorkingDays;
  const parts: string[] = [];
  if (left === null) parts.push('无法计算审核时限');
  else if (left < 0) parts.push(`已超过审核时限 ${-left} 个工作日`);
  else parts.push(remainingWorkingDaysText(left, row.remainingIncludesToday === true));
  if (row.reviewDueOn) parts.push(`截止 ${row.reviewDueOn}`);
  if (row.calendarWarning) parts.push(row.calendarWarning);
  return parts.join('，');
}

/**
 * The long label with its （含今日） as a quieter qualifier: the number stays what the eye finds first,
 * and the line stays short enough for the review panel at 1366 px. Its text is remainingLongText's.
 */
export function RemainingLong({ left, includesToday }: { left: number; includesToday: boolean }) {
  const counted = includesToday && left > 0;
  return (
    <span className="remaining-long">
      {remainingWorkingDaysText(left, false)}
      {counted && <span className="remaining-today">（含今日）</span>}
    </span>
  );
}

const DONE: ReadonlySet<CaseQueueRow['status']> = new Set(['concluded', 'returned']);

interface Props {
  row: Pick<CaseQueueRow, 'remainingWorkingDays' | 'remainingIncludesToday' | 'reviewDueOn' | 'calendarWarning' | 'status'>;
  /** Long form for headers: "剩余 3 个工作日（含今日）" / "超期 2 个工作日". */
  long?: boolean;
}

export function RemainingDays({ row, long }: Props) {
  if (DONE.has(row.status))
    return (
      <span className="remaining remaining-plain muted" title={`本轮审核已作出结论${row.reviewDueOn ? `（审核时限截止 ${row.reviewDueOn}）` : ''}`} data-done="true">
        已结论
      </span>
    );
  const left = row.remainingWorkingDays;
  const tone = remainingTone(left);
  const text = long && left !== null ? <RemainingLong left={left} includesToday={row.remainingIncludesToday === true} /> : remainingText(left);
  return (
    <span className={`remaining remaining-${tone}`} title={remainingTitle(row)}>
      {row.calendarWarning && (
        <Tooltip title={row.calendarWarning}>
          <WarningFilled className="t-warn remaining-cal-warn" aria-label={row.calendarWarning} />
        </Tooltip>
      )}
      {text}
    </span>
  );
}
