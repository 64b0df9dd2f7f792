// A page thumbnail, mounted only while near the visible part of the strip (PdfThumbnails): drawn
// small when mounted, its canvas and pdf.js's data for the page released when it goes.
import { memo, useEffect, useRef } from 'react';
import type { PDFDocumentProxy, PDFPageProxy, RenderTask } from 'pdfjs-dist';
import type { PageSize } from './pdfLayout';

export const THUMB_WIDTH = 96;
/** Button padding; space between image and number plus the number's line (see .pdf-thumb in pdf.css). */
const THUMB_PAD = 3;
const THUMB_LABEL = 18;

export function thumbImageHeight(size: PageSize): number {
  return Math.round((size.h / size.w) * THUMB_WIDTH);
}

/** Full height of a thumbnail button in CSS px. */
export function thumbSlotHeight(size: PageSize): number {
  return thumbImageHeight(size) + THUMB_LABEL + 2 * THUMB_PAD;
}

interface Props {
  doc: PDFDocumentProxy;
  index: number;
  size: PageSize;
  current: boolean;
  /** Draw now; false while the first page of the document is still being painted. */
  draw: boolean;
  onGo: (index: number) => void;
}

export const PdfThumb = memo(function PdfThumb({ doc, index, size, current, draw, onGo }: Props) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = host.current;
    if (!draw || !target) return;
    let alive = true;
    let task: RenderTask | null = null;
    let page: PDFPageProxy | null = null;
    let canvas: HTMLCanvasElement | null = null;
    (async () => {
      page = await doc.getPage(index + 1);
      if (!alive) return;
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (THUMB_WIDTH * 2) / base.width });
      canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      task = page.render({ canvas, viewport });
      await task.promise;
      if (alive) target.replaceChildren(canvas);
    })().catch(() => undefined);
    return () => {
      alive = false;
      task?.cancel();
      target.replaceChildren();
      if (canvas) {
        canvas.width = 0;
        canvas.height = 0;
      }
      // Waits by itself while the page is still being drawn in the column.
      page?.cleanup();
    };
  }, [doc, index, draw]);

  return (
    <button
      type="button"
      className={`pdf-thumb${current ? ' is-current' : ''}`}
      style={{ height: thumbSlotHeight(size) }}
      onClick={() => onGo(index)}
      aria-label={`转到第 ${index + 1} 页`}
      aria-current={current ? 'page' : undefined}
    >
      <div className="pdf-thumb-img" ref={host} style={{ width: THUMB_WIDTH, height: thumbImageHeight(size) }} />
      <span className="pdf-thumb-no num">{index + 1}</span>
    </button>
  );
});
