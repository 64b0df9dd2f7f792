// Marks on a page turned 90° or 270°: its lines are columns, so the rects of a selection are joined
// per column, not across the columns that share a y range.
import { describe, expect, it } from 'vitest';
import { mergeLines } from '../../src/renderer/src/viewers/pdf/textMatch';

describe('joining the rects of a selection on a turned page', () => {
  it('joins the pieces of one column and keeps side-by-side columns apart', () => {
    const rects = mergeLines([
      { x: 200, y: 40, width: 12, height: 60 },
      { x: 200.5, y: 100, width: 11, height: 45 },
      { x: 180, y: 40, width: 12, height: 90 },
    ]);
    expect(rects).toEqual([
      { x: 180, y: 40, width: 12, height: 90 },
      { x: 200, y: 40, width: 12, height: 105 },
    ]);
  });

  it('still joins a horizontal line made of a narrow piece and a wide one', () => {
    expect(
      mergeLines([
        { x: 10, y: 100, width: 6, height: 12 },
        { x: 16, y: 100, width: 40, height: 12 },
      ]),
    ).toEqual([{ x: 10, y: 100, width: 46, height: 12 }]);
  });
});
