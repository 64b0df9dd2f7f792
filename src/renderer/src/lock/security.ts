// app.security, asked once and shared: the lock gate, the status bar's cache corner and 设置 all
// read this answer. The back end reads the disk for it (and may hash a file), so it is asked again
// only when something may have changed it — the lock switched (a new store gets its key on the
// first unlock), or the reviewer asks 设置 to check again. The lock part lives in the lock store,
// which the lock calls (unlock, lock, lock time) also answer into.
import { useMemo } from 'react';
import type { SecurityState } from '../../../shared/api/app';
import { api } from '../api';
import { createStore } from '../lib/createStore';
import { setLockState, useLockView } from './store';

type Facts = Omit<SecurityState, 'lock'>;

/** `error`: the last read failed (what failed, for each reader to word); earlier facts stay shown. */
const store = createStore<{ facts: Facts | null; error: unknown }>({ facts: null, error: null });

let reading: Promise<void> | null = null;

/** Ask app.security; readers asking while an answer is on its way share it. */
export function readSecurity(): Promise<void> {
  reading ??= api
    .call('app.security', {})
    .then(
      ({ lock, ...facts }) => {
        store.set({ facts, error: null });
        setLockState(lock);
      },
      (error: unknown) => store.set({ error }),
    )
    .finally(() => {
      reading = null;
    });
  return reading;
}

/** Read it only if no answer has come yet (the first reader at start-up, or after a failure). */
export function ensureSecurity(): void {
  if (!store.get().facts) void readSecurity();
}

export function useSecurityFacts(): Facts | null {
  return store.use((s) => s.facts);
}

export function useSecurityError(): unknown {
  return store.use((s) => s.error);
}

/** The whole answer (facts and the current lock), null until both are known. */
export function useSecurity(): SecurityState | null {
  const facts = useSecurityFacts();
  const lock = useLockView().state;
  return useMemo(() => (facts && lock ? { ...facts, lock } : null), [facts, lock]);
}
