// Where the reader was in each PDF (page and zoom), kept in memory while unlocked: a tab that
// comes back (the case view remounted after folding the queue or visiting another case) resumes
// there instead of at page 1. Cleared on lock with the other remembered case content.
import { useEffect, useRef } from 'react';
import type { ZoomMode } from '../ZoomSelect';

export interface ReadingPosition {
  /** 0-based page index. */
  page: number;
  zoom: ZoomMode;
}

const positions = new Map<string, ReadingPosition>();

export function readingPosition(key: string): ReadingPosition | undefined {
  return positions.get(key);
}

export function rememberReadingPosition(key: string, at: ReadingPosition): void {
  positions.set(key, at);
}

export function forgetReadingPositions(): void {
  positions.clear();
}

/** Resume at the remembered position once the pages are known (unless a reveal is shown); remember on leaving. */
export function useReadingPosition(key: string, now: ReadingPosition, view: { ready: boolean; revealed: boolean; setZoomMode: (z: ZoomMode) => void; goTo: (page: number) => void }): void {
  const { ready, revealed, setZoomMode, goTo } = view;
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || !ready) return;
    resumed.current = true;
    const at = readingPosition(key);
    if (!at || revealed) return;
    setZoomMode(at.zoom);
    goTo(at.page);
  }, [ready, key, revealed, setZoomMode, goTo]);
  const where = useRef(now);
  where.current = now;
  useEffect(() => () => rememberReadingPosition(key, where.current), [key]);
}
