// One meeting at its stage: the set-up while a draft, the presenter while running, the minutes
// (and, until the first signature, the record to correct) once ended. The bar on top carries the
// title, state, start/end times, the audience screen and 结束会议.
import { useState } from 'react';
import { Alert, App as AntApp, Button, Popconfirm, Segmented, Spin, Tag } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { MEETING_STATE_LABEL, type Meeting } from '../../../shared/meeting/schema';
import { api } from '../api';
import { AudienceLink } from './AudienceLink';
import { problemLine } from './errors';
import { clock, duration, STATE_TONE } from './labels';
import { MinutesView } from './MinutesView';
import { Presenter } from './Presenter';
import { SetupForm } from './SetupForm';
import { useMeeting } from './useMeeting';
import { useKeepAwake } from '../lock/keepAwake';

function Quorum({ m }: { m: Meeting }) {
  const q = m.quorumStatus;
  return (
    <span className={`small ${q.met ? 't-ok' : 't-warn'}`} title={q.text} data-testid="meeting-quorum">
      出席负责人 {q.present} 人（至少 {q.required} 人）
    </span>
  );
}

function Times({ m }: { m: Meeting }) {
  if (!m.startedAt) return <span className="small muted num">{m.date} · {m.place}</span>;
  return (
    <span className="small num" data-testid="meeting-times">
      {m.date} · {m.place} · 开始 <strong data-testid="meeting-started">{clock(m.startedAt)}</strong>
      {m.endedAt ? (
        <>
          {' '}
          · 结束 <strong data-testid="meeting-ended">{clock(m.endedAt)}</strong>（{duration(m.startedAt, m.endedAt)}）
        </>
      ) : null}
    </span>
  );
}

function EndButton({ m, accept }: { m: Meeting; accept: (m: Meeting) => void }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const open = m.agenda.map((a, i) => ({ a, i })).filter(({ a }) => !a.conclusion);
  const end = async () => {
    setBusy(true);
    try {
      accept(await api.call('meetings.end', { id: m.id }));
      message.success('会议已结束，结束时间已记录');
    } catch (err) {
      message.error(problemLine(err, '会议未能结束'));
    } finally {
      setBusy(false);
    }
  };
  const button = (
    <Button danger icon={<StopOutlined />} loading={busy} data-testid="meeting-end">
      结束会议
    </Button>
  );
  // The back end refuses to end with a case undecided: say what is missing instead of offering it.
  if (open.length)
    return (
      <Popconfirm
        title="还不能结束会议"
        description={
          <span data-testid="meeting-end-blocked">
            尚有 {open.length} 个案件未形成结论性意见：{open.map(({ a, i }) => `第 ${i + 1} 案（${a.caseNumber}）`).join('、')}。
            <br />
            请在右侧“结论性意见”中逐案填写并提交，全部形成结论后再结束会议。
          </span>
        }
        okText="知道了"
        showCancel={false}
      >
        {button}
      </Popconfirm>
    );
  return (
    <Popconfirm title="结束会议？" description="将记录结束时间；之后生成集体讨论记录并签署。" okText="结束会议" cancelText="取消" onConfirm={() => void end()}>
      {button}
    </Popconfirm>
  );
}

export function MeetingPage({ id }: { id: string }) {
  const { meeting: m, error, accept, reload } = useMeeting(id);
  const [view, setView] = useState<'minutes' | 'record'>('minutes');
  // A discussion runs long without anyone typing: the running meeting's presenter holds the inactivity lock off.
  useKeepAwake(m?.state === 'running');
  if (error && !m) return <Alert className="mt-page-alert" type="error" showIcon title={error} />;
  if (!m) return <Spin className="mt-spin" />;
  // Signed, or once submitted (re-signed after a rejection: the content stays locked meanwhile).
  const anySigned = m.minutes.some((r) => r.signatures.length > 0 || r.submissions.length > 0);
  const afterwards = m.state === 'ended' || m.state === 'signed';

  return (
    <section className="mt-page mt-meeting" data-testid="meeting-page" data-state={m.state} data-revision={m.revision}>
      <header className="mt-page-head">
        <h2 className="ellipsis" title={m.title}>
          {m.title}
        </h2>
        <Tag color={STATE_TONE[m.state]} data-testid="meeting-state">
          {MEETING_STATE_LABEL[m.state]}
        </Tag>
        <Times m={m} />
        {m.state !== 'draft' && <Quorum m={m} />}
        <span className="spacer" />
        {afterwards && (
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'minutes' | 'record')}
            options={[
              { value: 'minutes', label: '集体讨论记录与签署' },
              { value: 'record', label: anySigned ? '会议记录（只读）' : '会议记录（可更正）' },
            ]}
            data-testid="meeting-view"
          />
        )}
        {/* The audience token ends with the meeting: no link to offer once it has ended. */}
        {m.state === 'running' && <AudienceLink meetingId={m.id} />}
        {m.state === 'running' && <EndButton m={m} accept={accept} />}
      </header>
      {error && <Alert type="warning" showIcon banner title={error} />}
      <div className="mt-page-body">
        {m.state === 'draft' && <SetupForm key={m.id} meeting={m} onSaved={accept} />}
        {m.state === 'running' && <Presenter meeting={m} accept={accept} readOnly={false} />}
        {afterwards && view === 'record' && <Presenter meeting={m} accept={accept} readOnly={m.state === 'signed' || anySigned} />}
        {afterwards && view === 'minutes' && <MinutesView meeting={m} reload={reload} />}
      </div>
    </section>
  );
}
