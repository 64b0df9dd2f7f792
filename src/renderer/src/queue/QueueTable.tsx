// The virtualised 待审案件 grid: only visible rows are in the DOM, so 10,000 cases scroll smoothly.
// Arrow keys move the focus row, Enter opens it; a click opens at once.
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CaseQueueRow } from '../../../shared/api/cases';
import { gridTemplate, visibleColumns, type ColumnId, type QueueSort } from './queueModel';
import { QueueHeader } from './QueueHeader';
import { QueueRowView } from './QueueRowView';
import './queue.css';

export const ROW_HEIGHT = 28;

/** What the queue's search box can ask of the grid. */
export interface QueueTableHandle {
  /** Focus the grid on its first row (↓ from the search box). */
  focusFirst: () => void;
}
const HEADER_HEIGHT = 28;

interface Props {
  rows: CaseQueueRow[];
  selectedId: string | null;
  onOpen: (id: string) => void;
  sort: QueueSort;
  onSort: (column: ColumnId) => void;
  handle?: Ref<QueueTableHandle>;
}

export function QueueTable({ rows, selectedId, onOpen, sort, onSort, handle }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const [focusIndex, setFocusIndex] = useState(0);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  const columns = useMemo(() => visibleColumns(width), [width]);
  const template = gridTemplate(columns);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });

  // Keep the focus row inside the list when the filter shrinks it.
  const focus = Math.min(focusIndex, Math.max(rows.length - 1, 0));
  const focusRow = rows[focus];

  const moveFocus = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setFocusIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  useImperativeHandle(handle, () => ({
    focusFirst: () => {
      moveFocus(0);
      scrollRef.current?.focus();
    },
  }));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 280) / ROW_HEIGHT) - 2);
    const moves: Record<string, number> = { ArrowDown: focus + 1, ArrowUp: focus - 1, PageDown: focus + page, PageUp: focus - page, Home: 0, End: rows.length - 1 };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      moveFocus(target);
    } else if ((e.key === 'Enter' || e.key === ' ') && focusRow) {
      e.preventDefault();
      onOpen(focusRow.id);
    }
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      className="queue-grid"
      role="grid"
      aria-label="待审案件"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      aria-activedescendant={focusRow ? `queue-row-${focusRow.id}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="case-queue"
    >
      <QueueHeader columns={columns} template={template} sort={sort} onSort={onSort} />
      <div role="rowgroup" className="queue-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <QueueRowView
              key={row.id}
              row={row}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              columns={columns}
              template={template}
              selected={row.id === selectedId}
              focused={item.index === focus}
              onClick={() => {
                setFocusIndex(item.index);
                onOpen(row.id);
              }}
            />
          );
        })}
      </div>
    </div>
  );
}
