// Thumbnail sidebar of a PDF; only thumbnails near the visible part are drawn.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PageSize } from './pdfLayout';
import { PdfThumb } from './PdfThumb';

interface Props {
  doc: PDFDocumentProxy;
  sizes: PageSize[];
  current: number;
  onGo: (index: number) => void;
}

export function PdfThumbnails({ doc, sizes, current, onGo }: Props) {
  return (
    <nav className="pdf-thumbs" aria-label="页面缩略图">
      {sizes.map((size, i) => (
        <PdfThumb key={i} doc={doc} index={i} size={size} current={i === current} onGo={onGo} />
      ))}
    </nav>
  );
}
