// A PDF's page and zoom in the shared reading positions (../readingPositions.ts, which LockGate clears).
import { useCallback } from 'react';
import type { ZoomMode } from '../ZoomSelect';
import { useReadingPosition, type PositionOf } from '../readingPositions';

/** Resume at the remembered page and zoom once the pages are known (unless a reveal is shown); remember on leaving. */
export function usePdfReadingPosition(key: string, now: { page: number; zoom: ZoomMode }, view: { ready: boolean; revealed: boolean; setZoomMode: (z: ZoomMode) => void; goTo: (page: number) => void }): void {
  const { ready, revealed, setZoomMode, goTo } = view;
  const resume = useCallback(
    (at: PositionOf<'pdf'>) => {
      setZoomMode(at.zoom);
      goTo(at.page);
    },
    [setZoomMode, goTo],
  );
  useReadingPosition('pdf', key, { ready, revealed, resume, now: () => ({ kind: 'pdf', ...now }) });
}
