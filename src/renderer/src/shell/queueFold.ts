// At a narrow window (a 1366 laptop) the queue, the case file and the review panel side by side
// leave the case file some 600 px: a PDF at half size and file names cut to three characters.
// Opening a case from the queue then folds the queue for the moment — not remembered, so the next
// start shows the queue again — and the rail or Ctrl+K brings it back. Wide windows keep it open.
// Side-by-side panes need the room twice: splitting them (Ctrl+\, 在右侧打开) folds the queue too
// where two panes beside the tree would be narrow, even at 1920 (two documents at 35 % otherwise).
// Not for search hits: the reviewer goes from hit to hit in the queue panel's results, which must
// stay in view. Not when the reviewer brings the queue back either: that is their choice, and the
// tree keeps a readable minimum then (casefile/treeWidth.ts) while the documents give way.

/** The case file's tree at its narrowest readable width: some 8 characters of a title and the date. */
export const MIN_TREE_PX = 240;
/** One pane of documents at its narrowest comfortable width (适合宽度 then shows an A4 page at ~60 %). */
export const MIN_PANE_PX = 520;
/** The case file's width below which opening a case folds the queue: the tree and one pane. */
export const MIN_CENTRE_PX = MIN_TREE_PX + MIN_PANE_PX;

/**
 * Would the case file be too narrow for the tree and `panes` panes beside the queue (and the review
 * panel, when shown)?
 */
export function foldsOnOpen(windowWidth: number, queuePct: number, reviewPct: number, panes: 1 | 2 = 1): boolean {
  return (windowWidth * (100 - queuePct - reviewPct)) / 100 < MIN_TREE_PX + panes * MIN_PANE_PX;
}
