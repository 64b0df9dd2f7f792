// 议程: the cases to discuss, in order, picked from the workstation's cases. Only cases whose review
// is concluded can be discussed; others are marked, and the back end refuses them with the case
// named (that message is shown by the form).
import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Input, Table, Tag, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, SearchOutlined } from '@ant-design/icons';
import type { CaseQueueRow } from '../../../shared/api/cases';
import { formatYuanText } from '../../../shared/format/money';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { STATUS_LABEL } from '../lib/labels';

const MAX_CASES = 20;
const reviewed = (r: CaseQueueRow) => r.status === 'concluded' || r.status === 'returned';

function ReviewTag({ row }: { row: CaseQueueRow }) {
  // The review's conclusion (the meeting's own decision on a case reads 已议定 elsewhere).
  if (row.status === 'concluded') return <Tag color="success">审核结论 · 同意</Tag>;
  if (row.status === 'returned') return <Tag color="warning">审核结论 · {STATUS_LABEL.returned}</Tag>;
  return (
    <Tooltip title="法制审核尚未作出结论的案件不能列入议程">
      <Tag>{STATUS_LABEL[row.status]} · 未结论</Tag>
    </Tooltip>
  );
}

interface Props {
  value?: string[];
  onChange?: (next: string[]) => void;
}

export function AgendaPicker({ value = [], onChange }: Props) {
  const [rows, setRows] = useState<CaseQueueRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  useEffect(() => {
    api.call('cases.list', {}).then(setRows, (err: unknown) => setError(errorText(err, '无法读取案件列表')));
  }, []);

  const byId = useMemo(() => new Map((rows ?? []).map((r) => [r.id, r])), [rows]);
  const shown = useMemo(() => {
    const t = filter.trim();
    const all = [...(rows ?? [])].sort((a, b) => Number(reviewed(b)) - Number(reviewed(a)) || a.caseNumber.localeCompare(b.caseNumber));
    return t ? all.filter((r) => `${r.caseNumber}${r.partyName}${r.cause}`.includes(t)) : all;
  }, [rows, filter]);

  const set = (next: string[]) => onChange?.(next);
  const move = (i: number, d: -1 | 1) => {
    const next = [...value];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    set(next);
  };
  const unreviewed = value.map((id) => byId.get(id)).filter((r): r is CaseQueueRow => !!r && !reviewed(r));

  return (
    <div className="mt-agenda" data-testid="agenda-picker">
      {error && <Alert type="error" showIcon title={error} />}
      <ol className="mt-agenda-chosen" aria-label="已列入议程的案件" data-testid="agenda-chosen">
        {value.length === 0 && <li className="muted small mt-agenda-empty">尚未选择案件 — 在下表中勾选法制审核已作出结论的案件</li>}
        {value.map((id, i) => {
          const r = byId.get(id);
          return (
            <li key={id} data-case-id={id}>
              <span className="num mt-agenda-no">{i + 1}</span>
              <span className="num">{r?.caseNumber ?? id}</span>
              <span className="ellipsis">{r ? `${r.partyName} · ${r.cause}` : '（案件不在本机）'}</span>
              {r && <ReviewTag row={r} />}
              <span className="spacer" />
              <Button type="text" size="small" icon={<ArrowUpOutlined />} aria-label="上移" disabled={i === 0} onClick={() => move(i, -1)} />
              <Button type="text" size="small" icon={<ArrowDownOutlined />} aria-label="下移" disabled={i === value.length - 1} onClick={() => move(i, 1)} />
              <Button type="text" size="small" icon={<CloseOutlined />} aria-label="移出议程" onClick={() => set(value.filter((x) => x !== id))} />
            </li>
          );
        })}
      </ol>
      {unreviewed.length > 0 && (
        <p className="small t-warn" data-testid="agenda-unreviewed">
          {unreviewed.map((r) => r.caseNumber).join('、')} 的法制审核尚未作出结论，保存时会被拒绝。
        </p>
      )}
      <Input
        size="small"
        allowClear
        prefix={<SearchOutlined aria-hidden className="muted" />}
        placeholder="按案号、当事人、案由筛选"
        aria-label="筛选案件"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        className="mt-agenda-filter"
      />
      <Table<CaseQueueRow>
        size="small"
        rowKey="id"
        loading={rows === null && !error}
        dataSource={shown}
        pagination={false}
        // Every case, no inner box of fixed height (its hidden rows had no visible scrollbar): the
        // set-up page scrolls, and the header stays in view while it does.
        sticky
        locale={{ emptyText: rows?.length ? '没有符合条件的案件' : '本机尚无案件 — 先在审核工作台导入或同步案卷' }}
        rowSelection={{
          selectedRowKeys: value,
          columnWidth: 32,
          hideSelectAll: true,
          getCheckboxProps: (r) => ({ disabled: !value.includes(r.id) && value.length >= MAX_CASES, 'aria-label': `列入议程：${r.caseNumber}` }),
          onSelect: (r, selected) => set(selected ? [...value, r.id] : value.filter((x) => x !== r.id)),
        }}
        onRow={(r) => ({ 'data-case-id': r.id }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: '案号', dataIndex: 'caseNumber', width: 190, className: 'num' },
          { title: '当事人', dataIndex: 'partyName', ellipsis: true },
          { title: '案由', dataIndex: 'cause', ellipsis: true },
          { title: '拟罚款', dataIndex: 'proposedFineFen', width: 100, align: 'right', className: 'num', render: (f: number | null) => (f === null ? '—' : formatYuanText(f)) },
          { title: '法制审核', width: 128, render: (_, r) => <ReviewTag row={r} /> },
        ]}
      />
    </div>
  );
}
