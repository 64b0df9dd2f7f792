// Window-level shortcuts (Ctrl+K, Ctrl+\, J/K). Handlers read the latest props through a ref.
import { useEffect, useRef } from 'react';

export type KeyHandler = (e: KeyboardEvent) => boolean | void;

/** The handler returns true when it used the key; the event is then not passed on. */
export function useGlobalKeys(handler: KeyHandler): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (ref.current(e) === true) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
