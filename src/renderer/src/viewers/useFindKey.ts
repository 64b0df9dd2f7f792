// Ctrl+F for a viewer's find bar. Every open viewer listens on the window, so only the one that is
// shown (not a background tab) and in the active pane — or holding the focus — takes the key:
// Ctrl+F in a text pane opens its bar, not the bar of the PDF in the other pane.
import { useCallback, useState, type RefObject } from 'react';
import { useGlobalKeys } from '../lib/useGlobalKeys';
import { isCtrl } from '../lib/keys';
import { CTRL_KEY } from '../lib/shortcuts';

export function useFindKey(rootRef: RefObject<HTMLElement | null>, open: () => void): void {
  useGlobalKeys((e) => {
    if (!isCtrl(e, CTRL_KEY.find)) return false;
    const root = rootRef.current;
    if (!root || root.offsetParent === null) return false;
    const inActivePane = root.closest('.pane')?.classList.contains('is-active') ?? true;
    if (!inActivePane && !root.contains(document.activeElement)) return false;
    open();
    return true;
  });
}

/**
 * Opening a viewer's find bar (Ctrl+F or its button): shows it and asks the bar's input for the
 * focus again (`focusSeq` changes), even when the bar was already open.
 */
export function useFindOpener(rootRef: RefObject<HTMLElement | null>, show: () => void): { open: () => void; focusSeq: number } {
  const [focusSeq, setFocusSeq] = useState(0);
  const open = useCallback(() => {
    show();
    setFocusSeq((n) => n + 1);
  }, [show]);
  useFindKey(rootRef, open);
  return { open, focusSeq };
}
