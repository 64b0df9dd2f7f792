// Keyboard helpers shared by the global shortcuts and the viewers.
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

export function hasModifier(e: KeyboardEvent | ReactKeyboardEvent): boolean {
  return e.ctrlKey || e.metaKey || e.altKey;
}

/** Ctrl (or ⌘ on macOS) plus a key, no other modifiers. */
export function isCtrl(e: KeyboardEvent, key: string): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === key;
}
