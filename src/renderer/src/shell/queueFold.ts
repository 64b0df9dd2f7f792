// At a narrow window (a 1366 laptop) the queue, the case file and the review panel side by side
// leave the case file some 600 px: a PDF at half size and file names cut to three characters.
// Opening a case from the queue then folds the queue for the moment — not remembered, so the next
// start shows the queue again — and the rail or Ctrl+K brings it back. Wide windows keep it open.

/** The case file's width below which opening a case folds the queue. */
export const MIN_CENTRE_PX = 760;

/** Would the case file be narrower than MIN_CENTRE_PX beside the queue (and the review panel, when shown)? */
export function foldsOnOpen(windowWidth: number, queuePct: number, reviewPct: number): boolean {
  return (windowWidth * (100 - queuePct - reviewPct)) / 100 < MIN_CENTRE_PX;
}
