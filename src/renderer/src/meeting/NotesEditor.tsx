// 讨论情况: the recorder's account of the discussion of one case, saved as typed (recordNotes). The
// case is the one being recorded (RecordingPanel), named on the label, which also says when the
// shared screen shows another case.
import { useState } from 'react';
import { Input } from 'antd';
import type { MeetingCase } from '../../../shared/meeting/schema';
import { api } from '../api';
import { statusText, useAutosave } from '../lib/useAutosave';
import { problemLine } from './errors';

interface Props {
  meetingId: string;
  item: MeetingCase;
  /** Its place on the agenda (1-based), null when the agenda has one case. */
  number: number | null;
  /** The case on the shared screen (1-based) when it is another one. */
  onScreen: number | null;
  readOnly: boolean;
}

/** Mounted per case (key = caseId): the text starts from what is saved and is then the editor's own. */
export function NotesEditor({ meetingId, item, number, onScreen, readOnly }: Props) {
  const [text, setText] = useState(item.notes);
  const save = useAutosave<string>(async (notes) => {
    await api.call('meetings.recordNotes', { id: meetingId, caseId: item.caseId, notes });
  }, { describe: problemLine });
  return (
    <div className="mt-notes" data-testid="notes" data-case-id={item.caseId}>
      <label className="mt-label" htmlFor={`notes-${item.caseId}`} data-testid="notes-case">
        <span>{number === null ? '本案讨论情况' : `第 ${number} 案讨论情况`}</span>
        <span className="small muted num">{item.caseNumber}</span>
        {onScreen !== null && <span className="small t-warn">（投屏中为第 {onScreen} 案）</span>}
        <span className={`mt-save small ${save.status.kind === 'error' ? 't-fail' : 'muted'}`} role="status" data-testid="notes-status" data-state={save.status.kind}>
          {statusText(save.status)}
        </span>
      </label>
      <Input.TextArea
        id={`notes-${item.caseId}`}
        value={text}
        readOnly={readOnly}
        onChange={(e) => {
          setText(e.target.value);
          save.schedule(e.target.value);
        }}
        onBlur={() => void save.flush()}
        maxLength={50_000}
        autoSize={{ minRows: 4, maxRows: 12 }}
        placeholder="汇报要点、提问与回答、讨论中提出的问题（边讨论边记录，自动保存）"
        data-testid="notes-text"
      />
    </div>
  );
}
