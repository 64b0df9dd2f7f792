// The reviewer's keyboard and pointer restart the back end's inactivity countdown (app.activity),
// at most every ACTIVITY_EVERY_MS — the back end decides when to lock, so a closed window or
// browser tab locks too. A screen that holds the lock off (keepAwake.ts: a running meeting's
// presenter) keeps restarting it without input, up to its own limit. A minute before the back end
// would lock the page warns with the time left (and saves what was typed), so an open dialog or a
// meeting is not lost to a lock nobody saw coming; any input answers the warning.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { flushPendingSaves } from '../lib/pendingSaves';
import { MEETING_HOLD_MINUTES } from './keepAwake';

export const ACTIVITY_EVERY_MS = 30_000;
export const WARN_BEFORE_MS = 60_000;
const TICK_MS = 5_000;
const EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * When the back end will lock (epoch ms) once less than a minute is left, else null; and a way to
 * answer the warning (继续使用) — the same as any key or click.
 */
export function useActivity(active: boolean, lockAfterMinutes: number, held = false): { lockAt: number | null; stay: () => void } {
  const [lockAt, setLockAt] = useState<number | null>(null);
  const stayRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    if (!active) return;
    const lockMs = lockAfterMinutes * 60_000;
    // Input restarts the countdown; a held screen keeps it running until this long after the last input.
    const limitMs = held ? Math.max(lockMs, MEETING_HOLD_MINUTES * 60_000) : lockMs;
    // The back end's countdown restarted when it last heard from us (or unlocked): the clock starts here.
    let lastPing = Date.now();
    let lastInput = lastPing;
    let warned = false;
    const ping = () => {
      lastPing = Date.now();
      void api.result('app.activity', {});
    };
    const onInput = () => {
      lastInput = Date.now();
      // Warned: any input answers at once, whatever the throttle.
      if (warned || lastInput - lastPing >= ACTIVITY_EVERY_MS) ping();
      if (warned) (warned = false), setLockAt(null);
    };
    stayRef.current = onInput;
    // A screen that starts holding tells the back end at once (its countdown may be well under way).
    if (held) ping();
    for (const e of EVENTS) window.addEventListener(e, onInput, { capture: true, passive: true });
    const tick = () => {
      const now = Date.now();
      // Held: tell the back end the screen is in use, so long as its lock would come no later than the limit.
      if (held && now - lastPing >= ACTIVITY_EVERY_MS && now - lastInput + lockMs <= limitMs) ping();
      const at = lastPing + lockMs;
      if (warned || now < at - WARN_BEFORE_MS) return;
      warned = true;
      setLockAt(at);
      void flushPendingSaves();
    };
    const timer = lockAfterMinutes > 0 ? window.setInterval(tick, TICK_MS) : undefined;
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, onInput, { capture: true });
      window.clearInterval(timer);
      stayRef.current = () => undefined;
      setLockAt(null);
    };
  }, [active, lockAfterMinutes, held]);
  const stay = useCallback(() => stayRef.current(), []);
  return { lockAt, stay };
}
