// Opens a PDF for one viewer (with the size of its first page); destroys it when the viewer goes away.
import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { describePdfError, firstPageSize, openPdf } from './pdfjs';
import type { PageSize } from './pdfLayout';

export interface PdfDocumentState {
  doc: PDFDocumentProxy | null;
  /** Size of page 1 once the document is open. */
  first: PageSize | null;
  error: string | null;
  /** 0–1 while loading when the size is known. */
  progress: number | null;
}

export function usePdfDocument(url: string): PdfDocumentState {
  const [state, setState] = useState<PdfDocumentState>({ doc: null, first: null, error: null, progress: null });
  useEffect(() => {
    setState({ doc: null, first: null, error: null, progress: null });
    const task = openPdf(url);
    let alive = true;
    task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
      if (alive && total > 0) setState((s) => (s.doc ? s : { ...s, progress: Math.min(1, loaded / total) }));
    };
    task.promise.then(
      async (doc) => {
        const first = await firstPageSize(doc);
        if (alive) setState({ doc, first, error: null, progress: null });
      },
      (err: unknown) => alive && setState({ doc: null, first: null, error: describePdfError(err), progress: null }),
    );
    return () => {
      alive = false;
      void task.destroy();
    };
  }, [url]);
  return state;
}
