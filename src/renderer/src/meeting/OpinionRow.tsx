// One attendee's opinion on one case, entered by the recorder: 同意 / 不同意 / 补充意见 and the
// words. 同意 is saved on the click; the others once they say something (2+ characters).
import { useState } from 'react';
import { Input, Radio, Tag } from 'antd';
import { ATTENDEE_ROLE_LABEL, type Attendee, type AttendeeOpinion, type OpinionKind } from '../../../shared/meeting/schema';
import { api } from '../api';
import { clock, OPINION_TONE } from './labels';
import { statusText, useAutosave } from './useAutosave';

const KINDS: OpinionKind[] = ['同意', '不同意', '补充意见'];

interface Props {
  meetingId: string;
  caseId: string;
  attendee: Attendee;
  saved: AttendeeOpinion | undefined;
  readOnly: boolean;
  roleNote: string | null;
}

export function OpinionRow({ meetingId, caseId, attendee, saved, readOnly, roleNote }: Props) {
  const [kind, setKind] = useState<OpinionKind | null>(saved?.kind ?? null);
  const [text, setText] = useState(saved?.text ?? '');
  const save = useAutosave<{ kind: OpinionKind; text: string }>(async (opinion) => {
    await api.call('meetings.recordOpinion', { id: meetingId, caseId, attendeeId: attendee.id, opinion });
  }, 800);
  const needsText = kind !== null && kind !== '同意' && text.trim().length < 2;

  const change = (k: OpinionKind | null, t: string) => {
    setKind(k);
    setText(t);
    if (k && (k === '同意' || t.trim().length >= 2)) save.schedule({ kind: k, text: t.trim() });
  };

  return (
    <li className={`mt-op${attendee.role === 'observer' ? ' is-observer' : ''}`} data-testid="opinion-row" data-attendee={attendee.name} data-kind={saved?.kind ?? ''}>
      <div className="mt-op-who">
        <strong>{attendee.name}</strong>
        <span className="muted small">{attendee.post}</span>
        {attendee.role === 'observer' && <Tag className="mt-tag-sm">{ATTENDEE_ROLE_LABEL.observer}</Tag>}
        {roleNote && <span className="muted small">{roleNote}</span>}
        <span className="spacer" />
        <span className={`small ${save.status.kind === 'error' ? 't-fail' : saved ? OPINION_TONE[saved.kind] : 'muted'}`} role="status" data-testid="opinion-status">
          {save.status.kind === 'idle' || (save.status.kind === 'saved' && saved) ? (saved ? `已记录：${saved.kind} ${clock(saved.recordedAt)}` : '未发表意见') : statusText(save.status)}
        </span>
      </div>
      <Radio.Group
        size="small"
        optionType="button"
        value={kind}
        disabled={readOnly}
        onChange={(e) => {
          const k = e.target.value as OpinionKind;
          change(k, text);
          if (k === '同意') void save.flush();
        }}
        options={KINDS.map((k) => ({ value: k, label: k }))}
        aria-label={`${attendee.name}的意见`}
        data-testid="opinion-kind"
      />
      {kind !== null && (
        <Input.TextArea
          value={text}
          readOnly={readOnly}
          autoSize={{ minRows: 1, maxRows: 5 }}
          maxLength={5000}
          placeholder={kind === '同意' ? '（可补充说明）' : `请写明${kind === '不同意' ? '不同意的理由' : '补充的意见'}`}
          status={needsText ? 'warning' : undefined}
          onChange={(e) => change(kind, e.target.value)}
          onBlur={() => void save.flush()}
          aria-label={`${attendee.name}的意见内容`}
          data-testid="opinion-text"
        />
      )}
      {needsText && <span className="small t-warn">“{kind}”须写明具体意见后才会记录</span>}
    </li>
  );
}
