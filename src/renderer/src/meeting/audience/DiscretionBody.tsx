// 裁量分析: the range bar (statutory minimum and maximum, the bands, this fine, similar cases); then,
// side by side, the article, range and model it comes from with this fine's place in it, and the
// discretion level stated in the case with its factors.
import { formatYuanText } from '../../../../shared/format/money';
import type { DiscretionSlide } from '../../../../shared/meeting/slides';
import { RangeBar } from './RangeBar';
import { distinctFactors } from './text';

const SIMILAR_SHOWN = 4;

export function DiscretionBody({ slide }: { slide: DiscretionSlide }) {
  const drawable = slide.available && slide.minFen !== null && slide.maxFen !== null;
  const factors = distinctFactors(slide.factors, drawable);
  return (
    <div className="au-discretion">
      {drawable ? (
        <RangeBar minFen={slide.minFen!} maxFen={slide.maxFen!} bands={slide.bands} caseFen={slide.caseFen} similar={slide.similar} />
      ) : (
        <p className="au-callout">{slide.note ?? '本案无可比较的罚款幅度'}</p>
      )}
      <div className="au-disc-cols">
        <dl className="au-fields au-fields-tight">
          {slide.article && (
            <div className="au-field">
              <dt>处罚依据</dt>
              <dd>{slide.article}</dd>
            </div>
          )}
          {slide.rangeText && (
            <div className="au-field">
              <dt>法定幅度</dt>
              <dd className="au-small">{slide.rangeText}</dd>
            </div>
          )}
          {slide.caseFen !== null && (
            <div className="au-field">
              <dt>本案拟罚款</dt>
              <dd>
                <strong className="num">{formatYuanText(slide.caseFen)}</strong>
                {slide.position && <span className="num">（幅度的 {slide.position}）</span>}
                {drawable && slide.note && <div className="au-warn-text">{slide.note}</div>}
              </dd>
            </div>
          )}
          {slide.model && (
            <div className="au-field">
              <dt>裁量模式</dt>
              <dd className="au-small">{slide.model}</dd>
            </div>
          )}
          {slide.similar.length > 0 && (
            <div className="au-field">
              <dt>同类案件</dt>
              <dd className="au-small num">
                {slide.similar
                  .slice(0, SIMILAR_SHOWN)
                  .map((s) => `${s.caseNumber} ${formatYuanText(s.fineFen)}`)
                  .join('；')}
                {slide.similar.length > SIMILAR_SHOWN && ` 等 ${slide.similar.length} 件`}
              </dd>
            </div>
          )}
        </dl>
        <section className="au-disc-factors" aria-label="裁量情节">
          <h3>
            裁量情节：<strong>{slide.statedLevel}</strong>
          </h3>
          {factors.length > 0 && (
            <ul className="au-list">
              {factors.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
