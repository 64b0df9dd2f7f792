// PDF viewer: thumbnails, a page column that renders only pages near the view, text layer, zoom,
// page navigation (toolbar, PageUp/PageDown, Home/End, Ctrl+wheel), find (Ctrl+F), highlights and
// notes on selected text or drawn rectangles, redaction marks, and marking a search hit.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { Annotation } from '../../../../shared/api/evidence';
import { usePdfDocument } from './usePdfDocument';
import { PDF_TO_CSS } from './pdfjs';
import { PAGE_PAD, clampZoom, nextZoom, pageAt, pageTops, slotSize, type PageSize } from './pdfLayout';
import { PdfPage } from './PdfPage';
import { PdfThumbnails } from './PdfThumbnails';
import { PdfToolbar } from './PdfToolbar';
import { PdfFindBar } from './PdfFindBar';
import { usePdfFind } from './usePdfFind';
import { useMarking } from './useMarking';
import type { PageLayer } from './PageOverlay';
import type { ZoomMode } from '../ZoomSelect';
import { ViewerError, ViewerLoading } from '../ViewerMessage';
import { isBoolean, usePersistentState } from '../../lib/usePersistentState';
import { useScrollBox } from './useScrollBox';
import { useElementWidth } from '../../lib/useElementWidth';
import { useGlobalKeys } from '../../lib/useGlobalKeys';
import { isCtrl, isTypingTarget } from '../../lib/keys';
import type { CaseItem } from '../../casefile/items';
import type { Reveal } from '../../workspace/reveal';
import { useAnnotations } from '../../annotations/AnnotationsContext';
import './pdf.css';

/** Below this viewer width the thumbnails hide themselves unless the reader asks for them. */
const THUMBS_MIN_WIDTH = 560;
const NO_ANNOTATIONS: Annotation[] = [];

interface Props {
  url: string;
  title: string;
  /** The case item shown (annotations, export); absent for loose files. */
  item?: CaseItem;
  reveal?: Reveal | null;
}

export function PdfViewer({ url, title, item, reveal }: Props) {
  const { doc, error, progress } = usePdfDocument(url);
  if (error) return <ViewerError title={`无法打开“${title}”`} text={error} />;
  if (!doc) return <ViewerLoading progress={progress} />;
  return <PdfDocumentView doc={doc} title={title} item={item} reveal={reveal ?? null} />;
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

interface Hit {
  page: number;
  text: string;
  before: string;
  after: string;
  seq: number;
}

function PdfDocumentView({ doc, title, item, reveal }: { doc: PDFDocumentProxy; title: string; item: CaseItem | undefined; reveal: Reveal | null }) {
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

  // Scroll so that a spot (y in PDF units on a page) sits in the upper third of the view.
  const geometry = useRef({ tops, scale });
  geometry.current = { tops, scale };
  const scrollToSpot = useCallback(
    (index: number, y: number) => {
      const el = scrollRef.current;
      const top = geometry.current.tops[index];
      if (!el || top === undefined) return;
      el.scrollTop = Math.max(0, top + y * geometry.current.scale - el.clientHeight / 3);
      pin(index);
    },
    [scrollRef, pin],
  );
  const placed = useRef(new Set<string>());
  const onPlaced = useCallback(
    (page: number, y: number, key: string) => {
      if (placed.current.has(key)) return;
      placed.current.add(key);
      scrollToSpot(page - 1, y);
    },
    [scrollToSpot],
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

  // ---- find (Ctrl+F) -------------------------------------------------------------------------
  const find = usePdfFind(doc, current);
  const [findFocus, setFindFocus] = useState(0);
  const openFind = useCallback(() => {
    find.show();
    setFindFocus((n) => n + 1);
  }, [find]);
  const match = find.current >= 0 ? find.matches[find.current] : undefined;
  useEffect(() => {
    if (match) goTo(match.page);
    // Only when the current match changes, not when the layout does.
  }, [match?.page, match?.nth, find.query]);

  useGlobalKeys((e) => {
    if (!isCtrl(e, 'f')) return false;
    const root = rootRef.current;
    if (!root || root.offsetParent === null) return false;
    const inActivePane = root.closest('.pane')?.classList.contains('is-active') ?? true;
    if (!inActivePane && !root.contains(document.activeElement)) return false;
    openFind();
    return true;
  });

  // ---- highlights, notes, redaction marks ----------------------------------------------------
  const store = useAnnotations();
  const annotations = (item && !item.derived && store?.byItem.get(item.id)) || NO_ANNOTATIONS;
  const canMark = Boolean(item && !item.derived && store);
  const marking = useMarking({ item, store, scale, annotations });

  // ---- reveal: a search hit, a page, an annotation -------------------------------------------
  const [hit, setHit] = useState<Hit | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const handled = useRef(0);
  useEffect(() => {
    if (!reveal || reveal.seq === handled.current || sizes.length === 0) return;
    handled.current = reveal.seq;
    const page = Math.max(1, Math.min(sizes.length, reveal.page ?? 1));
    goTo(page - 1);
    if (reveal.find) setHit({ page: page - 1, ...reveal.find, seq: reveal.seq });
    if (reveal.annotationId) {
      const a = annotations.find((x) => x.id === reveal.annotationId);
      const y = a && 'rects' in a.anchor ? a.anchor.rects[0]?.y : undefined;
      if (y !== undefined) scrollToSpot(page - 1, y);
      setFlashId(reveal.annotationId);
    }
  }, [reveal, sizes.length, goTo, scrollToSpot, annotations]);
  useEffect(() => {
    if (!flashId) return;
    const t = window.setTimeout(() => setFlashId(null), 2000);
    return () => window.clearTimeout(t);
  }, [flashId]);

  // ---- what each page draws: only pages with something get a layer (keeps PdfPage memoised) ----
  const layers = useMemo(() => {
    const m = new Map<number, PageLayer>();
    const get = (i: number): PageLayer => {
      let l = m.get(i);
      if (!l) {
        l = { annotations: [], find: null, hit: null, flashId, popover: null, onPin: marking.onPin, onPlaced };
        m.set(i, l);
      }
      return l;
    };
    for (const a of annotations) {
      if (a.anchor.type === 'text' || a.anchor.type === 'area') (get(a.anchor.page - 1).annotations as Annotation[]).push(a);
    }
    if (find.open && find.query.trim()) {
      const pages = new Set(find.matches.map((x) => x.page));
      for (const p of pages) get(p).find = { text: find.query, current: match && match.page === p ? match.nth : null };
    }
    if (hit) get(hit.page).hit = { text: hit.text, before: hit.before, after: hit.after, seq: hit.seq };
    if (marking.popover) get(marking.popover.page - 1).popover = marking.popover.node;
    return m;
  }, [annotations, find.open, find.query, find.matches, match, hit, flashId, marking.popover, marking.onPin, onPlaced]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      if (marking.popover) marking.close();
      else if (find.open) find.close();
      else if (hit) setHit(null);
      else return;
      e.preventDefault();
      return;
    }
    if (isTypingTarget(e.target)) return;
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
        onFind={openFind}
        findOpen={find.open}
        drawing={marking.drawing}
        onToggleDrawing={canMark ? marking.toggleDrawing : undefined}
        item={canMark ? item : undefined}
      />
      {find.open && <PdfFindBar find={find} focusSeq={findFocus} onClosed={() => scrollRef.current?.focus()} />}
      <div className="viewer-body">
        {thumbs && sizes.length > 0 && <PdfThumbnails doc={doc} sizes={sizes} current={current} onGo={goTo} />}
        <div
          ref={scrollRef}
          className="pdf-scroll"
          onScroll={onScroll}
          onMouseUp={canMark ? marking.onMouseUp : undefined}
          tabIndex={0}
          role="document"
          aria-label={`${title}，共 ${doc.numPages} 页`}
        >
          <div className="pdf-column" style={{ width: maxWidth + 2 * PAGE_PAD, minHeight: total }}>
            {sizes.map((size, i) => (
              <PdfPage
                key={i}
                doc={doc}
                index={i}
                size={size}
                scale={scale}
                live={i >= liveFrom - 1 && i <= liveTo + 1}
                onSize={onSize}
                layer={layers.get(i)}
                drawing={marking.drawing}
                onArea={canMark ? marking.onArea : undefined}
              />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
