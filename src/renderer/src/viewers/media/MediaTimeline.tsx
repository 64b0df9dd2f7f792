// The timeline: a native range (keyboard, screen readers) under a drawn track with note markers.
import type { Annotation } from '../../../../shared/api/evidence';
import { formatSeconds } from '../../lib/time';
import { pointLabel } from '../../lib/reviewPoints';

interface Props {
  time: number;
  duration: number;
  notes: readonly Annotation[];
  flashId: string | null;
  onSeek: (seconds: number) => void;
}

export function MediaTimeline({ time, duration, notes, flashId, onSeek }: Props) {
  const known = Number.isFinite(duration) && duration > 0;
  const pct = (s: number) => (known ? Math.min(100, (s / duration) * 100) : 0);
  return (
    <div className="media-timeline" data-testid="media-timeline">
      <div className="media-track" aria-hidden>
        <div className="media-fill" style={{ width: `${pct(time)}%` }} />
      </div>
      <input
        type="range"
        className="media-range"
        min={0}
        max={known ? duration : 0}
        step={0.1}
        value={Math.min(time, known ? duration : 0)}
        onChange={(e) => onSeek(Number(e.target.value))}
        aria-label="播放进度"
        aria-valuetext={`${formatSeconds(time)}，共 ${formatSeconds(duration)}`}
        disabled={!known}
      />
      {notes.map((a) => {
        if (a.anchor.type !== 'time') return null;
        const s = a.anchor.seconds;
        const label = `跳到 ${formatSeconds(s)}${a.reviewPoint ? ` · ${pointLabel(a.reviewPoint)}` : ''}${a.note ? `：${a.note.slice(0, 40)}` : ''}`;
        return (
          <button
            key={a.id}
            type="button"
            className={`media-marker${flashId === a.id ? ' is-flash' : ''}`}
            style={{ left: `${pct(s)}%` }}
            title={label}
            aria-label={label}
            onClick={() => onSeek(s)}
            data-testid="media-marker"
            data-seconds={s}
          />
        );
      })}
    </div>
  );
}
