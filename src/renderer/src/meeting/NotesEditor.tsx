// 讨论情况: the recorder's account of the discussion of one case, saved as typed (recordNotes).
import { useState } from 'react';
import { Input } from 'antd';
import type { MeetingCase } from '../../../shared/meeting/schema';
import { api } from '../api';
import { statusText, useAutosave } from '../lib/useAutosave';
import { problemLine } from './errors';

interface Props {
  meetingId: string;
  item: MeetingCase;
  readOnly: boolean;
}

/** Mounted per case (key = caseId): the text starts from what is saved and is then the editor's own. */
export function NotesEditor({ meetingId, item, readOnly }: Props) {
  const [text, setText] = useState(item.notes);
  const save = useAutosave<string>(async (notes) => {
    await api.call('meetings.recordNotes', { id: meetingId, caseId: item.caseId, notes });
  }, { describe: problemLine });
  return (
    <div className="mt-notes" data-testid="notes">
      <label className="mt-label" htmlFor={`notes-${item.caseId}`}>
        <span className="sr-only">讨论情况</span>
        <span className="small muted">{item.caseNumber}</span>
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
