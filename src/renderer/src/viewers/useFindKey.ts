// Ctrl+F for a viewer's find bar. Every open viewer listens on the window, so only the one that is
// shown (not a background tab) and in the active pane — or holding the focus — takes the key:
// Ctrl+F in a text pane opens its bar, not the bar of the PDF in the other pane.
import type { RefObject } from 'react';
import { useGlobalKeys } from '../lib/useGlobalKeys';
import { isCtrl } from '../lib/keys';

export function useFindKey(rootRef: RefObject<HTMLElement | null>, open: () => void): void {
  useGlobalKeys((e) => {
    if (!isCtrl(e, 'f')) return false;
    const root = rootRef.current;
    if (!root || root.offsetParent === null) return false;
    const inActivePane = root.closest('.pane')?.classList.contains('is-active') ?? true;
    if (!inActivePane && !root.contains(document.activeElement)) return false;
    open();
    return true;
  });
}
