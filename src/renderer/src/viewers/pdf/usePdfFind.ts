// In-document find (Ctrl+F): counts matches page by page from pdf.js text content (folded like the
// text layer, so the n-th match here is the n-th mark there), and walks them with next/previous.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { findAll, normalizeText } from './textMatch';
import type { FindModel } from '../FindBar';

export interface FindMatch {
  /** 0-based page index. */
  page: number;
  /** Occurrence on that page. */
  nth: number;
}

export interface PdfFind extends FindModel {
  open: boolean;
  /** current indexes these. */
  matches: FindMatch[];
  show: () => void;
}

async function pageText(doc: PDFDocumentProxy, index: number): Promise<string> {
  const page = await doc.getPage(index + 1);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) if ('str' in item) text += item.str;
  return normalizeText(text);
}

export function usePdfFind(doc: PDFDocumentProxy, currentPage: number): PdfFind {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<FindMatch[]>([]);
  const [current, setCurrent] = useState(-1);
  const [counting, setCounting] = useState(false);
  const texts = useRef(new Map<number, string>());
  const pageRef = useRef(currentPage);
  pageRef.current = currentPage;

  useEffect(() => {
    const needle = normalizeText(query);
    if (!open || !needle) {
      setMatches([]);
      setCurrent(-1);
      setCounting(false);
      return;
    }
    let alive = true;
    setCounting(true);
    const timer = window.setTimeout(async () => {
      const found: FindMatch[] = [];
      for (let i = 0; i < doc.numPages; i++) {
        let text = texts.current.get(i);
        if (text === undefined) {
          text = await pageText(doc, i).catch(() => '');
          texts.current.set(i, text);
        }
        if (!alive) return;
        findAll(text, needle).forEach((_, nth) => found.push({ page: i, nth }));
      }
      setMatches(found);
      // Start at the first match on or after the page being read.
      const from = found.findIndex((m) => m.page >= pageRef.current);
      setCurrent(found.length ? (from >= 0 ? from : 0) : -1);
      setCounting(false);
    }, 150);
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [doc, query, open]);

  const step = useCallback(
    (dir: 1 | -1) => {
      if (!matches.length) return;
      setCurrent((c) => (c < 0 ? 0 : (c + dir + matches.length) % matches.length));
    },
    [matches.length],
  );

  const show = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  return { open, query, matches, count: matches.length, current, counting, show, close, setQuery, step };
}
