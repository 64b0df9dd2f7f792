// The reviewer's keyboard and pointer restart the back end's inactivity countdown (app.activity),
// at most every ACTIVITY_EVERY_MS — the back end decides when to lock, so a closed window or
// browser tab locks too. A minute before the countdown ends the page warns (and saves what was
// typed), so an open dialog is not lost to a lock the reviewer did not see coming.
import { useEffect, useState } from 'react';
import { api } from '../api';
import { flushPendingSaves } from '../lib/pendingSaves';

export const ACTIVITY_EVERY_MS = 30_000;
export const WARN_BEFORE_MS = 60_000;
const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** Whether the lock is less than a minute away (no input since the countdown last restarted). */
export function useActivity(active: boolean, lockAfterMinutes: number): boolean {
  const [warning, setWarning] = useState(false);
  useEffect(() => {
    if (!active) return;
    // The back end's countdown restarted when it last heard from us (or unlocked): the clock starts here.
    let lastPing = Date.now();
    let warned = false;
    const ping = () => {
      lastPing = Date.now();
      void api.result('app.activity', {});
    };
    const onInput = () => {
      // Warned: any input answers at once, whatever the throttle.
      if (warned || Date.now() - lastPing >= ACTIVITY_EVERY_MS) ping();
      if (warned) (warned = false), setWarning(false);
    };
    for (const e of EVENTS) window.addEventListener(e, onInput, { capture: true, passive: true });
    const timer = lockAfterMinutes > 0
      ? window.setInterval(() => {
          if (warned || Date.now() - lastPing < lockAfterMinutes * 60_000 - WARN_BEFORE_MS) return;
          warned = true;
          setWarning(true);
          void flushPendingSaves();
        }, 5_000)
      : undefined;
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, onInput, { capture: true });
      window.clearInterval(timer);
      setWarning(false);
    };
  }, [active, lockAfterMinutes]);
  return warning;
}
