// The audience screen's content (meetings.audience — masked by the back end), following the
// presenter: each `meetings.changed` for this meeting re-reads it. Used by the audience page and by
// the presenter's live preview, so both show exactly the same thing.
// On an audience page (read-only audience token) a refusal means the token has ended — the meeting
// ended, the workstation locked or stopped — and the screen closes: `closed` says why.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AudienceView } from '../../../shared/meeting/slides';
import { ApiFailure } from '../../../shared/api/result';
import { api, audienceMode } from '../api';
import { errorText } from '../lib/errors';

const POLL_MS = 8000;

export function useAudienceView(id: string): { view: AudienceView | null; error: string | null; closed: string | null } {
  const [view, setView] = useState<AudienceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const shown = useRef(-1);
  const ended = useRef(false);
  // Only the latest request may land: a slow answer for an earlier position never replaces a newer one.
  const seq = useRef(0);

  const load = useCallback(() => {
    if (ended.current) return;
    const n = ++seq.current;
    api.call('meetings.audience', { id }).then(
      (v) => {
        if (n !== seq.current || v.revision <= shown.current) return;
        shown.current = v.revision;
        setView(v);
        setError(null);
      },
      (err: unknown) => {
        if (audienceMode && err instanceof ApiFailure && err.error.code === 'forbidden') {
          // Nothing of the case stays on the screen once the token has ended.
          ended.current = true;
          setView(null);
          setClosed(err.error.message);
        } else if (n === seq.current) {
          // The host turns away a token that has ended before the socket opens: say what to do.
          const unreachable = audienceMode && err instanceof ApiFailure && err.error.code === 'unavailable';
          setError(unreachable ? '无法连接工作台：投屏授权可能已失效（会议已结束或工作台已锁定）；会议仍在进行的，请在演示者屏幕上重新打开投屏页' : errorText(err, '无法读取投屏内容'));
        }
      },
    );
  }, [id]);

  useEffect(() => {
    shown.current = -1;
    ended.current = false;
    setView(null);
    setClosed(null);
    load();
    const off = api.on('meetings.changed', (e) => {
      if (e.meetingId === id && e.revision > shown.current) load();
    });
    // A safety net: the loopback socket reconnects only on the next call, so an event lost while
    // it was down would leave the screen behind; a quiet re-read every few seconds catches up.
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, POLL_MS);
    return () => {
      off();
      window.clearInterval(timer);
    };
  }, [id, load]);

  return { view, error, closed };
}
