// 法制审核意见: the conclusion (同意 / 建议纠正 / …), the opinion text, and the points found to have problems.
import type { ReviewSlide } from '../../../../shared/meeting/slides';

export function ReviewBody({ slide }: { slide: ReviewSlide }) {
  const agrees = slide.opinionType === '同意';
  return (
    <div className="au-review">
      <p className="au-verdict">
        <span className="au-verdict-label">审核结论</span>
        <strong className={agrees ? 'is-ok' : 'is-warn'}>{slide.opinionType}</strong>
      </p>
      <p className="au-para au-opinion">{slide.opinionText}</p>
      <p className="au-meta">{slide.summary}</p>
      {slide.problems.length > 0 && (
        <ul className="au-problems">
          {slide.problems.map((p) => (
            <li key={p.point}>
              <span className="au-point">{p.point}</span>
              <span className="au-problem-title">{p.title}</span>
              {p.note && <span className="au-problem-note">{p.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
