// One line: 线索 → 立案 → 调查终结 → 告知 → 陈述申辩 → 听证 → 送审, each with its date.
// The year is written once (and again only when it changes) to keep the line short.
import type { TimelineStep } from '../../../shared/api/cases';

function shortDates(steps: readonly TimelineStep[]): (string | null)[] {
  let year: string | null = null;
  return steps.map((s) => {
    if (!s.date) return null;
    const y = s.date.slice(0, 4);
    const text = y === year ? s.date.slice(5) : s.date;
    year = y;
    return text;
  });
}

export function ProcedureTimeline({ steps }: { steps: TimelineStep[] }) {
  const dates = shortDates(steps);
  return (
    <ol className="timeline" aria-label="办案程序时间线" data-testid="procedure-timeline">
      {steps.map((s, i) => (
        <li key={s.key} className={s.date ? 'done' : 'missing'} title={[s.label, s.date ?? '无', s.note ?? ''].filter(Boolean).join('  ')}>
          <span className="step-label">{s.label}</span>
          <span className="step-date num">{dates[i] ?? '—'}</span>
          {s.note && <span className="step-note">{s.note}</span>}
        </li>
      ))}
    </ol>
  );
}
