// Left region: the 待审案件 queue — filters, the virtualised grid, or the first-start empty state.
import { useDeferredValue, useMemo, useRef, useState, type RefObject } from 'react';
import { Alert, Button, Spin, Tooltip, type InputRef } from 'antd';
import { FileSearchOutlined, MenuFoldOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CaseStatus, ImportOutcome } from '../../../shared/api/cases';
import { STATUS_ORDER } from '../lib/labels';
import { ShortcutKeys } from '../lib/ShortcutKeys';
import type { CaseQueueState } from './useCaseQueue';
import { DEFAULT_SORT, QUEUE_COLUMNS, filterRows, sortRows, type ColumnId, type QueueFilter, type QueueSort } from './queueModel';
import { QueueToolbar } from './QueueToolbar';
import { QueueTable, type QueueTableHandle } from './QueueTable';
import { EmptyQueue } from './EmptyQueue';
import { ImportResult } from './ImportResult';
import type { SearchGroup, SearchHit } from '../../../shared/api/evidence';
import { SearchResults } from '../search/SearchResults';
import { SettingsButton } from '../settings/SettingsButton';
import { MeetingsButton } from '../meeting/MeetingsButton';
import { useGlobalSearch } from '../search/useGlobalSearch';

interface Props {
  queue: CaseQueueState;
  selectedId: string | null;
  onOpen: (id: string) => void;
  onCollapse: () => void;
  searchRef: RefObject<InputRef | null>;
  onOpenHit: (group: SearchGroup, hit: SearchHit, terms: readonly string[]) => void;
}

const INITIAL_FILTER: QueueFilter = { status: 'all', deadline: 'all', text: '' };

export function CaseQueue({ queue, selectedId, onOpen, onCollapse, searchRef, onOpenHit }: Props) {
  const [filter, setFilter] = useState<QueueFilter>(INITIAL_FILTER);
  const [sort, setSort] = useState<QueueSort>(DEFAULT_SORT);
  const [lastImport, setLastImport] = useState<ImportOutcome[] | null>(null);
  const deferred = useDeferredValue(filter);
  const search = useGlobalSearch();
  const tableRef = useRef<QueueTableHandle>(null);
  // Back from the results the box is a queue filter again. Words searched for in documents
  // rarely match a 案号, 当事人 or 案由, and kept they left an empty queue (显示 0 / 8 件): they
  // are cleared then. Words that match queue rows stay, so the reviewer sees those cases.
  const closeSearch = () => {
    search.clear();
    if (filter.text.trim() && filterRows(queue.rows, filter).length === 0) setFilter({ ...filter, text: '' });
    searchRef.current?.focus();
  };

  const counts = useMemo(() => {
    const c = { all: queue.rows.length } as Record<CaseStatus | 'all', number>;
    for (const s of STATUS_ORDER) c[s] = 0;
    for (const r of queue.rows) c[r.status]++;
    return c;
  }, [queue.rows]);

  const rows = useMemo(() => sortRows(filterRows(queue.rows, deferred), sort), [queue.rows, deferred, sort]);

  const onSort = (column: ColumnId) => setSort((s) => (s.column === column ? { column, descending: !s.descending } : { column, descending: false }));
  const sortLabel = QUEUE_COLUMNS.find((c) => c.id === sort.column)?.label ?? '';
  const empty = queue.loaded && queue.rows.length === 0;

  return (
    <section className="panel" aria-label="待审案件队列" data-testid="queue-panel">
      <header className="panel-header">
        <h2>待审案件</h2>
        <span className="num">{queue.rows.length}</span>
        <span className="spacer" />
        <Tooltip title="刷新队列">
          <Button type="text" size="small" icon={<ReloadOutlined />} aria-label="刷新队列" loading={queue.loading && queue.loaded} onClick={() => void queue.reload()} />
        </Tooltip>
        <MeetingsButton />
        <SettingsButton />
        <Tooltip title="收起队列">
          <Button type="text" size="small" icon={<MenuFoldOutlined />} aria-label="收起队列" onClick={onCollapse} />
        </Tooltip>
      </header>
      {queue.error && <Alert type="error" showIcon banner title={queue.error} />}
      {!empty && lastImport && <ImportResult outcomes={lastImport} onClose={() => setLastImport(null)} />}
      {!empty && (
        <QueueToolbar
          filter={filter}
          onChange={(next) => {
            setFilter(next);
            // Editing the text returns to the (filtered) queue; Enter searches again.
            if (search.query !== null && next.text !== filter.text) search.clear();
          }}
          counts={counts}
          searchRef={searchRef}
          onSearchAll={search.run}
          // ↓ leaves the box for the list below it: the search results when shown, else the queue's first row.
          onArrowDown={search.query !== null ? () => document.querySelector<HTMLElement>('.search-results .sr-hit')?.focus() : () => tableRef.current?.focusFirst()}
          onEscape={search.query !== null ? closeSearch : undefined}
        />
      )}
      {!empty && search.query === null && filter.text.trim() && (
        <button type="button" className="search-hint" onClick={() => search.run(filter.text.trim())} data-testid="search-hint">
          <FileSearchOutlined aria-hidden />
          <span className="ellipsis">在全部案卷和文书全文中搜索“{filter.text.trim()}”</span>
          <ShortcutKeys id="searchAll" />
        </button>
      )}
      <div className="panel-body">
        {search.query !== null && <SearchResults search={search} onOpenHit={onOpenHit} onClose={closeSearch} />}
        {!queue.loaded && queue.loading && (
          <div className="centre-hint">
            <Spin size="small" />
            正在读取待审案件…
          </div>
        )}
        {empty && (
          <EmptyQueue
            onImported={async (outcomes) => {
              setLastImport(outcomes);
              await queue.reload();
            }}
          />
        )}
        {queue.loaded && !empty && search.query === null && <QueueTable handle={tableRef} rows={rows} selectedId={selectedId} onOpen={onOpen} sort={sort} onSort={onSort} />}
      </div>
      {queue.loaded && !empty && search.query === null && (
        <footer className="queue-footer">
          <span className="num">
            显示 {rows.length} / {queue.rows.length} 件
          </span>
          {/* The 工作日 column counts today when today is a working day: a case received today shows 11 of 10. */}
          {queue.rows.some((r) => r.remainingIncludesToday) && (
            <span className="muted" data-testid="queue-counts-today">
              · 剩余工作日含今日
            </span>
          )}
          <span className="spacer" />
          <span>
            按{sortLabel}
            {sort.descending ? '降序' : '升序'}
          </span>
        </footer>
      )}
    </section>
  );
}
