// Whether 设置 is open, and an offline update file to put in front of the reviewer (one opened
// through the .fsupdate file association).
import { createStore } from '../lib/createStore';

interface State {
  open: boolean;
  /** Pre-filled into 离线更新; bumped `seq` re-applies the same path. */
  offered: { path: string; seq: number } | null;
}

const store = createStore<State>({ open: false, offered: null });
let seq = 0;

export function useSettingsState<T>(select: (s: State) => T): T {
  return store.use(select);
}

export function openSettings(offeredPath?: string): void {
  store.set({ open: true, ...(offeredPath ? { offered: { path: offeredPath, seq: ++seq } } : {}) });
}

export function closeSettings(): void {
  store.set({ open: false });
}
