// 集体讨论会议: every meeting of this workstation (筹备中 / 进行中 / 待签署 / 已签署), newest first,
// and 新建会议. A click opens the meeting at its stage (set-up, presenter, minutes).
import { useEffect, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { MEETING_STATE_LABEL, type MeetingSummary } from '../../../shared/meeting/schema';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { clock, STATE_TONE } from './labels';
import { go, meetingHref, newMeetingHref } from './route';

export function MeetingList() {
  const [rows, setRows] = useState<MeetingSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = () =>
      api.call('meetings.list', {}).then(
        (r) => {
          setRows([...r].sort((a, b) => b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt)));
          setError(null);
        },
        (err: unknown) => setError(errorText(err, '无法读取会议列表')),
      );
    void load();
    return api.on('meetings.changed', () => void load());
  }, []);

  return (
    <section className="mt-page mt-list" aria-labelledby="mt-list-title" data-testid="meeting-list">
      <header className="mt-page-head">
        <h2 id="mt-list-title">集体讨论会议</h2>
        <span className="muted small">负责人集体讨论（《行政处罚法》第五十七条第二款）：议程只能包含法制审核已作出结论的案件</span>
        <span className="spacer" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => go(newMeetingHref)} data-testid="meeting-new">
          新建会议
        </Button>
      </header>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<MeetingSummary>
        size="small"
        rowKey="id"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={false}
        locale={{ emptyText: '尚无集体讨论会议 — 点击“新建会议”，从已作出审核结论的案件中选取议程' }}
        onRow={(r) => ({ onClick: () => go(meetingHref(r.id)), className: 'mt-row-link', 'data-meeting-id': r.id } as HTMLAttributes<HTMLElement>)}
        columns={[
          { title: '会议名称', dataIndex: 'title', render: (t: string, r) => <a href={meetingHref(r.id)}>{t}</a> },
          { title: '日期', dataIndex: 'date', width: 110, className: 'num' },
          { title: '地点', dataIndex: 'place', ellipsis: true },
          { title: '案件', width: 90, className: 'num', render: (_, r) => `${r.concludedCount}/${r.caseCount} 已议定` },
          { title: '开始', width: 70, className: 'num', render: (_, r) => clock(r.startedAt) },
          { title: '结束', width: 70, className: 'num', render: (_, r) => clock(r.endedAt) },
          { title: '状态', dataIndex: 'state', width: 150, render: (s: MeetingSummary['state']) => <Tag color={STATE_TONE[s]}>{MEETING_STATE_LABEL[s]}</Tag> },
        ]}
      />
    </section>
  );
}
