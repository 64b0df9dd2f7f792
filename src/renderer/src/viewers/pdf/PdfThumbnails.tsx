// Thumbnail strip of a PDF: only thumbnails near its visible part are mounted, spacers keep the
// strip's full height; the current page's thumbnail is kept in view.
import { memo, useEffect, useMemo } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { stack, stackWindow, type PageSize } from './pdfLayout';
import { PdfThumb, thumbSlotHeight } from './PdfThumb';
import { useScrollBox } from './useScrollBox';

/** Padding of the strip and space between thumbnails (see .pdf-thumbs in pdf.css). */
const STRIP_PAD = 8;
const STRIP_GAP = 6;

interface Props {
  doc: PDFDocumentProxy;
  sizes: PageSize[];
  current: number;
  /** Thumbnails draw only once the document's first page is painted. */
  draw: boolean;
  onGo: (index: number) => void;
}

export const PdfThumbnails = memo(function PdfThumbnails({ doc, sizes, current, draw, onGo }: Props) {
  const { ref, box, onScroll, shown } = useScrollBox<HTMLElement>();
  const layout = useMemo(() => stack(sizes.map(thumbSlotHeight), STRIP_PAD, STRIP_GAP), [sizes]);
  // Nothing mounted while the tab is in the background.
  const win = shown ? stackWindow(layout, box.top - box.height / 2, box.top + box.height * 1.5) : { from: 0, to: -1, before: layout.total - 2 * STRIP_PAD, after: null };

  // Keep the current page's thumbnail in view ("nearest", as scrollIntoView would).
  useEffect(() => {
    const el = ref.current;
    const top = layout.tops[current];
    const height = layout.heights[current];
    if (!el || top === undefined || height === undefined) return;
    if (top < el.scrollTop) el.scrollTop = top - STRIP_GAP;
    else if (top + height > el.scrollTop + el.clientHeight) el.scrollTop = top + height - el.clientHeight + STRIP_GAP;
    // Only when the current page changes, not at every layout change.
  }, [current]);

  const thumbs = [];
  for (let i = win.from; i <= win.to; i++) {
    const size = sizes[i];
    if (size) thumbs.push(<PdfThumb key={i} doc={doc} index={i} size={size} current={i === current} draw={draw} onGo={onGo} />);
  }
  return (
    <nav ref={ref} className="pdf-thumbs" aria-label="页面缩略图" onScroll={onScroll}>
      {win.before !== null && <div className="pdf-spacer" style={{ height: win.before }} aria-hidden />}
      {thumbs}
      {win.after !== null && <div className="pdf-spacer" style={{ height: win.after }} aria-hidden />}
    </nav>
  );
});
