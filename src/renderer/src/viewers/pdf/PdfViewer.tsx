// PDF viewer: thumbnails, a page column that mounts only the pages near the view (spacers keep its
// full height), text layer, zoom, page navigation (toolbar, PageUp/PageDown, Home/End, Ctrl+wheel),
// find (Ctrl+F), highlights and notes on selected text or drawn rectangles, redaction marks, and
// marking a search hit.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { Annotation } from '../../../../shared/api/evidence';
import { markPage } from '../../../../shared/mark-page';
import { usePdfDocument } from './usePdfDocument';
import { PDF_TO_CSS, startPdfWorker } from './pdfjs';
import { PAGE_PAD, fitZoom, jumpTop, nextZoom, pageAt, pageTops, slotSize, stackWindow, type JumpTarget, type PageSize, type SlotWindow, type Stack } from './pdfLayout';
import { usePageSizes } from './usePageSizes';
import { PdfPage } from './PdfPage';
import { PdfThumbnails } from './PdfThumbnails';
import { PdfToolbar } from './PdfToolbar';
import { FindBar } from '../FindBar';
import { useFindOpener } from '../useFindKey';
import { usePdfFind } from './usePdfFind';
import { useMarking } from './useMarking';
import type { PageLayer } from './PageOverlay';
import type { ZoomMode } from '../ZoomSelect';
import { usePdfReadingPosition } from './readingPositions';
import { ViewerError, ViewerLoading } from '../ViewerMessage';
import { isBoolean, usePersistentState } from '../../lib/usePersistentState';
import { useScrollBox } from './useScrollBox';
import { useLayoutWidth } from '../../lib/useLayoutWidth';
import { isTypingTarget } from '../../lib/keys';
import type { CaseItem } from '../../casefile/items';
import type { Reveal } from '../../workspace/reveal';
import { useAnnotations } from '../../annotations/AnnotationsContext';
import './pdf.css';

/** Below this viewer width the thumbnails hide themselves unless the reader asks for them. */
const THUMBS_MIN_WIDTH = 560;
const NO_ANNOTATIONS: Annotation[] = [];
const NOTHING: SlotWindow = { from: 0, to: -1, before: null, after: null };

interface Props {
  url: string;
  title: string;
  /** The case item shown (annotations, export); absent for loose files. */
  item?: CaseItem;
  reveal?: Reveal | null;
}

/** Loads the pdf.js worker ahead of the first PDF (called when a case opens). */
export function warmPdfViewer(): void {
  startPdfWorker();
}

export function PdfViewer({ url, title, item, reveal }: Props) {
  const { doc, first, error, progress } = usePdfDocument(url);
  if (error) return <ViewerError title={`无法打开“${title}”`} text={error} />;
  if (!doc || !first) return <ViewerLoading progress={progress} />;
  return <PdfDocumentView key={url} doc={doc} first={first} title={title} item={item} reveal={reveal ?? null} />;
}

interface Hit {
  page: number;
  text: string;
  before: string;
  after: string;
  occurrence: number | null;
  terms?: readonly string[];
  seq: number;
}

interface ViewProps {
  doc: PDFDocumentProxy;
  first: PageSize;
  title: string;
  item: CaseItem | undefined;
  reveal: Reveal | null;
}

function PdfDocumentView({ doc, first, title, item, reveal }: ViewProps) {
  // Set once a page is on screen: other pages, thumbnails and page sizes wait for it.
  const [painted, setPainted] = useState(false);
  const onPainted = useCallback(() => setPainted(true), []);
  const [sizes, onSize, sizesMeasured] = usePageSizes(doc, first, painted);
  // Opens fitting page 1's width; a fit always names its page (see fitZoom).
  const [zoomMode, setZoomMode] = useState<ZoomMode>({ mode: 'width', page: 0 });
  const [thumbsPref, setThumbsPref] = usePersistentState('pdf.thumbnails', true, isBoolean);
  const [thumbsOverride, setThumbsOverride] = useState<boolean | null>(null);
  const [rootRef, rootWidth] = useLayoutWidth<HTMLDivElement>();
  const thumbs = thumbsOverride ?? (thumbsPref && rootWidth >= THUMBS_MIN_WIDTH);
  const toggleThumbs = useCallback(() => {
    setThumbsOverride(!thumbs);
    setThumbsPref(!thumbs);
  }, [thumbs, setThumbsPref]);
  const { ref: scrollRef, box, onScroll, measure, shown, pin, pinned } = useScrollBox();
  // The thumbnail strip takes width from the column: measure again before painting.
  useLayoutEffect(measure, [thumbs, measure]);

  // Scrolling on to a page of another size keeps the zoom (the column does not rescale under the
  // reader); choosing the fit again fits the page being read then.
  const fitPage = zoomMode.mode === 'custom' ? undefined : sizes[Math.min(zoomMode.page ?? 0, sizes.length - 1)];
  const zoom = fitZoom(zoomMode, fitPage, box, PDF_TO_CSS);
  const scale = zoom * PDF_TO_CSS;
  const layout = useMemo(() => pageTops(sizes, scale), [sizes, scale]);
  const { tops, total } = layout;
  const maxWidth = useMemo(() => sizes.reduce((m, s) => Math.max(m, slotSize(s, scale).width), 0), [sizes, scale]);
  const last = sizes.length - 1;

  const atEnd = box.top + box.height >= total - 2 && box.top > 0;
  const computed = atEnd ? last : pageAt(tops, box.top + box.height * 0.4);
  const current = Math.max(0, Math.min(last, pinned ?? computed));
  const currentRef = useRef(current);
  currentRef.current = current;
  /** A fit picked from the toolbar takes the page being read. */
  const chooseZoom = useCallback((m: ZoomMode) => setZoomMode(m.mode === 'custom' ? m : { mode: m.mode, page: m.page ?? currentRef.current }), []);
  // Mounted: a screen above and below the view (nothing until the widths are known, so page 1 is
  // drawn once at its final zoom; nothing while the tab is in the background, which frees its
  // canvases). Drawn at once: pages on screen; the others after the first paint.
  const measured = rootWidth > 0 && box.width > 0 && shown;
  const mounted = measured ? stackWindow(layout, box.top - box.height, box.top + 2 * box.height) : NOTHING;
  const onScreen = stackWindow(layout, box.top, box.top + box.height);

  // The last jump stays pending until the reader scrolls: useKeepInView applies it again when the
  // layout changes under it (pages measured after a jump made on page 1's size, zoom to fit).
  const geometry = useRef({ layout, scale });
  geometry.current = { layout, scale };
  const jump = useRef<(JumpTarget & { top: number }) | null>(null);
  const lastTop = useRef(0);
  const jumpTo = useCallback(
    (target: JumpTarget) => {
      const el = scrollRef.current;
      const top = el && jumpTop(geometry.current.layout, target, geometry.current.scale, el.clientHeight);
      if (!el || top == null) return;
      el.scrollTop = top;
      lastTop.current = el.scrollTop;
      jump.current = { ...target, top: el.scrollTop };
      pin(target.index);
    },
    [scrollRef, pin],
  );
  const goTo = useCallback((index: number) => jumpTo({ index: Math.max(0, Math.min(last, index)), y: null }), [last, jumpTo]);
  // Scroll so that a spot (y in PDF units on a page) sits in the upper third of the view.
  const scrollToSpot = useCallback((index: number, y: number) => jumpTo({ index, y }), [jumpTo]);
  const onScrolled = useCallback(() => {
    const el = scrollRef.current;
    if (el) {
      lastTop.current = el.scrollTop;
      // Moved away from the jump: the reader scrolled (our own scrolling leaves jump.top where it is).
      if (jump.current && Math.abs(el.scrollTop - jump.current.top) > 2) jump.current = null;
    }
    onScroll();
  }, [scrollRef, onScroll]);
  const placed = useRef(new Set<string>());
  const onPlaced = useCallback(
    (page: number, y: number, key: string) => {
      if (placed.current.has(key)) return;
      placed.current.add(key);
      scrollToSpot(page - 1, y);
    },
    [scrollToSpot],
  );

  useKeepInView(scrollRef, layout, scale, { measure, pin, jump, lastTop });
  // A column wider than the view (a wider page somewhere, or zoomed in): the current page centred
  // when it fits, else from its left edge (as before for documents whose pages have one size). Also
  // when the page read becomes one of another width (on to a landscape page at a portrait fit: its
  // left edge, where its lines start; back: the portrait page centred), not on every page change.
  const currentSize = sizes[current];
  const currentWidth = currentSize ? slotSize(currentSize, scale).width : 0;
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !currentSize) return;
    const w = currentWidth;
    const left = PAGE_PAD + (maxWidth - w) / 2;
    const target = w + 2 * PAGE_PAD <= el.clientWidth ? left + w / 2 - el.clientWidth / 2 : left - PAGE_PAD;
    el.scrollLeft = Math.max(0, Math.min(el.scrollWidth - el.clientWidth, target));
  }, [maxWidth, box.width, scale, scrollRef, currentWidth]);

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
  const { open: openFind, focusSeq: findFocus } = useFindOpener(rootRef, find.show);
  const match = find.current >= 0 ? find.matches[find.current] : undefined;
  useEffect(() => {
    if (match) goTo(match.page);
    // Only when the current match changes, not when the layout does.
  }, [match?.page, match?.nth, find.query]);

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
  // Where the reader was: a tab shown again resumes at its page and zoom (not over a reveal).
  usePdfReadingPosition(item?.file.sha256 ?? doc.fingerprints[0] ?? '', { page: current, zoom: zoomMode }, { ready: sizes.length > 0, revealed: reveal !== null, setZoomMode, goTo });

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
      const p = markPage(a);
      if (p !== null) (get(p - 1).annotations as Annotation[]).push(a);
    }
    if (find.open && find.query.trim()) {
      const pages = new Set(find.matches.map((x) => x.page));
      for (const p of pages) get(p).find = { text: find.query, current: match && match.page === p ? match.nth : null };
    }
    if (hit) get(hit.page).hit = { text: hit.text, before: hit.before, after: hit.after, occurrence: hit.occurrence, terms: hit.terms ?? [], seq: hit.seq };
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

  const pages: ReactNode[] = [];
  for (let i = mounted.from; i <= mounted.to; i++) {
    const size = sizes[i];
    if (!size) continue;
    pages.push(
      <PdfPage
        key={i}
        doc={doc}
        index={i}
        size={size}
        scale={scale}
        eager={painted || (i >= onScreen.from && i <= onScreen.to)}
        onSize={onSize}
        onPainted={onPainted}
        layer={layers.get(i)}
        drawing={marking.drawing}
        onArea={canMark ? marking.onArea : undefined}
      />,
    );
  }
  return (
    <div ref={rootRef} className="viewer pdf-viewer" onKeyDown={onKeyDown} data-testid="pdf-viewer" data-current-page={current + 1} data-pages-measured={sizesMeasured}>
      <PdfToolbar
        page={current}
        pageCount={doc.numPages}
        onGo={goTo}
        zoom={zoom}
        zoomMode={zoomMode}
        onZoom={chooseZoom}
        thumbs={thumbs}
        onToggleThumbs={toggleThumbs}
        onFind={openFind}
        findOpen={find.open}
        drawing={marking.drawing}
        onToggleDrawing={canMark ? marking.toggleDrawing : undefined}
        item={canMark ? item : undefined}
        width={rootWidth}
      />
      {find.open && <FindBar find={find} focusSeq={findFocus} onClosed={() => scrollRef.current?.focus()} testId="pdf" />}
      <div className="viewer-body">
        {thumbs && sizes.length > 0 && <PdfThumbnails doc={doc} sizes={sizes} current={current} draw={painted} onGo={goTo} />}
        <div
          ref={scrollRef}
          className="pdf-scroll"
          onScroll={onScrolled}
          onMouseUp={canMark ? marking.onMouseUp : undefined}
          tabIndex={0}
          role="document"
          aria-label={`${title}，共 ${doc.numPages} 页`}
        >
          <div className="pdf-column" style={{ width: maxWidth + 2 * PAGE_PAD, minHeight: total }}>
            {mounted.before !== null && <div className="pdf-spacer" style={{ height: mounted.before }} aria-hidden />}
            {pages}
            {mounted.after !== null && <div className="pdf-spacer" style={{ height: mounted.after }} aria-hidden />}
          </div>
        </div>
      </div>
    </div>
  );
}

interface KeepInView {
  measure: () => void;
  pin: (index: number) => void;
  /** A jump not yet followed by the reader's own scrolling: it wins over keeping the view. */
  jump: { current: (JumpTarget & { top: number }) | null };
  /** scrollTop as last scrolled or set by the viewer (a shorter column may have clamped it since). */
  lastTop: { current: number };
}

/**
 * When the column changes under the reader, a pending jump lands again on its page in the new
 * layout; otherwise the page at the top of the view stays where it was: after a zoom the same spot
 * of it (same fraction of its height), after a page above it was measured (estimated size
 * corrected) the same pixels.
 */
function useKeepInView(scrollRef: { current: HTMLDivElement | null }, layout: Stack, scale: number, { measure, pin, jump, lastTop }: KeepInView): void {
  const prev = useRef({ scale, layout });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const before = prev.current;
    prev.current = { scale, layout };
    if (!el || before.layout === layout || before.layout.tops.length !== layout.tops.length) return;
    const target = jump.current;
    if (target) {
      const top = jumpTop(layout, target, scale, el.clientHeight);
      if (top === null) return;
      el.scrollTop = top;
      lastTop.current = el.scrollTop;
      target.top = el.scrollTop;
      pin(target.index); // pins the new position and mounts its pages before this frame is painted
      return;
    }
    // The DOM is already laid out: a column that got shorter may have clamped scrollTop.
    const atEnd = el.scrollTop >= el.scrollHeight - el.clientHeight - 1;
    const was = atEnd ? Math.max(el.scrollTop, lastTop.current) : el.scrollTop;
    const i = pageAt(before.layout.tops, was);
    const oldTop = before.layout.tops[i] ?? 0;
    const newTop = layout.tops[i] ?? 0;
    const into = was - oldTop;
    const next = before.scale === scale ? newTop + into : newTop + (into / Math.max(1, before.layout.heights[i] ?? 1)) * (layout.heights[i] ?? 0);
    if (Math.abs(next - el.scrollTop) < 0.5) return;
    el.scrollTop = next;
    lastTop.current = el.scrollTop;
    measure(); // mount the pages for the new position before this frame is painted
  }, [scale, layout, scrollRef, measure, pin, jump, lastTop]);
}
