// The audience screen's content (meetings.audience — masked by the back end), following the
// presenter: each `meetings.changed` for this meeting re-reads it. Used by the audience page and by
// the presenter's live preview, so both show exactly the same thing.
// On an audience page (read-only audience token) nothing of the case stays on screen when the
// token stops answering, and `notice` says why: the workstation locked (pushed as app.lock — dark
// at once, back by itself on unlock), or the token ended (the meeting ended, the workstation
// restarted) — then for good.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AudienceView } from '../../../shared/meeting/slides';
import { ApiFailure } from '../../../shared/api/result';
import { api, audienceMode } from '../api';
import { errorText } from '../lib/errors';

const POLL_MS = 8000;

/** What the dark audience screen says instead of a slide. */
export interface AudienceNotice {
  title: string;
  reason: string;
  /** True once the token has ended: nothing will bring the screen back. */
  final: boolean;
}

export const PAUSED: AudienceNotice = { title: '投屏已暂停', reason: '工作台已锁定。解锁后投屏自动恢复，无需重新打开投屏页。', final: false };
/** The host turned the link away before the socket opened: it does not say why (ended, locked or restarted). */
export const LINK_REFUSED: AudienceNotice = {
  title: '投屏链接已失效',
  reason: '会议已结束，或工作台已重新启动；会议仍在进行的，请在演示者屏幕上重新打开投屏页。（工作台锁定时本页暂停，解锁后自动恢复。）',
  final: false,
};

/** Is the page's own host still answering? Then a refused socket means the link was turned away. */
async function hostAnswers(): Promise<boolean> {
  if (window.fashen) return false;
  try {
    return (await fetch(`${window.location.origin}${window.location.pathname}`, { method: 'HEAD', cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

export function useAudienceView(id: string): { view: AudienceView | null; error: string | null; notice: AudienceNotice | null } {
  const [view, setView] = useState<AudienceView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<AudienceNotice | null>(null);
  const shown = useRef(-1);
  const ended = useRef(false);
  // Only the latest request may land: a slow answer for an earlier position never replaces a newer one.
  const seq = useRef(0);

  /** Nothing of the case stays on the screen while it cannot be read. */
  const blank = useCallback((n: AudienceNotice) => {
    shown.current = -1;
    setView(null);
    setError(null);
    setNotice(n);
  }, []);

  const load = useCallback(() => {
    if (ended.current) return;
    const n = ++seq.current;
    api.call('meetings.audience', { id }).then(
      (v) => {
        if (n !== seq.current || v.revision <= shown.current) return;
        shown.current = v.revision;
        setView(v);
        setError(null);
        setNotice(null);
      },
      (err: unknown) => {
        const code = err instanceof ApiFailure ? err.error.code : null;
        if (audienceMode && code === 'forbidden') {
          ended.current = true;
          blank({ title: '投屏已结束', reason: (err as ApiFailure).error.message, final: true });
        } else if (audienceMode && code === 'locked') {
          blank(PAUSED);
        } else if (audienceMode && code === 'unavailable') {
          void hostAnswers().then((up) => {
            if (n !== seq.current) return;
            if (up) blank(LINK_REFUSED);
            else setError('无法连接工作台：请确认工作台仍在运行');
          });
        } else if (n === seq.current) setError(errorText(err, '无法读取投屏内容'));
      },
    );
  }, [id, blank]);

  useEffect(() => {
    shown.current = -1;
    ended.current = false;
    setView(null);
    setNotice(null);
    load();
    const off = api.on('meetings.changed', (e) => {
      if (e.meetingId === id && e.revision > shown.current) load();
    });
    // The lock is pushed to the audience page: dark at once, read again on unlock.
    const offLock = audienceMode
      ? api.on('app.lock', ({ locked }) => {
          if (ended.current) return;
          seq.current++; // an answer on its way from before the lock does not land
          if (locked) blank(PAUSED);
          else load();
        })
      : () => undefined;
    // A safety net: the loopback socket reconnects only on the next call, so an event lost while
    // it was down would leave the screen behind; a quiet re-read every few seconds catches up.
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') load();
    }, POLL_MS);
    return () => {
      off();
      offLock();
      window.clearInterval(timer);
    };
  }, [id, load, blank]);

  return { view, error, notice };
}
