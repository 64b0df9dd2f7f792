// Search box (Ctrl+K) and the status / deadline filters above the queue.
import type { Ref } from 'react';
import { Input, Select, type InputRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { CaseStatus } from '../../../shared/api/cases';
import { STATUS_LABEL, STATUS_ORDER } from '../lib/labels';
import type { DeadlineFilter, QueueFilter } from './queueModel';

interface Props {
  filter: QueueFilter;
  onChange: (next: QueueFilter) => void;
  counts: Record<CaseStatus | 'all', number>;
  searchRef: Ref<InputRef>;
}

const DEADLINE_OPTIONS: { value: DeadlineFilter; label: string }[] = [
  { value: 'all', label: '全部时限' },
  { value: 'overdue', label: '已超期' },
  { value: 'due2', label: '≤2 工作日' },
  { value: 'due4', label: '≤4 工作日' },
];

export function QueueToolbar({ filter, onChange, counts, searchRef }: Props) {
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
        placeholder="筛选案号、当事人、案由（Ctrl+K）"
        aria-label="筛选待审案件"
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
        data-testid="queue-search"
      />
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
