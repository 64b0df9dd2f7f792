// The audience page (#/meeting/<id>/audience): the shared screen, full window, following the
// presenter. It reads only meetings.audience (masked by the back end) — no raw case data ever
// reaches this page. No controls: double-click (or F) toggles full screen in a browser; the
// pointer hides when still.
import { useEffect, useState } from 'react';
import { AudienceSlide } from './AudienceSlide';
import { Stage } from './Stage';
import { useAudienceView } from '../useAudienceView';

const HIDE_POINTER_MS = 2000;

function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen().catch(() => undefined);
}

export function AudiencePage({ id }: { id: string }) {
  const { view, error, notice } = useAudienceView(id);
  const [idle, setIdle] = useState(false);

  useEffect(() => {
    document.title = view ? `${view.title} — 投屏` : '集体讨论 — 投屏';
  }, [view?.title]);

  useEffect(() => {
    let timer = window.setTimeout(() => setIdle(true), HIDE_POINTER_MS);
    const wake = () => {
      setIdle(false);
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setIdle(true), HIDE_POINTER_MS);
    };
    const key = (e: KeyboardEvent) => {
      if ((e.key === 'f' || e.key === 'F') && !e.ctrlKey && !e.metaKey && !e.altKey) toggleFullscreen();
    };
    window.addEventListener('mousemove', wake);
    window.addEventListener('keydown', key);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('mousemove', wake);
      window.removeEventListener('keydown', key);
    };
  }, []);

  return (
    <div className={`au-page${idle ? ' is-idle' : ''}`} onDoubleClick={toggleFullscreen} data-testid="audience-page">
      {notice ? (
        <div className="au-page-closed" role="status" data-testid="audience-closed" data-final={notice.final}>
          <p className="au-page-closed-title">{notice.title}</p>
          <p className="au-page-closed-reason">{notice.reason}</p>
        </div>
      ) : view ? (
        <Stage className="au-page-stage" label="投屏画面">
          <AudienceSlide view={view} />
        </Stage>
      ) : (
        <p className="au-page-msg" role="status">
          {error ?? '正在连接会议…'}
        </p>
      )}
      {view && error && (
        <p className="au-page-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
