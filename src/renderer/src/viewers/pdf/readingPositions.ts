// Where the reader was in each PDF (page and zoom), kept in memory while unlocked: a tab that
// comes back (the case view remounted after folding the queue or visiting another case) resumes
// there instead of at page 1. Cleared on lock with the other remembered case content.
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
