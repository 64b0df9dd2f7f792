// 剩余审核时限: working days left, red ≤ 2, amber ≤ 4, "超期N日" when overdue.
import { Tooltip } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import type { CaseQueueRow } from '../../../shared/api/cases';

type Tone = 'fail' | 'warn' | 'plain';

export function remainingTone(left: number | null): Tone {
  if (left === null) return 'plain';
  if (left <= 2) return 'fail';
  if (left <= 4) return 'warn';
  return 'plain';
}

export function remainingText(left: number | null): string {
  if (left === null) return '—';
  if (left < 0) return `超期${-left}日`;
  if (left === 0) return '已到期';
  return `${left}日`;
}

export function remainingTitle(row: Pick<CaseQueueRow, 'remainingWorkingDays' | 'reviewDueOn' | 'calendarWarning'>): string {
  const left = row.remainingWorkingDays;
  const parts: string[] = [];
  if (left === null) parts.push('无法计算审核时限');
  else if (left < 0) parts.push(`已超过审核时限 ${-left} 个工作日`);
  else parts.push(`剩余 ${left} 个工作日`);
  if (row.reviewDueOn) parts.push(`截止 ${row.reviewDueOn}`);
  if (row.calendarWarning) parts.push(row.calendarWarning);
  return parts.join('，');
}

interface Props {
  row: Pick<CaseQueueRow, 'remainingWorkingDays' | 'reviewDueOn' | 'calendarWarning'>;
  /** Long form for headers: "剩余 3 个工作日". */
  long?: boolean;
}

export function RemainingDays({ row, long }: Props) {
  const left = row.remainingWorkingDays;
  const tone = remainingTone(left);
  const text = long && left !== null && left > 0 ? `剩余 ${left} 个工作日` : remainingText(left);
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
