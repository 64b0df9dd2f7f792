// Where the reader was in each file — a PDF's page and zoom, a text or Word pane's first visible
// character — kept in memory while unlocked: a tab that comes back (the case view remounted after
// folding the queue or visiting another case) resumes there instead of at the top. Cleared on lock
// with the other remembered case content (LockGate).
import { useLayoutEffect, useRef } from 'react';
import type { ZoomMode } from './ZoomSelect';

export type ReadingPosition =
  /** page: 0-based page index. */
  | { kind: 'pdf'; page: number; zoom: ZoomMode }
  /** offset: index in the shown text of the first character at the top of the pane (survives a change of width, unlike scrollTop). */
  | { kind: 'text'; offset: number };

type Kind = ReadingPosition['kind'];
export type PositionOf<K extends Kind> = Extract<ReadingPosition, { kind: K }>;

const positions = new Map<string, ReadingPosition>();

/** The same file may be shown as a PDF and (another day) as text: one slot per way of reading it. */
const slot = (kind: Kind, key: string) => `${kind}:${key}`;

export function readingPosition<K extends Kind>(kind: K, key: string): PositionOf<K> | undefined {
  const at = positions.get(slot(kind, key));
  return at?.kind === kind ? (at as PositionOf<K>) : undefined;
}

export function rememberReadingPosition(key: string, at: ReadingPosition): void {
  positions.set(slot(at.kind, key), at);
}

export function forgetReadingPositions(): void {
  positions.clear();
}

interface View<K extends Kind> {
  /** The content is laid out (pages sized, text shown in a visible pane): resuming can scroll. */
  ready: boolean;
  /** A reveal (search hit, citation) asks for a place: it wins over the remembered one. */
  revealed: boolean;
  resume: (at: PositionOf<K>) => void;
  /** Where the reader is now; null when unknown (nothing is remembered then). Read on leaving. */
  now: () => PositionOf<K> | null;
}

/**
 * Resume once at the remembered position when the view is ready (before it is painted, so the top
 * does not flash first), unless a reveal is shown; remember where the reader was on leaving.
 */
export function useReadingPosition<K extends Kind>(kind: K, key: string, { ready, revealed, resume, now }: View<K>): void {
  const resumed = useRef(false);
  useLayoutEffect(() => {
    if (resumed.current || !ready) return;
    resumed.current = true;
    const at = readingPosition(kind, key);
    if (at && !revealed) resume(at);
  }, [ready, kind, key, revealed, resume]);
  const where = useRef(now);
  where.current = now;
  useLayoutEffect(
    () => () => {
      const at = where.current();
      if (at) rememberReadingPosition(key, at);
    },
    [key],
  );
}
