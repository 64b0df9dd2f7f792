// Whether 设置 is open, and an offline update file to put in front of the reviewer (one opened
// through the .fsupdate file association). A tiny external store, like the opinion UI's.
import { useSyncExternalStore } from 'react';

interface State {
  open: boolean;
  /** Pre-filled into 离线更新; bumped `seq` re-applies the same path. */
  offered: { path: string; seq: number } | null;
}

let state: State = { open: false, offered: null };
let seq = 0;
const listeners = new Set<() => void>();

function set(patch: Partial<State>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function useSettingsState<T>(select: (s: State) => T): T {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => select(state),
  );
}

export function openSettings(offeredPath?: string): void {
  set({ open: true, ...(offeredPath ? { offered: { path: offeredPath, seq: ++seq } } : {}) });
}

export function closeSettings(): void {
  set({ open: false });
}
