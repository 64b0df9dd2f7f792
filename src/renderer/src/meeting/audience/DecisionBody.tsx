// 待决事项: what the heads are asked to decide, the options, and — once decided — the conclusion.
import type { DecisionSlide } from '../../../../shared/meeting/slides';

export function DecisionBody({ slide }: { slide: DecisionSlide }) {
  return (
    <div className="au-decision">
      <ul className="au-questions">
        {slide.questions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ul>
      {slide.conclusion ? (
        <section className="au-box au-outcome" aria-label="会议结论">
          <h3>集体讨论结论</h3>
          <p>{slide.conclusion}</p>
        </section>
      ) : (
        <ol className="au-options">
          {slide.options.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
