// Opening a case folds the queue only where the case file would be cramped beside it.
import { describe, expect, it } from 'vitest';
import { foldsOnOpen, MIN_CENTRE_PX, MIN_PANE_PX, MIN_TREE_PX } from '../../src/renderer/src/shell/queueFold';
import { treeSizes } from '../../src/renderer/src/casefile/treeWidth';

describe('folding the queue when a case opens', () => {
  it('folds at 1366 with the default widths (queue 28 %, review 26 %), not at 1920', () => {
    expect(foldsOnOpen(1366, 28, 26)).toBe(true);
    expect(foldsOnOpen(1920, 28, 26)).toBe(false);
  });

  it('follows the reviewer’s own widths and the folded review panel', () => {
    // A narrow queue dragged by hand leaves the case file room enough at 1366.
    expect(foldsOnOpen(1366, 10, 22)).toBe(false);
    // With the review panel folded the case file has its share too.
    expect(foldsOnOpen(1366, 28, 0)).toBe(false);
    // Exactly the minimum is enough.
    expect(foldsOnOpen(MIN_CENTRE_PX * 2, 25, 25)).toBe(false);
  });

  it('folds for two panes side by side even at 1920, not at a 3440 ultrawide', () => {
    expect(foldsOnOpen(1920, 28, 26, 2)).toBe(true);
    expect(foldsOnOpen(3440, 28, 26, 2)).toBe(false);
    // With the queue folded at 1920 two panes fit: 1,421 px for the tree and both.
    expect(1920 * 0.74).toBeGreaterThanOrEqual(MIN_TREE_PX + 2 * MIN_PANE_PX);
  });
});

describe('the tree beside the documents', () => {
  it('keeps its share where that is wide enough', () => {
    expect(treeSizes(1000, 28)).toEqual([280, 720]);
  });

  it('keeps a readable minimum when the centre is narrow (the queue brought back at 1366)', () => {
    expect(treeSizes(628, 28)).toEqual([MIN_TREE_PX, 628 - MIN_TREE_PX]);
  });

  it('never takes more than 45 %', () => {
    expect(treeSizes(400, 28)).toEqual([180, 220]);
    expect(treeSizes(1000, 60)).toEqual([450, 550]);
  });
});
