// The lock as the renderer sees it: unknown until app.security answers, then locked or not —
// switched by the back end's app.lock event and by any call refused with 'locked'.
import { useSyncExternalStore } from 'react';
import type { LockState } from '../../../shared/api/app';

export interface LockView {
  /** null until the first answer. */
  locked: boolean | null;
  state: LockState | null;
}

let view: LockView = { locked: null, state: null };
const listeners = new Set<() => void>();

function set(next: LockView): void {
  view = next;
  for (const l of listeners) l();
}

export function useLockView(): LockView {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => view,
  );
}

export function setLockState(state: LockState): void {
  set({ locked: state.locked, state });
}

/** The back end said so (event, or a refused call): the details come with the next app.security. */
export function setLocked(locked: boolean): void {
  if (view.locked === locked) return;
  set({ locked, state: view.state ? { ...view.state, locked } : null });
}
