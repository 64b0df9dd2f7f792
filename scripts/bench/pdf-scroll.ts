// In-page probes for the PDF viewer benchmark: click → first page painted, and a scroll through
// every page counting the canvases alive (virtualisation) with the JS heap sampled on the way.
import type { CDPSession, Page } from '@playwright/test';
import { jsHeap } from './host';

/** CSS selector of the page column of the viewer showing `title`. */
export const scrollSelector = (title: string) => `.pdf-scroll[aria-label^="${title}，"]`;

export interface FirstPaint {
  /** Click → the document is open (pdf.js loaded it; the page column exists). */
  opened: number;
  /** Click → page 1 has its canvas in the DOM and one more frame has been produced. */
  painted: number;
}

/** Arms a probe in the page for the next click (event timestamp) on an item titled `title`. */
export async function armFirstPaintProbe(page: Page, title: string): Promise<void> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __firstPaint?: Promise<{ opened: number; painted: number }> };
    w.__firstPaint = new Promise((resolve) => {
      let clickAt = 0;
      let opened = 0;
      document.addEventListener('click', (e) => (clickAt = clickAt || e.timeStamp), { capture: true });
      const obs = new MutationObserver(() => {
        if (!clickAt) return;
        if (!opened && document.querySelector(sel)) opened = performance.now() - clickAt;
        if (!document.querySelector(`${sel} [data-page-number="1"][data-rendered="true"] canvas`)) return;
        obs.disconnect();
        // The canvas is in the DOM; the frame after this one has it on screen.
        requestAnimationFrame(() => setTimeout(() => resolve({ opened, painted: performance.now() - clickAt }), 0));
      });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered'] });
    });
  }, scrollSelector(title));
}

export function firstPaintResult(page: Page): Promise<FirstPaint> {
  return page.evaluate(() => (window as unknown as { __firstPaint: Promise<FirstPaint> }).__firstPaint);
}

export interface ScrollResult {
  steps: number;
  pages: number;
  ms: number;
  maxCanvases: number;
  maxThumbCanvases: number;
  maxTextLayers: number;
  peakHeap: number;
  unrendered: number;
}

/**
 * Scrolls the viewer of `title` to the bottom (or back to the top), ~90 % of a screen per step,
 * waiting at each step until the pages in view are painted.
 */
export async function scrollThrough(page: Page, cdp: CDPSession, title: string, dir: 'down' | 'up' = 'down'): Promise<ScrollResult> {
  const sel = scrollSelector(title);
  const r: ScrollResult = { steps: 0, pages: 0, ms: 0, maxCanvases: 0, maxThumbCanvases: 0, maxTextLayers: 0, peakHeap: 0, unrendered: 0 };
  let first = Infinity;
  let last = 0;
  const t0 = performance.now();
  for (;;) {
    const step = await page.evaluate(async ({ sel, down }) => {
      const el = document.querySelector<HTMLElement>(sel)!;
      const viewer = el.closest('[data-testid="pdf-viewer"]')!;
      const atEnd = down ? el.scrollTop + el.clientHeight >= el.scrollHeight - 1 : el.scrollTop <= 0;
      el.scrollTop = down ? Math.min(el.scrollHeight, el.scrollTop + el.clientHeight * 0.9) : Math.max(0, el.scrollTop - el.clientHeight * 0.9);
      const box = el.getBoundingClientRect();
      const visible = () =>
        [...el.querySelectorAll<HTMLElement>('[data-testid="pdf-page"]')].filter((p) => {
          const b = p.getBoundingClientRect();
          return b.bottom > box.top && b.top < box.bottom;
        });
      const started = performance.now();
      let ok = false;
      while (performance.now() - started < 10_000) {
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        const v = visible();
        if (v.length && v.every((p) => p.dataset.rendered === 'true')) {
          ok = true;
          break;
        }
      }
      const shown = visible().map((p) => Number(p.dataset.pageNumber));
      return {
        atEnd,
        ok,
        first: Math.min(...shown),
        last: Math.max(...shown),
        canvases: viewer.querySelectorAll('.pdf-page canvas').length,
        thumbs: viewer.querySelectorAll('.pdf-thumb canvas').length,
        text: viewer.querySelectorAll('.pdf-page .textLayer span').length ? viewer.querySelectorAll('.pdf-page .textLayer:not(:empty)').length : 0,
      };
    }, { sel, down: dir === 'down' });
    r.steps++;
    first = Math.min(first, step.first);
    last = Math.max(last, step.last);
    // Going down starts at page 1 (at the top of the view before the first step).
    r.pages = dir === 'down' ? last : Math.max(0, last - first + 1);
    r.maxCanvases = Math.max(r.maxCanvases, step.canvases);
    r.maxThumbCanvases = Math.max(r.maxThumbCanvases, step.thumbs);
    r.maxTextLayers = Math.max(r.maxTextLayers, step.text);
    if (!step.ok) r.unrendered++;
    if (r.steps % 10 === 0) r.peakHeap = Math.max(r.peakHeap, await jsHeap(cdp, false));
    if (step.atEnd) break;
  }
  r.ms = performance.now() - t0;
  return r;
}
