// The whole audience screen on the 1920×1080 canvas: a slim agenda progress strip, the topic as the
// heading, one topic's content, and a footer (case number · topic i/N · meeting title). Before the
// start and after the end it shows the meeting and its agenda instead. Nothing is interactive.
import type { AudienceView, TopicSlide } from '../../../../shared/meeting/slides';
import { DecisionBody } from './DecisionBody';
import { DiscretionBody } from './DiscretionBody';
import { EvidenceBody } from './EvidenceBody';
import { FactsBody } from './FactsBody';
import { ReviewBody } from './ReviewBody';
import { SummaryBody } from './SummaryBody';
import { TimelineBody } from './TimelineBody';
import { useFit } from './useFit';
import './audience.css';

function Body({ slide }: { slide: TopicSlide }) {
  switch (slide.topic) {
    case 'summary':
      return <SummaryBody slide={slide} />;
    case 'timeline':
      return <TimelineBody slide={slide} />;
    case 'facts':
      return <FactsBody slide={slide} />;
    case 'evidence':
      return <EvidenceBody slide={slide} />;
    case 'review':
      return <ReviewBody slide={slide} />;
    case 'discretion':
      return <DiscretionBody slide={slide} />;
    case 'decision':
      return <DecisionBody slide={slide} />;
  }
}

function Progress({ view }: { view: AudienceView }) {
  const cur = view.current;
  return (
    <div className="au-progress" aria-hidden>
      {view.agenda.map((a) => (
        <div key={a.index} className="au-progress-case">
          {Array.from({ length: cur?.topicCount ?? 7 }, (_, t) => {
            const done = a.concluded || (cur !== null && (a.index < cur.agendaIndex || (a.index === cur.agendaIndex && t < cur.topicNumber - 1)));
            const here = cur !== null && a.index === cur.agendaIndex && t === cur.topicNumber - 1;
            return <span key={t} className={here ? 'is-here' : done ? 'is-done' : undefined} />;
          })}
        </div>
      ))}
    </div>
  );
}

function Waiting({ view }: { view: AudienceView }) {
  return (
    <div className="au-waiting">
      <h1 className="au-waiting-title">{view.title}</h1>
      {view.banner && <p className="au-banner">{view.banner}</p>}
      <ol className="au-agenda">
        {view.agenda.map((a) => (
          <li key={a.index} className={a.concluded ? 'is-concluded' : undefined}>
            <span className="au-agenda-no num">{a.index + 1}</span>
            <span className="au-agenda-name">{a.caseName}</span>
            <span className="au-agenda-number num">{a.caseNumber}</span>
            {a.concluded && <span className="au-agenda-done">已形成结论</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

export function AudienceSlide({ view }: { view: AudienceView }) {
  const cur = view.current;
  const fit = useFit<HTMLDivElement>([view.revision, cur?.topic, cur?.agendaIndex, view.meetingId]);
  const item = cur ? view.agenda[cur.agendaIndex] : undefined;
  return (
    <div
      className="au-screen"
      data-testid="audience-screen"
      data-state={view.state}
      data-revision={view.revision}
      data-case-index={cur?.agendaIndex ?? ''}
      data-topic={cur?.topic ?? ''}
      lang="zh-CN"
    >
      <Progress view={view} />
      {cur && item ? (
        <>
          <header className="au-head">
            <h1 className="au-topic">{cur.topicLabel}</h1>
            <span className="au-head-case">
              第 {cur.agendaIndex + 1} 案<span className="au-of">／共 {view.agenda.length} 案</span>
            </span>
          </header>
          <div ref={fit.ref} className={`au-body topic-${cur.topic}${fit.overflow ? ' is-cut' : ''}`}>
            <Body slide={cur.slide} />
          </div>
          <footer className="au-foot">
            <span className="au-foot-case num">{item.caseNumber}</span>
            <span className="au-foot-topic num">
              {cur.topicNumber} / {cur.topicCount}　{cur.topicLabel}
            </span>
            <span className="au-foot-title">{view.title}</span>
          </footer>
        </>
      ) : (
        <Waiting view={view} />
      )}
    </div>
  );
}
