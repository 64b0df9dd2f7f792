// A screen that is in use without being touched — the presenter of a running meeting, where the
// heads talk for a long while without anyone typing — holds the inactivity lock off: while it is
// mounted the page keeps telling the back end it is in use, up to MEETING_HOLD_MINUTES without
// input (a meeting left running unattended still locks). The hold ends with the screen.
import { useEffect } from 'react';
import { createStore } from '../lib/createStore';

/** How long a held screen stays unlocked without any input (or the lock time, when that is longer). */
export const MEETING_HOLD_MINUTES = 60;

const store = createStore<{ holders: number }>({ holders: 0 });

/** Holds the inactivity lock off while `on` (and the component is mounted). */
export function useKeepAwake(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    store.set((s) => ({ holders: s.holders + 1 }));
    return () => store.set((s) => ({ holders: s.holders - 1 }));
  }, [on]);
}

export function useKeptAwake(): boolean {
  return store.use((s) => s.holders > 0);
}
