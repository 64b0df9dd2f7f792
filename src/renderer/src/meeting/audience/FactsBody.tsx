// 查明的事实: the facts as found, then the provisions violated and the penalty basis.
import type { FactsSlide } from '../../../../shared/meeting/slides';

export function FactsBody({ slide }: { slide: FactsSlide }) {
  return (
    <div className="au-facts">
      {slide.paragraphs.map((p, i) => (
        <p key={i} className="au-para">
          {p}
        </p>
      ))}
      <dl className="au-fields au-basis">
        {slide.violated.length > 0 && (
          <div className="au-field">
            <dt>违反规定</dt>
            <dd>{slide.violated.join('；')}</dd>
          </div>
        )}
        {slide.legalBasis.length > 0 && (
          <div className="au-field">
            <dt>处罚依据</dt>
            <dd>{slide.legalBasis.join('；')}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
