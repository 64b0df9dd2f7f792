// 办案经过: the procedure steps on one horizontal line (date, step, computed note), then the notes
// on deadlines (review period, extensions, periods not counted).
import type { TimelineSlide } from '../../../../shared/meeting/slides';

export function TimelineBody({ slide }: { slide: TimelineSlide }) {
  return (
    <div className="au-timeline">
      <ol className="au-steps" style={{ gridTemplateColumns: `repeat(${Math.max(1, slide.steps.length)}, 1fr)` }}>
        {slide.steps.map((s, i) => (
          <li key={`${i}-${s.label}`} className={s.date ? 'is-done' : 'is-open'}>
            <span className="au-step-date num">{s.date ?? '—'}</span>
            <span className="au-step-dot" aria-hidden />
            <span className="au-step-label">{s.label}</span>
            {s.note && <span className="au-step-note">{s.note}</span>}
          </li>
        ))}
      </ol>
      {slide.notes.length > 0 && (
        <ul className="au-list au-notes">
          {slide.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
