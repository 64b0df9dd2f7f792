// Geometry of the page column (and of the thumbnail strip): where each slot sits, which slot is at a
// y, and which slots to mount for a scroll position with spacers standing in for the rest.
import type { ZoomMode } from '../ZoomSelect';

export const PAGE_GAP = 10;
export const PAGE_PAD = 12;
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 8;
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 6, 8];

/** Page size in PDF points, rotation applied. */
export interface PageSize {
  w: number;
  h: number;
}

/**
 * A vertical stack of slots laid out as a flex column: `pad` above the first and below the last,
 * `gap` between any two children (spacers included). Everything in CSS px.
 */
export interface Stack {
  tops: number[];
  heights: number[];
  total: number;
  pad: number;
  gap: number;
}

export function slotSize(size: PageSize, scale: number): { width: number; height: number } {
  return { width: Math.floor(size.w * scale), height: Math.floor(size.h * scale) };
}

export function stack(heights: readonly number[], pad: number, gap: number): Stack {
  const tops: number[] = [];
  let y = pad;
  for (const h of heights) {
    tops.push(y);
    y += h + gap;
  }
  return { tops, heights: [...heights], total: heights.length ? y - gap + pad : 2 * pad, pad, gap };
}

/** The page column at a scale. */
export function pageTops(sizes: readonly PageSize[], scale: number): Stack {
  return stack(
    sizes.map((s) => slotSize(s, scale).height),
    PAGE_PAD,
    PAGE_GAP,
  );
}

/**
 * Zoom for a fit mode: the one page `fit` (the page being read when the fit was chosen) fills the
 * pane's width (适合宽度) or the whole pane (适合页面), as pdf.js's page-width / page-fit. Fitting the
 * widest page instead made every portrait page small because of one landscape page.
 * `box` in CSS px; `cssPerPt` converts PDF points to CSS px at zoom 1.
 */
export function fitZoom(mode: ZoomMode, fit: PageSize | undefined, box: { width: number; height: number }, cssPerPt: number): number {
  if (mode.mode === 'custom') return mode.zoom;
  if (!fit || box.width === 0) return 1;
  const byWidth = (box.width - 2 * PAGE_PAD) / (fit.w * cssPerPt);
  if (mode.mode === 'width') return clampZoom(byWidth);
  return clampZoom(Math.min(byWidth, (box.height - 2 * PAGE_PAD) / (fit.h * cssPerPt)));
}

/** A place to jump to: the top of a page, or a spot on it (y in PDF units). */
export interface JumpTarget {
  index: number;
  y: number | null;
}

/** scrollTop for a jump: a page just below the top of the view, a spot in the upper third of it. */
export function jumpTop(s: Stack, t: JumpTarget, scale: number, viewHeight: number): number | null {
  const top = s.tops[t.index];
  if (top === undefined) return null;
  return t.y === null ? top - s.pad / 2 : Math.max(0, top + t.y * scale - viewHeight / 3);
}

/** Index of the last slot whose top is at or above y (0 when above the first one). */
export function pageAt(tops: readonly number[], y: number): number {
  let lo = 0;
  let hi = tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((tops[mid] ?? 0) <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/**
 * The slots to mount: `from`..`to` (inclusive; to < from when there are none), with the heights of
 * a spacer before them and one after them (null: no spacer) so the stack keeps its full height.
 */
export interface SlotWindow {
  from: number;
  to: number;
  before: number | null;
  after: number | null;
}

/** Slots overlapping [y0, y1) (at least one when there are any). */
export function stackWindow(s: Stack, y0: number, y1: number): SlotWindow {
  const n = s.tops.length;
  if (n === 0) return { from: 0, to: -1, before: null, after: null };
  const from = pageAt(s.tops, y0);
  const to = Math.max(from, pageAt(s.tops, y1 - 1));
  // A spacer is a child of the column too: one more gap between it and the slots.
  const before = from > 0 ? (s.tops[from] ?? 0) - s.pad - s.gap : null;
  const after = to < n - 1 ? s.total - s.pad - ((s.tops[to] ?? 0) + (s.heights[to] ?? 0)) - s.gap : null;
  return { from, to, before, after };
}

export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
}

export function nextZoom(z: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOM_STEPS.find((s) => s > z + 0.001) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((s) => s < z - 0.001) ?? MIN_ZOOM;
}
