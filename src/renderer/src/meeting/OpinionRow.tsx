// One attendee's opinion on one case, entered by the recorder: 同意 / 不同意法制审核意见 (what is
// agreed is named: OPINION_KIND_LABEL) or 补充意见, and the words. 同意 is saved on the click;
// the others once they say something (2+ characters). A
// misrecorded opinion is cleared with 清除 (it then no longer counts toward the quorum). The words
// are counted against the record's limit instead of a paste being cut short silently.
import { useState } from 'react';
import { Button, Input, Popconfirm, Radio, Tag } from 'antd';
import { ApiFailure } from '../../../shared/api/result';
import { ATTENDEE_ROLE_LABEL, OPINION_KIND_LABEL, OPINION_TEXT_MAX, type Attendee, type AttendeeOpinion, type Meeting, type OpinionKind } from '../../../shared/meeting/schema';
import { api } from '../api';
import { problemLine } from './errors';
import { clock, OPINION_TONE, opinionLength, opinionLengthNote } from './labels';
import { statusText, useAutosave } from '../lib/useAutosave';

const KINDS: OpinionKind[] = ['同意', '不同意', '补充意见'];

interface Props {
  meetingId: string;
  caseId: string;
  attendee: Attendee;
  saved: AttendeeOpinion | undefined;
  readOnly: boolean;
  roleNote: string | null;
  /** The meeting as a clearing left it. */
  onChange: (m: Meeting) => void;
}

export function OpinionRow({ meetingId, caseId, attendee, saved, readOnly, roleNote, onChange }: Props) {
  const [kind, setKind] = useState<OpinionKind | null>(saved?.kind ?? null);
  const [text, setText] = useState(saved?.text ?? '');
  const [clearing, setClearing] = useState(false);
  const [clearError, setClearError] = useState<string | null>(null);
  const save = useAutosave<{ kind: OpinionKind; text: string }>(async (opinion) => {
    await api.call('meetings.recordOpinion', { id: meetingId, caseId, attendeeId: attendee.id, opinion });
  }, { delay: 800, describe: problemLine });
  const needsText = kind !== null && kind !== '同意' && text.trim().length < 2;
  const lengthNote = opinionLengthNote(text);
  const tooLong = opinionLength(text) > OPINION_TEXT_MAX;

  const change = (k: OpinionKind | null, t: string) => {
    setKind(k);
    setText(t);
    setClearError(null);
    if (k && (k === '同意' || t.trim().length >= 2) && opinionLength(t) <= OPINION_TEXT_MAX) save.schedule({ kind: k, text: t.trim() });
  };

  const clear = async () => {
    setClearing(true);
    setClearError(null);
    // What is still waiting to be saved is dropped, not saved and then cleared.
    await save.cancel();
    try {
      onChange(await api.call('meetings.clearOpinion', { id: meetingId, caseId, attendeeId: attendee.id }));
    } catch (err) {
      // Nothing recorded yet (only chosen here): clearing the choice is all there is to do.
      if (!(err instanceof ApiFailure && err.error.code === 'not_found')) {
        setClearError(problemLine(err, '未能清除，请稍后重试'));
        setClearing(false);
        return;
      }
    }
    setKind(null);
    setText('');
    setClearing(false);
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
          {save.status.kind === 'idle' || (save.status.kind === 'saved' && saved) ? (saved ? `已记录：${OPINION_KIND_LABEL[saved.kind]} ${clock(saved.recordedAt)}` : '未发表意见') : statusText(save.status)}
        </span>
        {!readOnly && (saved || kind !== null) && (
          <Popconfirm
            title={`清除${attendee.name}的意见？`}
            description={saved && attendee.role === 'member' ? '清除后不再计入对本案发表意见的负责人人数。' : undefined}
            okText="清除"
            cancelText="取消"
            onConfirm={() => void clear()}
          >
            <Button type="link" size="small" loading={clearing} aria-label={`清除${attendee.name}的意见`} data-testid="opinion-clear">
              清除
            </Button>
          </Popconfirm>
        )}
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
        options={KINDS.map((k) => ({ value: k, label: OPINION_KIND_LABEL[k] }))}
        aria-label={`${attendee.name}的意见`}
        data-testid="opinion-kind"
      />
      {kind !== null && (
        <Input.TextArea
          value={text}
          readOnly={readOnly}
          autoSize={{ minRows: 1, maxRows: 5 }}
          // Counted, not cut: a longer paste stays visible and is flagged until shortened. The count
          // shows only near the limit: six rows of "0 / 5000" would be noise on the recorder's panel.
          count={{ show: opinionLength(text) >= OPINION_TEXT_MAX * 0.9, max: OPINION_TEXT_MAX, strategy: opinionLength }}
          placeholder={kind === '同意' ? '（可补充说明）' : `请写明${kind === '不同意' ? '不同意法制审核意见的理由' : '补充的意见'}`}
          status={tooLong ? 'error' : needsText ? 'warning' : undefined}
          onChange={(e) => change(kind, e.target.value)}
          onBlur={() => void save.flush()}
          aria-label={`${attendee.name}的意见内容`}
          data-testid="opinion-text"
        />
      )}
      {needsText && <span className="small t-warn">“{OPINION_KIND_LABEL[kind]}”须写明具体意见后才会记录</span>}
      {lengthNote && (
        <span className={`small ${tooLong ? 't-fail' : 't-warn'}`} role={tooLong ? 'alert' : undefined} data-testid="opinion-length">
          {lengthNote}
        </span>
      )}
      {clearError && (
        <span className="small t-fail" role="alert" data-testid="opinion-clear-error">
          {clearError}
        </span>
      )}
    </li>
  );
}
