// The queue's columns, filters and sort order — pure, so 10,000 rows filter in a few ms.
import type { CaseQueueRow, CaseStatus } from '../../../shared/api/cases';
import { foldCaseNumber } from '../../../shared/text/case-number';
import { STATUS_LABEL } from '../lib/labels';

export type ColumnId = 'caseNumber' | 'partyName' | 'cause' | 'handlingUnit' | 'submittedOn' | 'remaining' | 'round' | 'status' | 'offline';

export interface QueueColumn {
  id: ColumnId;
  label: string;
  /** Longer header text for screen readers and the tooltip. */
  description?: string;
  /** Minimum width in px, cell padding included; flexible columns grow by `grow`. */
  width: number;
  grow?: number;
  align?: 'right' | 'center';
  /** Lower numbers stay visible longest when the queue is narrow. */
  priority: number;
}

export const QUEUE_COLUMNS: QueueColumn[] = [
  { id: 'caseNumber', label: '案号', width: 174, priority: 0 },
  // 64 px at least (it grows with the pane): the four columns always shown must fit the queue's
  // width beside an open case at 1366 px (382 px), or 状态 is cut off.
  { id: 'partyName', label: '当事人', width: 64, grow: 3, priority: 1 },
  { id: 'cause', label: '案由', width: 96, grow: 3, priority: 4 },
  { id: 'handlingUnit', label: '承办机构', width: 90, grow: 1, priority: 8 },
  { id: 'submittedOn', label: '送审日期', width: 88, priority: 6 },
  { id: 'remaining', label: '工作日', description: '剩余审核时限，按工作日计（今日为工作日的，含今日）', width: 72, align: 'right', priority: 2 },
  { id: 'round', label: '轮次', width: 42, align: 'center', priority: 7 },
  { id: 'status', label: '状态', width: 56, priority: 3 },
  { id: 'offline', label: '离线', description: '文件已全部缓存并校验，可离线审核', width: 42, align: 'center', priority: 5 },
];

/** Columns that fit in `width`, dropping the lowest priority first; order stays as defined. */
export function visibleColumns(width: number): QueueColumn[] {
  const byPriority = [...QUEUE_COLUMNS].sort((a, b) => a.priority - b.priority);
  const kept = new Set<ColumnId>();
  let used = 0;
  for (const col of byPriority) {
    const need = col.width;
    if (kept.size >= 4 && used + need > width) continue;
    kept.add(col.id);
    used += need;
  }
  return QUEUE_COLUMNS.filter((c) => kept.has(c.id));
}

export function gridTemplate(cols: readonly QueueColumn[]): string {
  return cols.map((c) => (c.grow ? `minmax(${c.width}px, ${c.grow}fr)` : `${c.width}px`)).join(' ');
}

export type DeadlineFilter = 'all' | 'overdue' | 'due2' | 'due4';

export interface QueueFilter {
  status: CaseStatus | 'all';
  deadline: DeadlineFilter;
  text: string;
}

export interface QueueSort {
  column: ColumnId;
  descending: boolean;
}

export const DEFAULT_SORT: QueueSort = { column: 'remaining', descending: false };

function matchesDeadline(row: CaseQueueRow, f: DeadlineFilter): boolean {
  if (f === 'all') return true;
  const left = row.remainingWorkingDays;
  if (left === null) return false;
  if (f === 'overdue') return left < 0;
  return left <= (f === 'due2' ? 2 : 4);
}

/**
 * Folded 案号 by 案号, so a keystroke folds the needle only: a number never changes its fold, and
 * a queue holds a few thousand numbers at most.
 */
const foldedNumbers = new Map<string, string>();

function foldedNumber(n: string): string {
  let f = foldedNumbers.get(n);
  if (f === undefined) foldedNumbers.set(n, (f = foldCaseNumber(n)));
  return f;
}

export function filterRows(rows: readonly CaseQueueRow[], f: QueueFilter): CaseQueueRow[] {
  const needle = f.text.trim().toLowerCase();
  // The 案号 is compared folded: "[2026]244" and "（2026）244" find 〔2026〕244号 (〔 is hard to type).
  const numberNeedle = foldCaseNumber(needle);
  return rows.filter((r) => {
    if (f.status !== 'all' && r.status !== f.status) return false;
    if (!matchesDeadline(r, f.deadline)) return false;
    if (!needle) return true;
    return (
      foldedNumber(r.caseNumber).includes(numberNeedle) ||
      r.partyName.toLowerCase().includes(needle) ||
      r.cause.toLowerCase().includes(needle) ||
      r.handlingUnit.toLowerCase().includes(needle) ||
      STATUS_LABEL[r.status].includes(needle)
    );
  });
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

function compare(a: CaseQueueRow, b: CaseQueueRow, col: ColumnId): number {
  switch (col) {
    case 'remaining': {
      // Unknown deadlines sort after every known one.
      const x = a.remainingWorkingDays ?? Number.POSITIVE_INFINITY;
      const y = b.remainingWorkingDays ?? Number.POSITIVE_INFINITY;
      return x === y ? 0 : x < y ? -1 : 1;
    }
    case 'round':
      return a.round - b.round;
    case 'offline':
      return Number(a.offline) - Number(b.offline);
    case 'status':
      return collator.compare(STATUS_LABEL[a.status], STATUS_LABEL[b.status]);
    case 'submittedOn':
      return a.submittedOn.localeCompare(b.submittedOn);
    default:
      return collator.compare(a[col], b[col]);
  }
}

export function sortRows(rows: CaseQueueRow[], sort: QueueSort): CaseQueueRow[] {
  const dir = sort.descending ? -1 : 1;
  return rows.sort((a, b) => compare(a, b, sort.column) * dir || a.submittedOn.localeCompare(b.submittedOn) || collator.compare(a.caseNumber, b.caseNumber));
}
