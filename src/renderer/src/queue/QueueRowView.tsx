// One line of the queue. Plain elements and native titles keep 10,000-row scrolling light.
import { memo, type ReactNode } from 'react';
import { CheckOutlined } from '@ant-design/icons';
import type { CaseQueueRow } from '../../../shared/api/cases';
import { STATUS_LABEL } from '../lib/labels';
import { REASSIGNED_LABEL, REASSIGNED_TITLE } from '../../../shared/casefile/status-labels';
import type { ColumnId, QueueColumn } from './queueModel';
import { RemainingDays } from './RemainingDays';

function cellContent(row: CaseQueueRow, id: ColumnId): { node: ReactNode; title?: string } {
  switch (id) {
    case 'caseNumber':
      return { node: row.caseNumber, title: row.caseNumber };
    case 'partyName':
      return { node: row.partyName, title: row.partyName };
    case 'cause':
      return { node: row.cause, title: row.cause };
    case 'handlingUnit':
      return { node: row.handlingUnit, title: row.handlingUnit };
    case 'submittedOn':
      return { node: row.submittedOn };
    case 'remaining':
      return { node: <RemainingDays row={row} /> };
    case 'round':
      return { node: row.round, title: `第${row.round}轮送审` };
    case 'status':
      // Reassigned to another reviewer: that, not the review status, is what the reviewer must see.
      if (row.reassigned) return { node: <span className="status status-reassigned">{REASSIGNED_LABEL}</span>, title: REASSIGNED_TITLE };
      return { node: <span className={`status status-${row.status}`}>{STATUS_LABEL[row.status]}</span> };
    case 'offline':
      return row.offline
        ? { node: <CheckOutlined className="t-ok" aria-label="可离线审核" />, title: '文件已全部缓存并校验' }
        : { node: <span className="sr-only">未完整缓存</span>, title: '部分文件尚未缓存到本机' };
  }
}

interface Props {
  row: CaseQueueRow;
  index: number;
  top: number;
  columns: QueueColumn[];
  template: string;
  selected: boolean;
  focused: boolean;
  onClick: () => void;
}

export const QueueRowView = memo(function QueueRowView({ row, index, top, columns, template, selected, focused, onClick }: Props) {
  const cls = ['queue-row', 'queue-data-row', selected ? 'is-selected' : '', focused ? 'is-focused' : ''].filter(Boolean).join(' ');
  return (
    <div
      id={`queue-row-${row.id}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={cls}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
      onClick={onClick}
      data-case-id={row.id}
    >
      {columns.map((col, i) => {
        const { node, title } = cellContent(row, col.id);
        return (
          <div key={col.id} role="gridcell" aria-colindex={i + 1} className={`queue-cell align-${col.align ?? 'left'} col-${col.id}`} title={title}>
            {node}
          </div>
        );
      })}
    </div>
  );
});
