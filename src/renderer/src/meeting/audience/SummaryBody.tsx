// 案件概况: the case name; the parties (left) and the case's facts (right) as labelled lines; and
// what is proposed, boxed.
import type { SlideField, SummarySlide } from '../../../../shared/meeting/slides';

function Fields({ fields }: { fields: SlideField[] }) {
  return (
    <dl className="au-fields">
      {fields.map((f, i) => (
        <div key={`${i}-${f.label}`} className="au-field">
          <dt>{f.label}</dt>
          <dd className={/日期|号|代码|电话/.test(f.label) ? 'num' : undefined}>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function SummaryBody({ slide }: { slide: SummarySlide }) {
  // The party's lines come first, the case's from 案由 on.
  const at = slide.fields.findIndex((f) => f.label === '案由');
  const split = at > 0 ? at : Math.ceil(slide.fields.length / 2);
  return (
    <div className="au-summary">
      <h2 className="au-case-name">{slide.caseName}</h2>
      <div className="au-summary-cols">
        <Fields fields={slide.fields.slice(0, split)} />
        <Fields fields={slide.fields.slice(split)} />
      </div>
      {slide.penalties.length > 0 && (
        <section className="au-box" aria-label="拟处罚">
          <h3>拟处罚</h3>
          <ul className="au-list">
            {slide.penalties.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
