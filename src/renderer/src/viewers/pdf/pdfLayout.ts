// Geometry of the page column: where each page sits at a given scale, and which page is at a y.
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

export function slotSize(size: PageSize, scale: number): { width: number; height: number } {
  return { width: Math.floor(size.w * scale), height: Math.floor(size.h * scale) };
}

/** Top of every page in CSS px, and the total height of the column. */
export function pageTops(sizes: readonly PageSize[], scale: number): { tops: number[]; total: number } {
  const tops: number[] = [];
  let y = PAGE_PAD;
  for (const s of sizes) {
    tops.push(y);
    y += slotSize(s, scale).height + PAGE_GAP;
  }
  return { tops, total: y - PAGE_GAP + PAGE_PAD };
}

/** Index of the last page whose top is at or above y (0 when above the first page). */
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

export function clampZoom(z: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));
}

export function nextZoom(z: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOM_STEPS.find((s) => s > z + 0.001) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((s) => s < z - 0.001) ?? MIN_ZOOM;
}
