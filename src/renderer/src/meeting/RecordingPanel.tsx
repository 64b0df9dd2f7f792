// 记录: for one agenda case, each attendee's opinion (entered by the recorder) with the count of
// heads who have spoken against the quorum, then the 结论性意见. Follows the case on screen; another
// case can be chosen to complete its record.
import { Segmented, Tag } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { evaluateQuorum } from '../../../shared/meeting/quorum';
import type { Attendee, Meeting } from '../../../shared/meeting/schema';
import { ConclusionForm } from './ConclusionForm';
import { voicedText } from './labels';
import { OpinionRow } from './OpinionRow';

interface Props {
  meeting: Meeting;
  caseIndex: number;
  onCase: (i: number) => void;
  readOnly: boolean;
  accept: (m: Meeting) => void;
}

function roleNote(m: Meeting, a: Attendee): string | null {
  const roles = [m.host.id === a.id && '主持人', m.reporter.id === a.id && '汇报人', m.recorder.id === a.id && '记录人'].filter(Boolean);
  return roles.length ? roles.join('、') : null;
}

export function RecordingPanel({ meeting, caseIndex, onCase, readOnly, accept }: Props) {
  const item = meeting.agenda[caseIndex];
  if (!item) return null;
  const people = [...meeting.attendees].sort((a, b) => Number(a.role === 'observer') - Number(b.role === 'observer'));
  const members = new Set(meeting.attendees.filter((a) => a.role === 'member').map((a) => a.id));
  const voiced = item.opinions.filter((o) => members.has(o.attendeeId)).length;
  const q = evaluateQuorum(meeting.quorum, voiced, '对本案发表意见的负责人');
  return (
    <section className="mt-record" aria-label="会议记录" data-testid="recording" data-case-id={item.caseId}>
      {meeting.agenda.length > 1 && (
        <Segmented
          size="small"
          block
          value={caseIndex}
          onChange={(v) => onCase(Number(v))}
          options={meeting.agenda.map((a, i) => ({
            value: i,
            label: (
              <span data-testid={`record-case-${i}`}>
                第 {i + 1} 案{a.conclusion && <CheckOutlined className="t-ok" aria-label="已形成结论" />}
              </span>
            ),
          }))}
        />
      )}
      <div className="mt-record-case">
        <div className="mt-record-title">{item.name}</div>
        <div className="small muted num">
          {item.caseNumber} · 第 {item.round} 轮审核 · 审核意见 <Tag className="mt-tag-sm">{item.review.type}</Tag>
        </div>
      </div>
      <div className="mt-label">
        参会人员意见
        <span className="spacer" />
        <span className={`small ${q.met ? 't-ok' : 't-warn'}`} title={q.text} data-testid="opinion-quorum" data-met={q.met}>
          {voicedText(voiced, members.size, q.required)}
        </span>
      </div>
      <ul className="mt-ops">
        {people.map((a) => (
          <OpinionRow
            key={`${item.caseId}:${a.id}`}
            meetingId={meeting.id}
            caseId={item.caseId}
            attendee={a}
            saved={item.opinions.find((o) => o.attendeeId === a.id)}
            readOnly={readOnly}
            roleNote={roleNote(meeting, a)}
            onChange={accept}
          />
        ))}
      </ul>
      <ConclusionForm key={`${item.caseId}:${item.conclusion?.concludedAt ?? ''}`} meetingId={meeting.id} item={item} readOnly={readOnly} onDone={accept} />
    </section>
  );
}
