// Marks over one page: stored highlights and redaction boxes (scaled from PDF units, re-anchored to
// their quote when the text layer is there), in-document find hits, and the search hit to reveal
// with the other words of its search marked lighter.
// Margin pins open an annotation; everything else lets clicks and selection through to the text.
import { useEffect, useLayoutEffect, useState, type ReactNode, type RefObject } from 'react';
import type { Annotation, Rect } from '../../../../shared/api/evidence';
import { annotationLabel } from '../../annotations/labels';
import { findAll, mapTextLayer, normalizeText, bestOccurrence, hitOccurrence, rangeAt, rangeRects, termSpans } from './textMatch';

export interface PageLayer {
  annotations: readonly Annotation[];
  /** Ctrl+F: every occurrence on the page is marked, `current` (n-th on this page) stands out. */
  find: { text: string; current: number | null } | null;
  /**
   * A search hit to mark: the occurrence the index counted (SearchHit.occurrence), checked against
   * its context; `terms`: the words of the search, each occurrence on the page marked lighter.
   */
  hit: { text: string; before: string; after: string; occurrence: number | null; terms: readonly string[]; seq: number } | null;
  flashId: string | null;
  /** The selection / edit popover, when it belongs to this page. */
  popover: ReactNode;
  onPin: (id: string) => void;
  /** Where the current find hit or the search hit landed (y in PDF units), to scroll to it. */
  onPlaced: (page: number, y: number, key: string) => void;
}

interface Props {
  page: number;
  layer: PageLayer;
  scale: number;
  textHost: RefObject<HTMLDivElement | null>;
  textVersion: number;
  pageRef: RefObject<HTMLDivElement | null>;
}

interface Marks {
  hit: Rect[];
  terms: Rect[][];
  find: { rects: Rect[]; current: boolean }[];
  anchored: Map<string, Rect[]>;
}

const EMPTY: Marks = { hit: [], terms: [], find: [], anchored: new Map() };

function box(r: Rect, scale: number) {
  return { left: r.x * scale, top: r.y * scale, width: r.width * scale, height: r.height * scale };
}

export function PageOverlay({ page, layer, scale, textHost, textVersion, pageRef }: Props) {
  const [marks, setMarks] = useState<Marks>(EMPTY);
  const { annotations, find, hit, onPlaced } = layer;

  // Measure in PDF units (divide by the scale at measuring time): a later zoom only rescales.
  useLayoutEffect(() => {
    const host = textHost.current;
    const pageEl = pageRef.current;
    if (!host || !pageEl || textVersion === 0) {
      setMarks(EMPTY);
      return;
    }
    const s = pageEl.getBoundingClientRect().width / Math.max(1, pageEl.offsetWidth) * scale;
    const map = mapTextLayer(host);
    const rectsOf = (start: number, length: number) => {
      const range = rangeAt(map, start, length);
      return range ? rangeRects(range, pageEl, s) : [];
    };
    const next: Marks = { hit: [], terms: [], find: [], anchored: new Map() };
    if (hit) {
      const n = normalizeText(hit.text);
      const starts = findAll(map.text, n);
      const at = n ? hitOccurrence(map.text, starts, n.length, hit.before, hit.after, hit.occurrence) : -1;
      if (at >= 0) next.hit = rectsOf(at, n.length);
      next.terms = termSpans(map.text, hit.terms, at >= 0 ? { start: at, length: n.length } : null).map((t) => rectsOf(t.start, t.length));
    }
    if (find) {
      const n = normalizeText(find.text);
      next.find = findAll(map.text, n).map((at, i) => ({ rects: rectsOf(at, n.length), current: i === find.current }));
    }
    for (const a of annotations) {
      if (a.anchor.type !== 'text') continue;
      const n = normalizeText(a.anchor.quote.exact);
      const starts = findAll(map.text, n);
      if (!starts.length) continue; // the text moved or is gone: keep the stored rects
      const at = bestOccurrence(map.text, starts, n.length, a.anchor.quote.prefix, a.anchor.quote.suffix);
      const rects = rectsOf(at, n.length);
      if (rects.length) next.anchored.set(a.id, rects);
    }
    setMarks(next);
    // scale is read for measuring only: rects are stored in PDF units and do not depend on it.
  }, [textVersion, hit, find, annotations, textHost, pageRef]);

  // Report where the hit / current find landed so the viewer can scroll it into view.
  useEffect(() => {
    const first = marks.hit[0];
    if (first && hit) onPlaced(page, first.y, `hit:${hit.seq}`);
  }, [marks.hit, hit, page, onPlaced]);
  useEffect(() => {
    const cur = marks.find.find((f) => f.current)?.rects[0];
    if (cur && find) onPlaced(page, cur.y, `find:${find.text}:${find.current}`);
  }, [marks.find, find, page, onPlaced]);

  // Margin pins: at their mark's line; pins that would overlap move right, side by side.
  const placed: { y: number; slot: number }[] = [];
  const slotOf = (y: number) => {
    let slot = 0;
    while (placed.some((p) => p.slot === slot && Math.abs(p.y - y) < 16)) slot++;
    placed.push({ y, slot });
    return slot;
  };
  return (
    <div className="pdf-overlay">
      {annotations.map((a) => {
        if (a.anchor.type !== 'text' && a.anchor.type !== 'area') return null;
        // A mark whose text moved to this page in a new version: its stored rects belong to another page.
        const rects = marks.anchored.get(a.id) ?? (a.fileUpdated?.page !== undefined ? [] : a.anchor.rects);
        const cls = `pdf-mark mark-${a.kind}${a.kind === 'redaction' ? ` reason-${a.redactionReason ?? 'personal'}` : ''}${a.anchor.type === 'area' ? ' is-area' : ''}${layer.flashId === a.id ? ' is-flash' : ''}`;
        const top = rects[0];
        const slot = top ? slotOf(top.y * scale) : 0;
        return (
          <div key={a.id} data-annotation-id={a.id} data-testid="pdf-annotation" data-kind={a.kind}>
            {rects.map((r, i) => (
              <div key={i} className={cls} style={box(r, scale)} />
            ))}
            {top && (
              <button
                type="button"
                className={`pdf-pin pin-${a.kind}${a.reviewPoint ? ' has-point' : ''}`}
                style={{ top: top.y * scale, left: 2 + slot * 26 }}
                title={annotationLabel(a)}
                aria-label={`打开批注：${annotationLabel(a)}`}
                onClick={() => layer.onPin(a.id)}
                data-testid="annotation-pin"
              >
                {a.reviewPoint ?? (a.kind === 'redaction' ? '遮' : a.note ? '注' : '')}
              </button>
            )}
          </div>
        );
      })}
      {marks.find.map((f, i) =>
        f.rects.map((r, k) => <div key={`f${i}-${k}`} className={`pdf-find${f.current ? ' is-current' : ''}`} style={box(r, scale)} data-testid="find-highlight" data-current={f.current} />),
      )}
      {marks.terms.map((rects, i) => rects.map((r, k) => <mark key={`t${i}-${k}`} className="pdf-term" style={box(r, scale)} data-testid="search-term-highlight" />))}
      {marks.hit.map((r, k) => (
        <mark key={`h${k}`} className="pdf-hit" style={box(r, scale)} data-testid="search-highlight" />
      ))}
    </div>
  );
}
