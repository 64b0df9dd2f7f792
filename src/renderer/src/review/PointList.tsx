// P1–P10 as a vertical checklist: the automatic mark, id and title, the reviewer's decision; one point
// open at a time. 1–9 / 0 (outside text fields) open P1–P10 — see usePointKeys.
import { useEffect, useRef } from 'react';
import { LinkOutlined, FormOutlined } from '@ant-design/icons';
import type { ReviewPointId } from '../../../shared/api/evidence';
import type { PointView, PreviousRound, ResolvedCitation } from '../../../shared/api/review';
import type { FindingRef } from '../../../shared/rules/types';
import type { ReviewState } from './useReview';
import { DECISION_LABEL } from './labels';
import { pointMark } from './model';
import { SeverityIcon } from './SeverityIcon';
import { PointDetail } from './PointDetail';
import type { PointJump } from './usePointKeys';

interface Props {
  points: PointView[];
  review: ReviewState;
  editable: boolean;
  open: ReviewPointId | null;
  onOpen: (id: ReviewPointId | null) => void;
  jump: PointJump | null;
  onOpenRef: (ref: FindingRef) => void;
  onOpenCitation: (c: ResolvedCitation) => void;
  previous: PreviousRound | null;
}

function PointRow({ p, open, onToggle }: { p: PointView; open: boolean; onToggle: () => void }) {
  const mark = pointMark(p);
  const key = p.id === 'P10' ? '0' : p.id.slice(1);
  return (
    <h3 className="rv-point-h">
      <button type="button" id={`rv-point-${p.id}`} className="rv-point-row" aria-expanded={open} aria-controls={`rv-point-body-${p.id}`} onClick={onToggle} title={`${p.id} ${p.title}（快捷键 ${key}）`}>
        <SeverityIcon severity={mark.severity} overridden={mark.overridden} />
        <span className="rv-point-id num">{p.id}</span>
        <span className="rv-point-title">{p.title}</span>
        {p.note.trim() && <FormOutlined className="rv-point-hint" aria-label="有备注" role="img" />}
        {p.citations.length > 0 && (
          <span className="rv-point-hint num" aria-label={`${p.citations.length} 项引用`} role="img">
            <LinkOutlined aria-hidden />
            {p.citations.length}
          </span>
        )}
        <span className={`rv-decision-badge decision-${p.decision ?? 'none'}`} data-testid="point-decision-badge">
          {p.decision ? DECISION_LABEL[p.decision] : '待认定'}
        </span>
      </button>
    </h3>
  );
}

export function PointList({ points, review, editable, open, onOpen, jump, onOpenRef, onOpenCitation, previous }: Props) {
  const listRef = useRef<HTMLOListElement>(null);

  // A jump opens the point, then (once it is rendered) scrolls its row to the top and focuses it.
  const pending = useRef<ReviewPointId | null>(null);
  const reveal = (id: ReviewPointId) => {
    const row = listRef.current?.querySelector<HTMLElement>(`#rv-point-${id}`);
    row?.scrollIntoView({ block: 'start' });
    row?.focus({ preventScroll: true });
  };
  useEffect(() => {
    if (!jump) return;
    if (open === jump.point) reveal(jump.point);
    else {
      pending.current = jump.point;
      onOpen(jump.point);
    }
  }, [jump]);
  useEffect(() => {
    if (open && pending.current === open) {
      pending.current = null;
      reveal(open);
    }
  }, [open]);

  return (
    <ol className="rv-points" aria-label="审核要点 P1–P10" ref={listRef}>
      {points.map((p) => {
        const isOpen = open === p.id;
        return (
          <li key={p.id} className={`rv-point${isOpen ? ' is-open' : ''}`} data-testid="review-point" data-point={p.id} data-decision={p.decision ?? ''} data-worst={p.worst ?? ''}>
            <PointRow p={p} open={isOpen} onToggle={() => onOpen(isOpen ? null : p.id)} />
            {isOpen && (
              <div id={`rv-point-body-${p.id}`} role="region" aria-labelledby={`rv-point-${p.id}`}>
                <PointDetail
                  point={p}
                  review={review}
                  editable={editable}
                  onOpenRef={onOpenRef}
                  onOpenCitation={onOpenCitation}
                  previous={previous ? { round: previous.round, ...(previous.points.find((x) => x.id === p.id) ?? { decision: null, note: '' }) } : undefined}
                />
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
