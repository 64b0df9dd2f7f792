// A tiny external store for module-level UI state, read through useSyncExternalStore: the
// renderer's stores (lock, app.security, 设置, sync, opinions) each hold their state in one.
import { useSyncExternalStore } from 'react';

export interface Store<S> {
  get(): S;
  /** Merge a patch (or what the function makes of the current state) and tell every reader. */
  set(patch: Partial<S> | ((s: S) => Partial<S>)): void;
  subscribe(listener: () => void): () => void;
  /**
   * A component's slice of the state. The selector must answer the same value for the same state
   * (no fresh objects or arrays), or React re-renders without end.
   */
  use<T>(select: (s: S) => T): T;
}

/** `onSubscribe` runs with every new reader (e.g. start polling with the first one; keep it idempotent). */
export function createStore<S extends object>(initial: S, onSubscribe?: () => void): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    onSubscribe?.();
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
      for (const l of listeners) l();
    },
    subscribe,
    use: (select) => useSyncExternalStore(subscribe, () => select(state)),
  };
}
