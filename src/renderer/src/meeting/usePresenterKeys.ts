// The presenter's keys: → / PageDown / Space next topic, ← / PageUp previous (clickers send
// PageDown/PageUp). Ignored while typing in a field, so notes and opinions can be written freely.
import { hasModifier, isTypingTarget } from '../lib/keys';
import { useGlobalKeys } from '../lib/useGlobalKeys';

export function usePresenterKeys(enabled: boolean, move: (delta: 1 | -1) => void): void {
  useGlobalKeys((e) => {
    if (!enabled || hasModifier(e) || isTypingTarget(e.target)) return false;
    // Widgets that move with the arrow keys themselves (tabs, radio groups, lists) keep them.
    if (e.target instanceof HTMLElement && e.target.closest('[role="tablist"], [role="radiogroup"], [role="listbox"], [role="menu"], [role="slider"], .ant-select, .ant-segmented')) return false;
    // A focused button or link keeps Space/Enter for itself.
    if (e.key === ' ' && e.target instanceof HTMLElement && e.target.closest('button, a, [role="button"], [role="radio"], [role="tab"], [role="switch"]')) return false;
    if (e.key === 'ArrowRight' || e.key === 'PageDown' || e.key === ' ') {
      move(1);
      return true;
    }
    if (e.key === 'ArrowLeft' || e.key === 'PageUp') {
      move(-1);
      return true;
    }
    return false;
  });
}
