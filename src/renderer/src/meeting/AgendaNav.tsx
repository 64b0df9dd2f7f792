// The agenda as the presenter walks it: each case with its seven topics; the topic on screen is
// marked, a click shows any topic. Concluded cases carry a tick.
import { CheckOutlined } from '@ant-design/icons';
import { TOPIC_LABEL, TOPICS, type Meeting, type Topic } from '../../../shared/meeting/schema';

interface Props {
  meeting: Meeting;
  at: { agendaIndex: number; topic: Topic } | null;
  disabled: boolean;
  onJump: (agendaIndex: number, topic: Topic) => void;
}

export function AgendaNav({ meeting, at, disabled, onJump }: Props) {
  return (
    <nav className="mt-nav" aria-label="议程" data-testid="agenda-nav">
      <ol>
        {meeting.agenda.map((c, i) => (
          <li key={c.caseId} className={at?.agendaIndex === i ? 'is-current' : undefined}>
            <div className="mt-nav-case">
              <span className="mt-nav-no num">{i + 1}</span>
              <span className="mt-nav-name" title={c.name}>
                {c.name}
              </span>
              {c.conclusion && <CheckOutlined className="t-ok" aria-label="已形成结论" />}
            </div>
            <div className="mt-nav-number small muted num">{c.caseNumber}</div>
            <ol className="mt-nav-topics">
              {TOPICS.map((t, ti) => {
                const here = at?.agendaIndex === i && at.topic === t;
                return (
                  <li key={t}>
                    <button type="button" className={here ? 'is-here' : undefined} aria-current={here ? 'step' : undefined} disabled={disabled} onClick={() => onJump(i, t)} data-testid={`nav-${i}-${t}`}>
                      <span className="num muted">{ti + 1}</span> {TOPIC_LABEL[t]}
                    </button>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}
