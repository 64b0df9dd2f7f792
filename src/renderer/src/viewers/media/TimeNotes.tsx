// The item's time notes under the timeline; a click seeks. Editing is in the case's 批注 list.
import type { Annotation } from '../../../../shared/api/evidence';
import { formatSeconds } from '../../lib/time';
import { REVIEW_POINT_NAMES } from '../../lib/reviewPoints';

export function TimeNotes({ notes, flashId, onSeek }: { notes: readonly Annotation[]; flashId: string | null; onSeek: (s: number) => void }) {
  return (
    <ul className="time-notes" aria-label="时间批注" data-testid="time-notes">
      {notes.map((a) =>
        a.anchor.type === 'time' ? (
          <li key={a.id} className={flashId === a.id ? 'is-flash' : undefined}>
            <button type="button" className="link-button num" onClick={() => onSeek(a.anchor.type === 'time' ? a.anchor.seconds : 0)} aria-label={`跳到 ${formatSeconds(a.anchor.seconds)}`}>
              {formatSeconds(a.anchor.seconds)}
            </button>
            {a.reviewPoint && (
              <span className="point-chip" title={`${a.reviewPoint} ${REVIEW_POINT_NAMES[a.reviewPoint]}`}>
                {a.reviewPoint}
              </span>
            )}
            <span className="time-note-text">{a.note || <span className="muted">（无批注内容）</span>}</span>
          </li>
        ) : null,
      )}
    </ul>
  );
}
