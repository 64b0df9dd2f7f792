// The audience screen's content (meetings.audience — masked by the back end), following the
// presenter: each `meetings.changed` for this meeting re-reads it. Used by the audience page and by
// the presenter's live preview, so both show exactly the same thing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AudienceView } from '../../../shared/meeting/slides';
import { api } from '../api';
import { errorText } from '../lib/errors';

const POLL_MS = 8000;

export function useAudienceView(id: string): { view: AudienceView | null; error: string | null } {
  const [view, setView] = useState<AudienceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = useRef(-1);
  // Only the latest request may land: a slow answer for an earlier position never replaces a newer one.
  const seq = useRef(0);

  const load = useCallback(() => {
    const n = ++seq.current;
    api.call('meetings.audience', { id }).then(
      (v) => {
        if (n !== seq.current || v.revision <= shown.current) return;
        shown.current = v.revision;
        setView(v);
        setError(null);
      },
      (err: unknown) => {
        if (n === seq.current) setError(errorText(err, '无法读取投屏内容'));
      },
    );
  }, [id]);

  useEffect(() => {
    shown.current = -1;
    setView(null);
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

  return { view, error };
}
