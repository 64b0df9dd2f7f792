// Search box (Ctrl+K) and the status / deadline filters above the queue. Typing filters the queue;
// Enter (or 搜索全部内容) searches everything: case fields and the full text of every document.
import type { Ref } from 'react';
import { Button, Input, Select, Tooltip, type InputRef } from 'antd';
import { FileSearchOutlined, SearchOutlined } from '@ant-design/icons';
import type { CaseStatus } from '../../../shared/api/cases';
import { STATUS_LABEL, STATUS_ORDER } from '../lib/labels';
import type { DeadlineFilter, QueueFilter } from './queueModel';
import { shortcutKeys, shortcutTip } from '../lib/shortcuts';

interface Props {
  filter: QueueFilter;
  onChange: (next: QueueFilter) => void;
  counts: Record<CaseStatus | 'all', number>;
  searchRef: Ref<InputRef>;
  /** Run the global search for the box's text. */
  onSearchAll: (text: string) => void;
  /** ↓ from the box: into the search results when shown, else into the queue. */
  onArrowDown?: () => void;
  /** Esc in the box: closes the search results, when shown (as Esc in the results does). */
  onEscape?: () => void;
}

const DEADLINE_OPTIONS: { value: DeadlineFilter; label: string }[] = [
  { value: 'all', label: '全部时限' },
  { value: 'overdue', label: '已超期' },
  { value: 'due2', label: '≤2 工作日' },
  { value: 'due4', label: '≤4 工作日' },
];

export function QueueToolbar({ filter, onChange, counts, searchRef, onSearchAll, onArrowDown, onEscape }: Props) {
  const statusOptions = [
    { value: 'all' as const, name: '全部状态', count: counts.all },
    ...STATUS_ORDER.map((s) => ({ value: s, name: STATUS_LABEL[s], count: counts[s] })),
  ].map((o) => ({
    value: o.value,
    name: o.name,
    label: (
      <span className="status-option">
        {o.name}
        <span className="muted num">{o.count}</span>
      </span>
    ),
  }));
  return (
    <div className="queue-tools" role="search">
      <Input
        ref={searchRef}
        allowClear
        size="middle"
        prefix={<SearchOutlined aria-hidden className="muted" />}
        // Short enough for the box at the queue's default width at 1366 (≈ 100 px of text); the
        // whole hint is the tooltip.
        placeholder="筛选，回车搜全部"
        title={`输入文字筛选待审案件；按 ${shortcutKeys('searchAll')} 在全部案卷和文书全文中搜索（${shortcutKeys('search')}）`}
        aria-label={`筛选待审案件，按 ${shortcutKeys('searchAll')} 搜索全部内容`}
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
        onPressEnter={() => filter.text.trim() && onSearchAll(filter.text.trim())}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && onArrowDown) {
            e.preventDefault();
            onArrowDown();
          } else if (e.key === 'Escape' && onEscape) {
            e.preventDefault();
            onEscape();
          }
        }}
        data-testid="queue-search"
      />
      <Tooltip title={shortcutTip('searchAll', '搜索全部内容：案件信息和所有文书、证据的全文')} mouseEnterDelay={0.3}>
        <Button
          size="middle"
          icon={<FileSearchOutlined />}
          aria-label="搜索全部内容"
          disabled={!filter.text.trim()}
          onClick={() => onSearchAll(filter.text.trim())}
          data-testid="search-all"
        />
      </Tooltip>
      <Select
        size="middle"
        aria-label="按状态筛选"
        value={filter.status}
        onChange={(status) => onChange({ ...filter, status })}
        options={statusOptions}
        labelRender={({ value }) => statusOptions.find((o) => o.value === value)?.name ?? ''}
        popupMatchSelectWidth={false}
        style={{ width: 96 }}
      />
      <Select
        size="middle"
        aria-label="按审核时限筛选"
        value={filter.deadline}
        onChange={(deadline) => onChange({ ...filter, deadline })}
        options={DEADLINE_OPTIONS}
        popupMatchSelectWidth={false}
        style={{ width: 96 }}
      />
    </div>
  );
}
