// PDF viewer: thumbnails, a page column that renders only pages near the view, text layer, zoom,
// page navigation (toolbar, PageUp/PageDown, Home/End, Ctrl+wheel).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { usePdfDocument } from './usePdfDocument';
import { PDF_TO_CSS } from './pdfjs';
import { PAGE_PAD, clampZoom, nextZoom, pageAt, pageTops, slotSize, type PageSize } from './pdfLayout';
import { PdfPage } from './PdfPage';
import { PdfThumbnails } from './PdfThumbnails';
import { PdfToolbar } from './PdfToolbar';
import type { ZoomMode } from '../ZoomSelect';
import { ViewerError, ViewerLoading } from '../ViewerMessage';
import { isBoolean, usePersistentState } from '../../lib/usePersistentState';
import { useScrollBox } from './useScrollBox';
import { useElementWidth } from '../../lib/useElementWidth';

/** Below this viewer width the thumbnails hide themselves unless the reader asks for them. */
const THUMBS_MIN_WIDTH = 560;
import './pdf.css';

export function PdfViewer({ url, title }: { url: string; title: string }) {
  const { doc, error, progress } = usePdfDocument(url);
  if (error) return <ViewerError title={`无法打开“${title}”`} text={error} />;
  if (!doc) return <ViewerLoading progress={progress} />;
  return <PdfDocumentView doc={doc} title={title} />;
}

function useFirstPageSizes(doc: PDFDocumentProxy): [PageSize[], (i: number, s: PageSize) => void] {
  const [sizes, setSizes] = useState<PageSize[]>([]);
  useEffect(() => {
    let alive = true;
    void doc.getPage(1).then((page) => {
      const vp = page.getViewport({ scale: 1 });
      // Until each page loads, assume it has the first page's size.
      if (alive) setSizes(Array.from({ length: doc.numPages }, () => ({ w: vp.width, h: vp.height })));
    });
    return () => {
      alive = false;
    };
  }, [doc]);
  const onSize = useCallback((i: number, s: PageSize) => {
    setSizes((prev) => {
      const old = prev[i];
      if (!old || (Math.abs(old.w - s.w) < 0.5 && Math.abs(old.h - s.h) < 0.5)) return prev;
      const next = [...prev];
      next[i] = s;
      return next;
    });
  }, []);
  return [sizes, onSize];
}

function effectiveZoom(mode: ZoomMode, first: PageSize | undefined, box: { width: number; height: number }): number {
  if (mode.mode === 'custom') return mode.zoom;
  if (!first || box.width === 0) return 1;
  const byWidth = (box.width - 2 * PAGE_PAD) / (first.w * PDF_TO_CSS);
  if (mode.mode === 'width') return clampZoom(byWidth);
  return clampZoom(Math.min(byWidth, (box.height - 2 * PAGE_PAD) / (first.h * PDF_TO_CSS)));
}

function PdfDocumentView({ doc, title }: { doc: PDFDocumentProxy; title: string }) {
  const [sizes, onSize] = useFirstPageSizes(doc);
  const [zoomMode, setZoomMode] = useState<ZoomMode>({ mode: 'width' });
  const [thumbsPref, setThumbsPref] = usePersistentState('pdf.thumbnails', true, isBoolean);
  const [thumbsOverride, setThumbsOverride] = useState<boolean | null>(null);
  const [rootRef, rootWidth] = useElementWidth<HTMLDivElement>();
  const thumbs = thumbsOverride ?? (thumbsPref && rootWidth >= THUMBS_MIN_WIDTH);
  const toggleThumbs = () => {
    setThumbsOverride(!thumbs);
    setThumbsPref(!thumbs);
  };
  const { ref: scrollRef, box, onScroll, pin, pinned } = useScrollBox();

  const zoom = effectiveZoom(zoomMode, sizes[0], box);
  const scale = zoom * PDF_TO_CSS;
  const { tops, total } = useMemo(() => pageTops(sizes, scale), [sizes, scale]);
  const last = sizes.length - 1;

  const atEnd = box.top + box.height >= total - 2 && box.top > 0;
  const computed = atEnd ? last : pageAt(tops, box.top + box.height * 0.4);
  const current = Math.max(0, Math.min(last, pinned ?? computed));
  const liveFrom = pageAt(tops, box.top - box.height);
  const liveTo = pageAt(tops, box.top + 2 * box.height);

  const goTo = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      const i = Math.max(0, Math.min(last, index));
      if (!el || tops[i] === undefined) return;
      el.scrollTop = tops[i] - PAGE_PAD / 2;
      pin(i);
    },
    [last, tops, pin, scrollRef],
  );

  // Zoom keeps the same spot of the same page at the top of the view.
  const prev = useRef({ scale, tops });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const before = prev.current;
    prev.current = { scale, tops };
    if (!el || before.scale === scale || before.tops.length === 0) return;
    const i = pageAt(before.tops, el.scrollTop);
    const size = sizes[i];
    if (!size) return;
    const frac = (el.scrollTop - (before.tops[i] ?? 0)) / Math.max(1, slotSize(size, before.scale).height);
    el.scrollTop = (tops[i] ?? 0) + frac * slotSize(size, scale).height;
  }, [scale, tops, sizes, scrollRef]);

  // Ctrl+wheel zooms (needs a non-passive listener to stop the page zoom).
  const zoomRef = useRef(zoom);
  zoomRef.current = zoom;
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      setZoomMode({ mode: 'custom', zoom: nextZoom(zoomRef.current, e.deltaY < 0 ? 1 : -1) });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scrollRef]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target instanceof HTMLInputElement) return;
    const keys: Record<string, number> = { PageDown: current + 1, PageUp: current - 1, Home: 0, End: last };
    const target = keys[e.key];
    if (target !== undefined && !e.altKey && !e.ctrlKey) {
      e.preventDefault();
      goTo(target);
    } else if (e.ctrlKey && (e.key === '=' || e.key === '+' || e.key === '-')) {
      e.preventDefault();
      setZoomMode({ mode: 'custom', zoom: nextZoom(zoom, e.key === '-' ? -1 : 1) });
    }
  };

  const maxWidth = sizes.reduce((m, s) => Math.max(m, slotSize(s, scale).width), 0);
  return (
    <div ref={rootRef} className="viewer pdf-viewer" onKeyDown={onKeyDown} data-testid="pdf-viewer" data-current-page={current + 1}>
      <PdfToolbar
        page={current}
        pageCount={doc.numPages}
        onGo={goTo}
        zoom={zoom}
        zoomMode={zoomMode}
        onZoom={setZoomMode}
        thumbs={thumbs}
        onToggleThumbs={toggleThumbs}
      />
      <div className="viewer-body">
        {thumbs && sizes.length > 0 && <PdfThumbnails doc={doc} sizes={sizes} current={current} onGo={goTo} />}
        <div ref={scrollRef} className="pdf-scroll" onScroll={onScroll} tabIndex={0} role="document" aria-label={`${title}，共 ${doc.numPages} 页`}>
          <div className="pdf-column" style={{ width: maxWidth + 2 * PAGE_PAD, minHeight: total }}>
            {sizes.map((size, i) => (
              <PdfPage key={i} doc={doc} index={i} size={size} scale={scale} live={i >= liveFrom - 1 && i <= liveTo + 1} onSize={onSize} />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
