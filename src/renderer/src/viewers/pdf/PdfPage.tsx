// One page slot: always sized, but the canvas and text layer exist only while the page is near the view.
// The text layer is laid out by pdf.js in page units and follows zoom through --total-scale-factor.
import { memo, useEffect, useRef, useState, type CSSProperties } from 'react';
import { TextLayer, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import { slotSize, type PageSize } from './pdfLayout';

interface Props {
  doc: PDFDocumentProxy;
  index: number;
  size: PageSize;
  scale: number;
  live: boolean;
  onSize: (index: number, size: PageSize) => void;
}

/** Keep canvases under ~16 megapixels whatever the zoom and screen density. */
function outputRatio(width: number, height: number): number {
  const dpr = Math.min(window.devicePixelRatio || 1, 2);
  const max = 16_000_000;
  return width * height * dpr * dpr > max ? Math.sqrt(max / (width * height)) : dpr;
}

function isCancel(err: unknown): boolean {
  const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
  return name === 'RenderingCancelledException' || name === 'AbortException';
}

export const PdfPage = memo(function PdfPage({ doc, index, size, scale, live, onSize }: Props) {
  const canvasHost = useRef<HTMLDivElement>(null);
  const textHost = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'idle' | 'done' | 'error'>('idle');

  useEffect(() => {
    const host = canvasHost.current;
    if (!live || !host) return;
    let alive = true;
    let task: RenderTask | null = null;
    (async () => {
      const page = await doc.getPage(index + 1);
      if (!alive) return;
      const base = page.getViewport({ scale: 1 });
      onSize(index, { w: base.width, h: base.height });
      const viewport = page.getViewport({ scale });
      const ratio = outputRatio(viewport.width, viewport.height);
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.setAttribute('role', 'presentation');
      task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      await task.promise;
      if (!alive) return;
      host.replaceChildren(canvas); // swap only when finished: no blank flash while zooming
      setState('done');
    })().catch((err: unknown) => {
      if (alive && !isCancel(err)) setState('error');
    });
    return () => {
      alive = false;
      task?.cancel();
    };
  }, [doc, index, scale, live, onSize]);

  // Free the canvas when the page scrolls far away.
  useEffect(() => {
    if (!live) {
      canvasHost.current?.replaceChildren();
      setState('idle');
    }
  }, [live]);

  useEffect(() => {
    const host = textHost.current;
    if (!live || !host) return;
    let layer: TextLayer | null = null;
    let alive = true;
    (async () => {
      const page = await doc.getPage(index + 1);
      if (!alive) return;
      host.replaceChildren();
      layer = new TextLayer({ textContentSource: page.streamTextContent(), container: host, viewport: page.getViewport({ scale: 1 }) });
      await layer.render();
    })().catch(() => undefined); // no text layer: the page still shows, it just can't be selected
    return () => {
      alive = false;
      layer?.cancel();
      host.replaceChildren();
    };
  }, [doc, index, live]);

  const { width, height } = slotSize(size, scale);
  const style = { width, height, '--scale-factor': scale, '--total-scale-factor': scale, '--user-unit': 1 } as CSSProperties;
  return (
    <div className="pdf-page" style={style} data-testid="pdf-page" data-page-number={index + 1} data-rendered={state === 'done'} role="group" aria-label={`第 ${index + 1} 页`}>
      <div className="pdf-canvas" ref={canvasHost} />
      <div className="textLayer" ref={textHost} />
      {state !== 'done' && <div className="pdf-page-note">{state === 'error' ? `第 ${index + 1} 页无法显示` : index + 1}</div>}
    </div>
  );
});
