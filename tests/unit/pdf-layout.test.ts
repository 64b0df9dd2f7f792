// Geometry of the PDF viewer's page column: slot positions, the page at a y, and the window of
// mounted pages with spacers that must keep every mounted page exactly where the full column has it.
import { describe, expect, it } from 'vitest';
import { PAGE_GAP, PAGE_PAD, fitZoom, jumpTop, pageAt, pageTops, stack, stackWindow, type SlotWindow, type Stack } from '../../src/renderer/src/viewers/pdf/pdfLayout';

/** Where the flex column (pad, spacer, gap, slots, gap, spacer, pad) puts each mounted slot, and its height. */
function laidOut(s: Stack, w: SlotWindow): { tops: number[]; total: number } {
  const tops: number[] = [];
  let y = s.pad;
  let first = true;
  const child = (h: number) => {
    if (!first) y += s.gap;
    first = false;
    const top = y;
    y += h;
    return top;
  };
  if (w.before !== null) child(w.before);
  for (let i = w.from; i <= w.to; i++) tops.push(child(s.heights[i]!));
  if (w.after !== null) child(w.after);
  return { tops, total: y + s.pad };
}

/** Small deterministic generator (tests must not depend on Math.random). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

describe('PDF page column layout', () => {
  it('stacks slots with padding and gaps', () => {
    const s = stack([100, 50, 80], 12, 10);
    expect(s.tops).toEqual([12, 122, 182]);
    expect(s.total).toBe(12 + 100 + 10 + 50 + 10 + 80 + 12);
    expect(stack([], 12, 10).total).toBe(24);
  });

  it('lays out pages of different sizes at a scale (floored like the slots)', () => {
    const s = pageTops(
      [
        { w: 595, h: 842 },
        { w: 842, h: 595 },
      ],
      1.5,
    );
    expect(s.heights).toEqual([1263, 892]);
    expect(s.tops).toEqual([PAGE_PAD, PAGE_PAD + 1263 + PAGE_GAP]);
    expect(s.total).toBe(PAGE_PAD + 1263 + PAGE_GAP + 892 + PAGE_PAD);
  });

  it('finds the page at a y, gaps belonging to the page above', () => {
    const { tops } = stack([100, 100, 100], 12, 10);
    expect(pageAt(tops, -50)).toBe(0);
    expect(pageAt(tops, 0)).toBe(0);
    expect(pageAt(tops, 111)).toBe(0);
    expect(pageAt(tops, 112)).toBe(0);
    expect(pageAt(tops, 122)).toBe(1);
    expect(pageAt(tops, 10_000)).toBe(2);
    expect(pageAt([], 10)).toBe(0);
  });

  it('mounts only the pages meeting the range, with no spacer at the ends', () => {
    const s = stack(Array.from({ length: 300 }, () => 1000), PAGE_PAD, PAGE_GAP);
    const top = stackWindow(s, 0, 1500);
    expect(top).toMatchObject({ from: 0, to: 1, before: null });
    expect(top.after).toBe(s.total - PAGE_PAD - (s.tops[1]! + 1000) - PAGE_GAP);

    const middle = stackWindow(s, 150_000, 152_000);
    expect(middle.from).toBe(pageAt(s.tops, 150_000));
    expect(middle.to - middle.from).toBeLessThanOrEqual(3);
    expect(middle.before).toBe(s.tops[middle.from]! - PAGE_PAD - PAGE_GAP);

    const end = stackWindow(s, s.total - 800, s.total + 400);
    expect(end).toMatchObject({ from: 299, to: 299, after: null });

    expect(stackWindow(stack([], PAGE_PAD, PAGE_GAP), 0, 100)).toEqual({ from: 0, to: -1, before: null, after: null });
    // An empty range (view not measured yet) still mounts the page at that spot.
    expect(stackWindow(s, 0, 0)).toMatchObject({ from: 0, to: 0 });
  });

  it('keeps every mounted page at its place in the full column, whatever the sizes and the scroll position', () => {
    const rnd = lcg(42);
    for (let doc = 0; doc < 40; doc++) {
      const n = 1 + Math.floor(rnd() * 60);
      const heights = Array.from({ length: n }, () => 20 + Math.floor(rnd() * 1400));
      const s = stack(heights, PAGE_PAD, PAGE_GAP);
      for (let k = 0; k < 25; k++) {
        const y0 = Math.floor(rnd() * (s.total + 200)) - 100;
        const y1 = y0 + Math.floor(rnd() * 3000);
        const w = stackWindow(s, y0, y1);
        const placed = laidOut(s, w);
        expect(placed.total).toBe(s.total);
        expect(placed.tops).toEqual(s.tops.slice(w.from, w.to + 1));
        if (w.before !== null) expect(w.before).toBeGreaterThanOrEqual(0);
        if (w.after !== null) expect(w.after).toBeGreaterThanOrEqual(0);
        // Every page that shows any pixel in [y0, y1) is mounted.
        heights.forEach((h, i) => {
          const top = s.tops[i]!;
          if (top < y1 && top + h > y0) {
            expect(i).toBeGreaterThanOrEqual(w.from);
            expect(i).toBeLessThanOrEqual(w.to);
          }
        });
      }
    }
  });

  it('mounts a bounded number of pages for a scroll through a 300-page document', () => {
    const s = pageTops(
      Array.from({ length: 300 }, () => ({ w: 595, h: 842 })),
      1.6,
    );
    const view = 900;
    let most = 0;
    for (let top = 0; top < s.total; top += view * 0.9) {
      const w = stackWindow(s, top - view, top + 2 * view);
      most = Math.max(most, w.to - w.from + 1);
    }
    expect(most).toBeLessThanOrEqual(4);
  });

  it('fits the page it is given, so one landscape page does not make the portrait pages small', () => {
    const portrait = { w: 595, h: 842 };
    const landscape = { w: 842, h: 595 };
    const box = { width: 800 + 2 * PAGE_PAD, height: 600 + 2 * PAGE_PAD };
    // 适合宽度 on a portrait page: that page is exactly the pane's width.
    expect(fitZoom({ mode: 'width' }, portrait, box, 1) * portrait.w).toBeCloseTo(800);
    expect(fitZoom({ mode: 'width' }, landscape, box, 1) * landscape.w).toBeCloseTo(800);
    // 适合页面: the page's height or width, whichever binds.
    expect(fitZoom({ mode: 'page' }, portrait, box, 1) * portrait.h).toBeCloseTo(600);
    expect(fitZoom({ mode: 'page' }, landscape, box, 1) * landscape.w).toBeCloseTo(800);
    // A custom zoom is itself; nothing to fit yet is 100 %.
    expect(fitZoom({ mode: 'custom', zoom: 1.5 }, portrait, box, 1)).toBe(1.5);
    expect(fitZoom({ mode: 'width' }, undefined, box, 1)).toBe(1);
    expect(fitZoom({ mode: 'width' }, portrait, { width: 0, height: 0 }, 1)).toBe(1);
  });

  it('puts a jump target in the layout it is given (a page just under the top, a spot a third down)', () => {
    const estimated = pageTops(Array.from({ length: 120 }, () => ({ w: 842, h: 595 })), 1);
    const real = pageTops(
      Array.from({ length: 120 }, (_, i) => (i % 4 === 0 ? { w: 842, h: 595 } : { w: 595, h: 842 })),
      1,
    );
    expect(jumpTop(real, { index: 76, y: null }, 1, 600)).toBe(real.tops[76]! - PAGE_PAD / 2);
    expect(jumpTop(real, { index: 76, y: 300 }, 2, 600)).toBe(real.tops[76]! + 600 - 200);
    expect(jumpTop(real, { index: 0, y: 10 }, 1, 600)).toBe(0);
    expect(jumpTop(real, { index: 120, y: null }, 1, 600)).toBeNull();
    // A jump computed on the estimate lands on another page once the real sizes are in.
    expect(pageAt(real.tops, jumpTop(estimated, { index: 76, y: null }, 1, 600)! + 300)).not.toBe(76);
  });
});
