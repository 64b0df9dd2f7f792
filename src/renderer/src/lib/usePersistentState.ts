// useState that survives reloads in localStorage (panel sizes, toggles). Bad stored data is ignored.
import { useCallback, useState } from 'react';

const PREFIX = 'fashen.ui.';

function read<T>(key: string, fallback: T, valid: (v: unknown) => v is T): T {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    if (raw === null) return fallback;
    const parsed: unknown = JSON.parse(raw);
    return valid(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

export function usePersistentState<T>(key: string, fallback: T, valid: (v: unknown) => v is T): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => read(key, fallback, valid));
  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(PREFIX + key, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the layout simply isn't remembered.
      }
    },
    [key],
  );
  return [value, set];
}

export const isNumberArray =
  (length: number) =>
  (v: unknown): v is number[] =>
    Array.isArray(v) && v.length === length && v.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0);

export const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
