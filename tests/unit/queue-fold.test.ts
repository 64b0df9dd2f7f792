// Opening a case folds the queue only where the case file would be cramped beside it.
import { describe, expect, it } from 'vitest';
import { foldsOnOpen, MIN_CENTRE_PX } from '../../src/renderer/src/shell/queueFold';

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
});
