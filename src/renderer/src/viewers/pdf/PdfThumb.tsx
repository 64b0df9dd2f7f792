// A page thumbnail: rendered small when it scrolls into the sidebar, dropped when it leaves.
import { memo, useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import type { PageSize } from './pdfLayout';

export const THUMB_WIDTH = 96;

interface Props {
  doc: PDFDocumentProxy;
  index: number;
  size: PageSize;
  current: boolean;
  onGo: (index: number) => void;
}

export const PdfThumb = memo(function PdfThumb({ doc, index, size, current, onGo }: Props) {
  const ref = useRef<HTMLButtonElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const io = new IntersectionObserver((entries) => setNear(entries.some((e) => e.isIntersecting)), { root: el.closest('.pdf-thumbs'), rootMargin: '300px 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, []);

  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  useEffect(() => {
    const target = host.current;
    if (!near || !target) return;
    let alive = true;
    let task: RenderTask | null = null;
    (async () => {
      const page = await doc.getPage(index + 1);
      if (!alive) return;
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: (THUMB_WIDTH * 2) / base.width });
      const canvas = document.createElement('canvas');
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
    };
  }, [doc, index, near]);

  const height = Math.round((size.h / size.w) * THUMB_WIDTH);
  return (
    <button ref={ref} type="button" className={`pdf-thumb${current ? ' is-current' : ''}`} onClick={() => onGo(index)} aria-label={`转到第 ${index + 1} 页`} aria-current={current ? 'page' : undefined}>
      <div className="pdf-thumb-img" ref={host} style={{ width: THUMB_WIDTH, height }} />
      <span className="pdf-thumb-no num">{index + 1}</span>
    </button>
  );
});
