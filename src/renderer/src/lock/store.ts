// The lock as the renderer sees it: unknown until app.security answers, then locked or not —
// switched by the back end's app.lock event and by any call refused with 'locked'.
import type { LockState } from '../../../shared/api/app';
import { createStore } from '../lib/createStore';

export interface LockView {
  /** null until the first answer. */
  locked: boolean | null;
  state: LockState | null;
}

const store = createStore<LockView>({ locked: null, state: null });

export function useLockView(): LockView {
  return store.use((v) => v);
}

export function setLockState(state: LockState): void {
  store.set({ locked: state.locked, state });
}

/** The back end said so (event, or a refused call): the details come with the next app.security. */
export function setLocked(locked: boolean): void {
  const view = store.get();
  if (view.locked === locked) return;
  store.set({ locked, state: view.state ? { ...view.state, locked } : null });
}
