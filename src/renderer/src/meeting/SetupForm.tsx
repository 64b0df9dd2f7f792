// 会议设置 (a draft): title, date, place, attendees and roles, the agenda of reviewed cases and the
// quorum rule. Checked here with the contract's own schema (same zh-CN messages as the back end,
// shown on the fields), then saved; what only the back end knows (a case not concluded, a case in
// another running meeting, too few heads to start) comes back as its message above the buttons.
import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Popconfirm } from 'antd';
import { CaretRightOutlined, DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { formatDateCn } from '../../../shared/format/date';
import { distinctMembers } from '../../../shared/meeting/people';
import { DEFAULT_QUORUM } from '../../../shared/meeting/quorum';
import { MeetingSetupInput, type AttendeeRole, type Meeting } from '../../../shared/meeting/schema';
import { api } from '../api';
import { AgendaPicker } from './AgendaPicker';
import { AttendeesEditor } from './AttendeesEditor';
import { FIX_MARKED_FIELDS, meetingProblem, type FieldProblem, type MeetingProblem } from './errors';
import { QuorumFields, type QuorumValues } from './QuorumFields';
import { QUORUM_PRESETS, presetOf } from './quorumPresets';
import { go, meetingHref, meetingsHref } from './route';

interface Values {
  title: string;
  date: string;
  place: string;
  attendees: { name: string; post: string; role: AttendeeRole }[];
  host?: string;
  reporter?: string;
  recorder?: string;
  agenda: string[];
  quorum: QuorumValues;
}

function quorumValues(q = DEFAULT_QUORUM): QuorumValues {
  const preset = presetOf(q.fraction);
  return { headCount: q.headCount, preset, numerator: q.fraction.numerator, denominator: q.fraction.denominator, moreThan: q.fraction.moreThan, minMembers: q.minMembers, source: q.source };
}

function valuesOf(m: Meeting): Values {
  return {
    title: m.title,
    date: m.date,
    place: m.place,
    attendees: m.attendees.map((a) => ({ name: a.name, post: a.post, role: a.role })),
    host: m.host.name,
    reporter: m.reporter.name,
    recorder: m.recorder.name,
    agenda: m.agenda.map((a) => a.caseId),
    quorum: quorumValues(m.quorum),
  };
}

function setupOf(v: Values): unknown {
  const q = v.quorum;
  const fraction = q.preset === 'custom' ? { numerator: q.numerator, denominator: q.denominator, moreThan: q.moreThan } : QUORUM_PRESETS[q.preset].fraction;
  return {
    title: v.title ?? '',
    date: v.date ?? '',
    place: v.place ?? '',
    host: (v.host ?? '').trim(),
    reporter: (v.reporter ?? '').trim(),
    recorder: (v.recorder ?? '').trim(),
    attendees: (v.attendees ?? []).map((a) => ({ name: (a?.name ?? '').trim(), post: (a?.post ?? '').trim(), role: a?.role ?? 'member' })),
    agenda: v.agenda ?? [],
    quorum: { headCount: q.headCount, fraction, minMembers: q.minMembers, source: q.source },
  };
}

/** Where a problem of the set-up is shown on the form (the fraction lives in the preset select). */
function fieldName(path: (string | number)[]): (string | number)[] | null {
  const [head, a, b] = path;
  if (head === 'quorum') return a === 'fraction' ? ['quorum', 'preset'] : a === undefined ? null : ['quorum', a];
  if (head === 'attendees') return typeof a === 'number' && typeof b === 'string' ? ['attendees', a, b] : null;
  if (head === 'agenda') return ['agenda'];
  if (head === 'title' || head === 'date' || head === 'place' || head === 'host' || head === 'reporter' || head === 'recorder') return [head];
  return null;
}

interface Props {
  meeting: Meeting | null;
  onSaved: (m: Meeting) => void;
}

export function SetupForm({ meeting, onSaved }: Props) {
  const { message, modal } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<MeetingProblem | null>(null);
  const [busy, setBusy] = useState<'save' | 'start' | 'delete' | null>(null);
  const [dirty, setDirty] = useState(meeting === null);
  const attendees = Form.useWatch('attendees', form) ?? [];
  // Each person once: a name entered twice is flagged on its row and does not count twice.
  const members = distinctMembers(attendees);

  // A new meeting starts from today's date and the reviewer (汇报人, 列席), when known.
  useEffect(() => {
    if (meeting) return;
    void Promise.all([api.call('app.info', {}).catch(() => null), api.call('settings.getReviewer', {}).catch(() => null)]).then(([info, reviewer]) => {
      if (info && !form.getFieldValue('date')) form.setFieldValue('date', info.today);
      if (reviewer && !form.isFieldTouched('attendees')) {
        form.setFieldValue('attendees', [{ name: '', post: '', role: 'member' }, { name: reviewer.name, post: '法制审核人员', role: 'observer' }]);
        form.setFieldValue('reporter', reviewer.name);
      }
    });
  }, [meeting, form]);

  const showFields = (fields: FieldProblem[]): FieldProblem[] => {
    const rest: FieldProblem[] = [];
    const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
    for (const f of fields) {
      const name = fieldName(f.path);
      if (!name) {
        rest.push(f);
        continue;
      }
      const key = name.join('.');
      const entry = byName.get(key) ?? { name, errors: [] };
      entry.errors.push(f.message);
      byName.set(key, entry);
    }
    // Paths come from the schema's issues, so they are the form's own field names.
    form.setFields([...byName.values()] as Parameters<typeof form.setFields>[0]);
    return rest;
  };

  /** Saves the set-up; null when it was refused (the reasons are on the form). */
  const save = async (): Promise<Meeting | null> => {
    setProblem(null);
    const parsed = MeetingSetupInput.safeParse(setupOf(form.getFieldsValue(true) as Values));
    if (!parsed.success) {
      const rest = showFields(parsed.error.issues.map((i) => ({ path: i.path.filter((p): p is string | number => typeof p !== 'symbol'), message: i.message })));
      setProblem({ text: FIX_MARKED_FIELDS, lines: rest.map((r) => r.message), fields: [] });
      return null;
    }
    try {
      const m = meeting ? await api.call('meetings.update', { id: meeting.id, setup: parsed.data }) : await api.call('meetings.create', parsed.data);
      setDirty(false);
      onSaved(m);
      return m;
    } catch (err) {
      const p = meetingProblem(err, '会议未能保存，请稍后重试');
      const rest = showFields(p.fields);
      setProblem({ ...p, lines: [...p.lines, ...rest.map((r) => r.message)] });
      return null;
    }
  };

  const onSave = async () => {
    setBusy('save');
    const m = await save();
    setBusy(null);
    if (!m) return;
    message.success(meeting ? '会议设置已保存' : '会议已创建');
    if (!meeting) go(meetingHref(m.id));
  };

  /**
   * A meeting is started on the day it is held. Dated another day, the secretary is asked: start
   * today with the meeting re-dated to today (the minutes state the day it was held), or not now.
   */
  const confirmDate = async (date: string): Promise<{ onDate?: string } | null> => {
    const info = await api.call('app.info', {}).catch(() => null);
    if (!info || info.today === date) return {};
    const yes = await new Promise<boolean>((resolve) =>
      modal.confirm({
        title: '会议日期不是今天',
        content: `会议日期是${formatDateCn(date)}，今天是${formatDateCn(info.today)}。集体讨论记录按实际召开的日期记载：现在开始，会议日期将改为今天（${formatDateCn(info.today)}）。如会议不在今天召开，请取消，到会议当天再开始。`,
        okText: '改为今天并开始',
        cancelText: '取消',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      }),
    );
    return yes ? { onDate: info.today } : null;
  };

  const onStart = async () => {
    setBusy('start');
    const m = dirty || !meeting ? await save() : meeting;
    if (!m) return setBusy(null);
    try {
      const date = await confirmDate(m.date);
      if (!date) {
        if (!meeting) go(meetingHref(m.id));
        return;
      }
      const started = await api.call('meetings.start', { id: m.id, ...date });
      if (started.date !== m.date) message.info(`会议日期已改为实际召开的日期：${formatDateCn(started.date)}`);
      onSaved(started);
      if (!meeting) go(meetingHref(m.id));
    } catch (err) {
      setProblem(meetingProblem(err, '会议未能开始，请稍后重试'));
    } finally {
      setBusy(null);
    }
  };

  const onDelete = async () => {
    if (!meeting) return;
    setBusy('delete');
    try {
      await api.call('meetings.delete', { id: meeting.id });
      message.success('已删除会议草稿');
      go(meetingsHref);
    } catch (err) {
      setProblem(meetingProblem(err, '未能删除'));
      setBusy(null);
    }
  };

  const initial: Partial<Values> = meeting ? valuesOf(meeting) : { title: '', place: '', attendees: [{ name: '', post: '', role: 'member' }], agenda: [], quorum: quorumValues() };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      size="small"
      className="mt-setup"
      initialValues={initial}
      onValuesChange={() => {
        setDirty(true);
        // The message was about the last attempt; the fields keep their own until corrected.
        setProblem(null);
      }}
      requiredMark={false}
      data-testid="meeting-setup"
      onFinish={() => void onSave()}
    >
      <div className="mt-setup-cols">
        <div className="mt-setup-col">
          <section className="mt-card" aria-labelledby="mt-s-info">
            <h3 id="mt-s-info">会议信息</h3>
            <Form.Item label="会议名称" name="title" rules={[{ required: true, message: '请填写会议名称' }]}>
              <Input placeholder="如：2026年第12次行政处罚案件集体讨论会" maxLength={100} data-testid="setup-title" />
            </Form.Item>
            <div className="mt-row2">
              <Form.Item label="日期" name="date" rules={[{ required: true, message: '请选择日期' }]}>
                <Input type="date" data-testid="setup-date" />
              </Form.Item>
              <Form.Item label="地点" name="place" rules={[{ required: true, message: '请填写会议地点' }]}>
                <Input placeholder="如：局三楼第一会议室" maxLength={100} data-testid="setup-place" />
              </Form.Item>
            </div>
          </section>
          <section className="mt-card" aria-labelledby="mt-s-people">
            <h3 id="mt-s-people">参会人员</h3>
            <AttendeesEditor />
          </section>
          <section className="mt-card" aria-labelledby="mt-s-quorum">
            <h3 id="mt-s-quorum">人数规则</h3>
            <QuorumFields members={members} />
          </section>
        </div>
        <div className="mt-setup-col">
          <section className="mt-card mt-card-grow" aria-labelledby="mt-s-agenda">
            <h3 id="mt-s-agenda">议程（讨论的案件，按顺序）</h3>
            <Form.Item name="agenda" noStyle>
              <AgendaPicker />
            </Form.Item>
            <Form.Item shouldUpdate noStyle>
              {() => {
                const errs = form.getFieldError('agenda');
                return errs.length ? <p className="small t-fail" role="alert">{errs.join('；')}</p> : null;
              }}
            </Form.Item>
          </section>
        </div>
      </div>
      <footer className="mt-setup-foot">
        {problem && (
          <Alert
            className="mt-setup-problem"
            type="error"
            showIcon
            title={problem.text}
            description={problem.lines.length ? <ul className="mt-lines">{problem.lines.map((l) => <li key={l}>{l}</li>)}</ul> : undefined}
            data-testid="setup-error"
          />
        )}
        <div className="mt-setup-actions">
          {meeting && (
            <Popconfirm title="删除这个会议草稿？" okText="删除" cancelText="取消" onConfirm={() => void onDelete()}>
              <Button danger icon={<DeleteOutlined />} loading={busy === 'delete'}>
                删除草稿
              </Button>
            </Popconfirm>
          )}
          <span className="spacer" />
          {meeting && !dirty && <span className="muted small">已保存</span>}
          <Button htmlType="submit" icon={<SaveOutlined />} loading={busy === 'save'} disabled={!dirty && meeting !== null} data-testid="setup-save">
            {meeting ? '保存设置' : '创建会议'}
          </Button>
          <Button type="primary" icon={<CaretRightOutlined />} loading={busy === 'start'} onClick={() => void onStart()} data-testid="setup-start">
            开始会议
          </Button>
        </div>
      </footer>
    </Form>
  );
}
