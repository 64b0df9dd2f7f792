// The reviewer's keyboard and pointer restart the back end's inactivity countdown (app.activity),
// at most every ACTIVITY_EVERY_MS — the back end decides when to lock, so a closed window or
// browser tab locks too.
import { useEffect } from 'react';
import { api } from '../api';

export const ACTIVITY_EVERY_MS = 30_000;
const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function useActivity(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = 0;
    const onInput = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_EVERY_MS) return;
      last = now;
      void api.result('app.activity', {});
    };
    for (const e of EVENTS) window.addEventListener(e, onInput, { capture: true, passive: true });
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, onInput, { capture: true });
    };
  }, [active]);
}
