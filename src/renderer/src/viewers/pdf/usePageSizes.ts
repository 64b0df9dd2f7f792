// Page sizes of a document. Page 1's size (measured when the document opened) stands in for every
// page, so the column can be laid out and page 1 drawn straight away; once `measureAll` is set
// (after the first paint) the other pages are measured in the background, as pdf.js's own viewer
// does. A page measured when it is drawn corrects its entry too.
import { useCallback, useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PageSize } from './pdfLayout';

/** Pages asked of the worker at a time: small, so pages being drawn are not stuck behind them. */
const BATCH = 16;

const same = (a: PageSize, b: PageSize) => Math.abs(a.w - b.w) < 0.5 && Math.abs(a.h - b.h) < 0.5;

async function sizeOf(doc: PDFDocumentProxy, index: number): Promise<PageSize | null> {
  try {
    const vp = (await doc.getPage(index + 1)).getViewport({ scale: 1 });
    return { w: vp.width, h: vp.height };
  } catch {
    return null; // a broken page keeps the estimate; drawing it shows the error
  }
}

/**
 * `doc` and `first` are fixed for the life of the component (PdfViewer mounts a new one per document).
 * The third value turns true once every page has been measured (shown to tests as data-pages-measured).
 */
export function usePageSizes(doc: PDFDocumentProxy, first: PageSize, measureAll: boolean): [PageSize[], (i: number, s: PageSize) => void, boolean] {
  const [sizes, setSizes] = useState<PageSize[]>(() => Array.from({ length: doc.numPages }, () => first));
  const [measured, setMeasured] = useState(doc.numPages <= 1);

  useEffect(() => {
    if (!measureAll) return;
    let alive = true;
    (async () => {
      const found = new Map<number, PageSize>();
      for (let from = 1; from < doc.numPages && alive; from += BATCH) {
        const batch = Array.from({ length: Math.min(BATCH, doc.numPages - from) }, (_, k) => from + k);
        const got = await Promise.all(batch.map((i) => sizeOf(doc, i)));
        got.forEach((s, k) => s && found.set(batch[k]!, s));
        await new Promise((r) => window.setTimeout(r, 0));
      }
      if (!alive) return;
      // One update for the whole document: the column moves at most once.
      setSizes((prev) => {
        let next: PageSize[] | null = null;
        for (const [i, s] of found) {
          const old = prev[i];
          if (old && !same(old, s)) (next ??= [...prev])[i] = s;
        }
        return next ?? prev;
      });
      setMeasured(true);
    })();
    return () => {
      alive = false;
    };
  }, [doc, measureAll]);

  const onSize = useCallback((i: number, s: PageSize) => {
    setSizes((prev) => {
      const old = prev[i];
      if (!old || same(old, s)) return prev;
      const next = [...prev];
      next[i] = s;
      return next;
    });
  }, []);
  return [sizes, onSize, measured];
}
