// One mounted page of the column (PdfViewer mounts only pages near the view). The canvas is drawn
// first and swapped in when finished; the text layer follows one frame later, so building it never
// holds back the first paint. Unmounting releases everything: render cancelled, canvas emptied,
// pdf.js's per-page data (operator list, images) dropped with page.cleanup().
// The text layer is laid out by pdf.js in page units and follows zoom through --total-scale-factor.
// Marks (highlights, find and search hits, redaction boxes) sit between the canvas and the text layer.
import { memo, useEffect, useRef, useState, type CSSProperties, type PointerEvent } from 'react';
import { TextLayer, type PDFDocumentProxy, type PDFPageProxy, type RenderTask } from 'pdfjs-dist';
import type { Rect } from '../../../../shared/api/evidence';
import { slotSize, type PageSize } from './pdfLayout';
import { PageOverlay, type PageLayer } from './PageOverlay';

interface Props {
  doc: PDFDocumentProxy;
  index: number;
  size: PageSize;
  scale: number;
  /** May start drawing now (on screen, or the viewer's first page is painted); later it stays started. */
  eager: boolean;
  onSize: (index: number, size: PageSize) => void;
  /** The page is on screen (each time it is drawn), or failed to draw. */
  onPainted: (index: number) => void;
  /** What to draw over this page; undefined when nothing (keeps the memo cheap). */
  layer: PageLayer | undefined;
  /** 框选 tool on: dragging draws a rectangle (Alt+drag does so at any time). */
  drawing: boolean;
  /** A rectangle was drawn (PDF units at scale 1, top-left origin). */
  onArea: ((page: number, rect: Rect) => void) | undefined;
}

/** Keep canvases under ~16 megapixels whatever the zoom and screen density. */
function outputRatio(width: number, height: number): number {
  const dpr = Math.min(window.devicePixelRatio || 1, 2);
  const max = 16_000_000;
  return width * height * dpr * dpr > max ? Math.sqrt(max / (width * height)) : dpr;
}

/** Frees a canvas's pixels now rather than at the next GC. */
function release(canvas: HTMLCanvasElement | null | undefined): void {
  if (!canvas) return;
  canvas.width = 0;
  canvas.height = 0;
}

/** Resolves after the next frame has been produced. */
const afterFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => window.setTimeout(resolve, 0)));

function isCancel(err: unknown): boolean {
  const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
  return name === 'RenderingCancelledException' || name === 'AbortException';
}

/** One document-wide listener ends the "selecting" state of every text layer when the button is released. */
let selectingResetBound = false;
function bindSelectingReset(): void {
  if (selectingResetBound) return;
  selectingResetBound = true;
  const reset = () => document.querySelectorAll('.textLayer.selecting').forEach((el) => el.classList.remove('selecting'));
  document.addEventListener('pointerup', reset);
  window.addEventListener('blur', reset);
}

interface Drag {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const PdfPage = memo(function PdfPage({ doc, index, size, scale, eager, onSize, onPainted, layer, drawing, onArea }: Props) {
  const pageRef = useRef<HTMLDivElement>(null);
  const canvasHost = useRef<HTMLDivElement>(null);
  const textHost = useRef<HTMLDivElement>(null);
  const proxy = useRef<PDFPageProxy | null>(null);
  const [state, setState] = useState<'idle' | 'done' | 'error'>('idle');
  /** Bumped each time the text layer finishes rendering: marks re-find their text then. */
  const [textVersion, setTextVersion] = useState(0);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [started, setStarted] = useState(eager);
  if (eager && !started) setStarted(true);
  useEffect(bindSelectingReset, []);

  useEffect(() => {
    const host = canvasHost.current;
    if (!started || !host) return;
    let alive = true;
    let task: RenderTask | null = null;
    let canvas: HTMLCanvasElement | null = null;
    (async () => {
      const page = await doc.getPage(index + 1);
      if (!alive) return;
      proxy.current = page;
      const base = page.getViewport({ scale: 1 });
      onSize(index, { w: base.width, h: base.height });
      const viewport = page.getViewport({ scale });
      const ratio = outputRatio(viewport.width, viewport.height);
      canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.setAttribute('role', 'presentation');
      task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      await task.promise;
      if (!alive) return release(canvas);
      // Swap only when finished: no blank flash while zooming.
      const old = host.querySelector('canvas');
      host.replaceChildren(canvas);
      release(old);
      setState('done');
      // Work waiting for the first paint starts once the frame showing this page is out.
      await afterFrame();
      if (alive) onPainted(index);
    })().catch((err: unknown) => {
      release(canvas);
      if (!alive || isCancel(err)) return;
      setState('error');
      onPainted(index); // settled all the same: what waits for the first paint may go on
    });
    return () => {
      alive = false;
      task?.cancel();
    };
  }, [doc, index, scale, started, onSize, onPainted]);

  // Leaving the view (unmount): the canvas pixels and pdf.js's data for the page go now.
  useEffect(() => {
    const host = canvasHost.current;
    return () => {
      release(host?.querySelector('canvas'));
      host?.replaceChildren();
      // Waits by itself for a cancelled render or another user of the page (its thumbnail) to finish.
      proxy.current?.cleanup();
    };
  }, []);

  // The text layer once the canvas is up (or failed), one frame later; zoom does not rebuild it.
  const drawn = state !== 'idle';
  useEffect(() => {
    const host = textHost.current;
    if (!drawn || !host) return;
    let layer: TextLayer | null = null;
    let alive = true;
    (async () => {
      await afterFrame();
      if (!alive) return;
      const page = await doc.getPage(index + 1);
      if (!alive) return;
      host.replaceChildren();
      layer = new TextLayer({ textContentSource: page.streamTextContent(), container: host, viewport: page.getViewport({ scale: 1 }) });
      await layer.render();
      // As pdf.js's own viewer: an end-of-content block that, while selecting, covers the gaps
      // between spans so the selection does not jump to the end of the page.
      const end = document.createElement('div');
      end.className = 'endOfContent';
      host.append(end);
      if (alive) setTextVersion((v) => v + 1);
    })().catch(() => undefined); // no text layer: the page still shows, it just can't be selected
    return () => {
      alive = false;
      layer?.cancel();
      host.replaceChildren();
    };
  }, [doc, index, drawn]);

  const toPage = (e: PointerEvent) => {
    const box = pageRef.current!.getBoundingClientRect();
    return { x: Math.min(Math.max(0, e.clientX - box.left), box.width), y: Math.min(Math.max(0, e.clientY - box.top), box.height) };
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!onArea || e.button !== 0 || !(drawing || e.altKey)) return;
    if ((e.target as HTMLElement).closest('.pdf-popover, .pdf-pin')) return;
    e.preventDefault();
    window.getSelection()?.removeAllRanges();
    e.currentTarget.setPointerCapture(e.pointerId);
    const p = toPage(e);
    setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const p = toPage(e);
    setDrag({ ...drag, x1: p.x, y1: p.y });
  };
  const onPointerUp = () => {
    if (!drag) return;
    setDrag(null);
    const w = Math.abs(drag.x1 - drag.x0);
    const h = Math.abs(drag.y1 - drag.y0);
    if (w < 6 || h < 6) return;
    const r = { x: Math.min(drag.x0, drag.x1) / scale, y: Math.min(drag.y0, drag.y1) / scale, width: w / scale, height: h / scale };
    onArea?.(index + 1, { x: Math.round(r.x * 100) / 100, y: Math.round(r.y * 100) / 100, width: Math.round(r.width * 100) / 100, height: Math.round(r.height * 100) / 100 });
  };

  const { width, height } = slotSize(size, scale);
  const style = { width, height, '--scale-factor': scale, '--total-scale-factor': scale, '--user-unit': 1 } as CSSProperties;
  return (
    <div
      ref={pageRef}
      className={`pdf-page${drawing ? ' is-drawing' : ''}`}
      style={style}
      data-testid="pdf-page"
      data-page-number={index + 1}
      data-rendered={state === 'done'}
      data-text-ready={textVersion > 0}
      role="group"
      aria-label={`第 ${index + 1} 页`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
      onMouseDown={(e) => {
        // Alt+drag or the 框选 tool draws a rectangle instead of selecting text.
        if (onArea && (drawing || e.altKey) && !(e.target as HTMLElement).closest('.pdf-popover, .pdf-pin')) e.preventDefault();
      }}
    >
      <div className="pdf-canvas" ref={canvasHost} />
      {layer && <PageOverlay page={index + 1} layer={layer} scale={scale} textHost={textHost} textVersion={textVersion} pageRef={pageRef} />}
      <div
        className="textLayer"
        ref={textHost}
        onMouseDown={(e) => {
          if (!e.altKey && !drawing) e.currentTarget.classList.add('selecting');
        }}
      />
      {drag && (
        <div
          className="pdf-drag"
          style={{ left: Math.min(drag.x0, drag.x1), top: Math.min(drag.y0, drag.y1), width: Math.abs(drag.x1 - drag.x0), height: Math.abs(drag.y1 - drag.y0) }}
        />
      )}
      {state !== 'done' && <div className="pdf-page-note">{state === 'error' ? `第 ${index + 1} 页无法显示` : index + 1}</div>}
      {layer?.popover}
    </div>
  );
});
