// The presenter view (the reviewer's laptop): the agenda on the left; in the middle what the
// audience sees now (a live, scaled-down copy of the shared screen), the controls and what comes
// next, then the notes (讨论情况) of the case being recorded or the choice of key evidence of the
// case on screen; on the right the record of the case (opinions, conclusion), which follows the
// case on screen unless the recorder picks another — the notes go with the record, not the screen. → / PageDown / Space and ← / PageUp move through the topics.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Tabs } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { EvidenceFocus, Meeting } from '../../../shared/meeting/schema';
import { api } from '../api';
import { ShortcutKeys } from '../lib/ShortcutKeys';
import { AgendaNav } from './AgendaNav';
import { AudienceSlide } from './audience/AudienceSlide';
import { Stage } from './audience/Stage';
import { problemLine } from './errors';
import { EvidencePicker } from './EvidencePicker';
import { stepIndex, stepLabel, steps, type Step } from './labels';
import { NotesEditor } from './NotesEditor';
import { RecordingPanel } from './RecordingPanel';
import { useAudienceView } from './useAudienceView';
import { usePresenterKeys } from './usePresenterKeys';

interface Props {
  meeting: Meeting;
  accept: (m: Meeting) => void;
  readOnly: boolean;
}

export function Presenter({ meeting, accept, readOnly }: Props) {
  const all = steps(meeting.agenda.length);
  const running = meeting.state === 'running';
  const pos = meeting.position;
  // The last position asked for: quick key presses step on from there, not from the last answer.
  const target = useRef<Step | null>(null);
  const [navError, setNavError] = useState<string | null>(null);
  const [tab, setTab] = useState<'notes' | 'evidence'>(pos?.topic === 'evidence' ? 'evidence' : 'notes');
  const [recordCase, setRecordCase] = useState(pos?.agendaIndex ?? 0);
  const [shownEvidence, setShownEvidence] = useState(0);
  const audience = useAudienceView(meeting.id);

  const caseIndex = pos?.agendaIndex ?? 0;
  useEffect(() => setRecordCase(caseIndex), [caseIndex]);
  useEffect(() => {
    if (pos?.topic === 'evidence') setTab('evidence');
  }, [pos?.topic, pos?.agendaIndex]);
  useEffect(() => {
    if (tab === 'evidence') setShownEvidence((n) => n + 1);
  }, [tab]);

  const navigate = async (s: Step, evidence: EvidenceFocus | null = null) => {
    target.current = s;
    try {
      accept(await api.call('meetings.navigate', { id: meeting.id, agendaIndex: s.agendaIndex, topic: s.topic, evidence }));
      if (target.current === s) target.current = null;
      setNavError(null);
    } catch (err) {
      target.current = null;
      setNavError(problemLine(err, '未能切换投屏内容'));
    }
  };

  const move = (d: 1 | -1) => {
    const cur = target.current ?? (pos ? { agendaIndex: pos.agendaIndex, topic: pos.topic } : null);
    const i = cur ? stepIndex(all, cur) : -1;
    const next = all[i + d];
    if (next) void navigate(next);
  };
  usePresenterKeys(running, move);

  const shown = pos ? stepIndex(all, pos) : -1;
  const here = shown;
  const next = all[shown + 1];
  const item = meeting.agenda[caseIndex];
  // The case being recorded: the notes belong to it (the recorder may complete another case's record).
  const recorded = meeting.agenda[recordCase] ?? item;
  const recordedIndex = meeting.agenda[recordCase] ? recordCase : caseIndex;
  const many = meeting.agenda.length > 1;

  return (
    <div className="mt-presenter" data-testid="presenter">
      <aside className="mt-presenter-nav">
        <AgendaNav meeting={meeting} at={pos} disabled={!running} onJump={(i, t) => void navigate({ agendaIndex: i, topic: t })} />
      </aside>
      <section className="mt-presenter-main" aria-label="演示">
        <div className="mt-preview-head">
          <span className="mt-label-inline">观众所见</span>
          <span className="small muted">{audience.view && audience.view.revision === meeting.revision ? '与投屏同步' : '正在同步…'}</span>
          <span className="spacer" />
          <span className="small muted num" data-testid="presenter-position">
            {pos ? `${shown + 1} / ${all.length}　${stepLabel(pos, meeting.agenda.length)}` : '—'}
          </span>
        </div>
        <div className="mt-preview" data-testid="presenter-preview">
          {audience.view ? (
            <Stage label="投屏画面预览">
              <AudienceSlide view={audience.view} />
            </Stage>
          ) : (
            <div className="mt-preview-empty small muted">{audience.error ?? '正在读取投屏画面…'}</div>
          )}
        </div>
        <div className="mt-controls">
          <Button icon={<LeftOutlined />} disabled={!running || here <= 0} onClick={() => move(-1)} data-testid="nav-prev">
            上一项
          </Button>
          <div className="mt-next" data-testid="presenter-next">
            {next ? (
              <>
                <span className="muted small">下一项</span> {stepLabel(next, meeting.agenda.length)}
                {next.agendaIndex !== caseIndex && <span className="small muted">（{meeting.agenda[next.agendaIndex]?.caseNumber}）</span>}
              </>
            ) : (
              <span className="muted small">已是最后一项{running ? '；各案件形成结论后即可结束会议' : ''}</span>
            )}
          </div>
          <Button type="primary" disabled={!running || here >= all.length - 1} onClick={() => move(1)} data-testid="nav-next">
            下一项 <RightOutlined />
          </Button>
        </div>
        <p className="small muted mt-keys">
          <ShortcutKeys id="meetingNext" /> 下一项 · <ShortcutKeys id="meetingPrev" /> 上一项 · 点左侧议程跳到任一项
        </p>
        {navError && <Alert type="error" showIcon title={navError} closable onClose={() => setNavError(null)} data-testid="nav-error" />}
        {item && recorded && (
          <Tabs
            size="small"
            activeKey={tab}
            onChange={(k) => setTab(k as 'notes' | 'evidence')}
            onTabClick={(k) => k === 'evidence' && tab === 'evidence' && setShownEvidence((n) => n + 1)}
            className="mt-presenter-tabs"
            items={[
              {
                key: 'notes',
                label: many ? `讨论情况 · 第 ${recordedIndex + 1} 案` : '讨论情况',
                children: (
                  <NotesEditor
                    key={recorded.caseId}
                    meetingId={meeting.id}
                    item={recorded}
                    number={many ? recordedIndex + 1 : null}
                    onScreen={many && recordedIndex !== caseIndex ? caseIndex + 1 : null}
                    readOnly={readOnly}
                  />
                ),
              },
              {
                key: 'evidence',
                label: many ? `关键证据 · 第 ${caseIndex + 1} 案` : '关键证据',
                children: (
                  <EvidencePicker
                    caseId={item.caseId}
                    focus={pos?.topic === 'evidence' ? pos.evidence : null}
                    disabled={!running}
                    version={shownEvidence}
                    onShow={(f) => navigate({ agendaIndex: caseIndex, topic: 'evidence' }, f)}
                  />
                ),
              },
            ]}
          />
        )}
      </section>
      <aside className="mt-presenter-record">
        <RecordingPanel meeting={meeting} caseIndex={recordCase} onCase={setRecordCase} readOnly={readOnly} accept={accept} />
      </aside>
    </div>
  );
}
