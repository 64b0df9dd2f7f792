// Sticky column headers of the queue; a click sorts, a second click reverses.
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import type { ColumnId, QueueColumn, QueueSort } from './queueModel';

interface Props {
  columns: QueueColumn[];
  template: string;
  sort: QueueSort;
  onSort: (column: ColumnId) => void;
}

export function QueueHeader({ columns, template, sort, onSort }: Props) {
  return (
    <div role="rowgroup" className="queue-head">
      <div role="row" aria-rowindex={1} className="queue-row queue-head-row" style={{ gridTemplateColumns: template }}>
        {columns.map((col, i) => {
          const active = sort.column === col.id;
          const ariaSort = active ? (sort.descending ? 'descending' : 'ascending') : undefined;
          return (
            <div key={col.id} role="columnheader" aria-colindex={i + 1} aria-sort={ariaSort} className={`queue-cell align-${col.align ?? 'left'}`}>
              <button type="button" className="queue-sort" title={col.description ?? `按${col.label}排序`} onClick={() => onSort(col.id)}>
                {col.label}
                {col.description && <span className="sr-only">（{col.description}）</span>}
                {active && (sort.descending ? <CaretDownOutlined aria-hidden /> : <CaretUpOutlined aria-hidden />)}
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
