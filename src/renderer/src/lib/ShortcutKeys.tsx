// Keys drawn as <kbd>, from the 快捷键 table (shortcuts.ts): the overview's rows and the hints of
// the empty states, the search hint and the presenter, so that a key changed in the table changes
// every screen that shows it. The only place that writes <kbd> (tests/unit/shortcut-tips.test.ts).
import { Fragment, type ReactNode } from 'react';
import { GESTURES, shortcutEntry, type Combo } from './shortcuts';

interface KeysProps {
  keys: readonly Combo[];
  /** Between alternatives: a space (↑ ↓), ' / ' (J / K) or the overview's own mark. */
  or?: ReactNode;
}

/** J / PageDown, Ctrl+K, Alt+拖动: keys as <kbd>, gestures as words. */
export function Keys({ keys, or = ' ' }: KeysProps): ReactNode {
  return keys.map((combo, i) => (
    <Fragment key={i}>
      {i > 0 && or}
      {combo.map((k, j) => (
        <Fragment key={j}>
          {j > 0 && '+'}
          {GESTURES.has(k) ? <span>{k}</span> : <kbd>{k}</kbd>}
        </Fragment>
      ))}
    </Fragment>
  ));
}

/** Every alternative of the table entry `id`: `<ShortcutKeys id="search" />` draws Ctrl+K. */
export function ShortcutKeys({ id, or }: { id: string; or?: ReactNode }): ReactNode {
  const entry = shortcutEntry(id);
  return entry ? <Keys keys={entry.keys} or={or} /> : null;
}
