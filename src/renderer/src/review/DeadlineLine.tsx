// 审核时限: working days left (red ≤ 2, amber ≤ 4, 超期 when past), the due date, and on request the
// computation ("收件 … + 10 个工作日 = …") with any calendar warning.
import { useState } from 'react';
import { WarningFilled } from '@ant-design/icons';
import type { ReviewDeadline } from '../../../shared/api/review';
import { RemainingLong } from '../queue/RemainingDays';
import { UnitText } from './unitText';

function tone(remaining: number): string {
  if (remaining <= 2) return 't-fail';
  if (remaining <= 4) return 't-warn';
  return '';
}

export function DeadlineLine({ deadline: d, concluded = false }: { deadline: ReviewDeadline; concluded?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="rv-deadline" data-testid="review-deadline">
      <div className="rv-line">
        <span className="rv-meta-label">审核时限</span>
        {/* Concluded: no time is running any more, so no red alarm. */}
        <strong className={`num ${concluded ? 'muted' : tone(d.remaining)}`} data-testid="review-remaining">
          {concluded ? '本轮已作出结论' : <RemainingLong left={d.remaining} includesToday={d.includesToday} />}
        </strong>
        <span className="muted small num">截止 {d.dueOn}</span>
        {d.warnings.length > 0 && <WarningFilled className="t-warn" role="img" aria-label={d.warnings.join('；')} title={d.warnings.join('；')} />}
        <span className="spacer" />
        <button type="button" className="rv-link" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="deadline-computation-toggle">
          {open ? '收起计算' : '计算过程'}
        </button>
      </div>
      {open && (
        <div className="rv-computation num" data-testid="deadline-computation">
          {d.computation.split('；').map((s, i) => (
            <div key={i}>
              <UnitText text={s} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
