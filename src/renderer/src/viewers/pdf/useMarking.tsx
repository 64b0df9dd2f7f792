// Making and editing marks in a PDF: a text selection or a drawn rectangle opens the action popover,
// a margin pin opens the editor. Anchors are built here: page, quote with context, and rects in PDF
// units at scale 1 (top-left origin).
import { useCallback, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { Anchor, Annotation, Rect } from '../../../../shared/api/evidence';
import { markPage } from '../../../../shared/mark-page';
import type { CaseItem } from '../../casefile/items';
import type { AnnotationStore, NewAnnotation } from '../../annotations/useAnnotationStore';
import type { AnnotationValues } from '../../annotations/AnnotationForm';
import { errorText } from '../../lib/errors';
import { AnnotationEditor, SelectionActions, type SelectionAction } from './PdfPopover';
import { mapTextLayer, rangeAt, rangeRects, selectedSpan } from './textMatch';

const CONTEXT = 32;
const POPOVER_WIDTH = 330;

interface Pending {
  page: number;
  anchor: Extract<Anchor, { type: 'text' } | { type: 'area' }>;
  /** Where the popover opens, PDF units. */
  at: { x: number; y: number };
}

interface Editing {
  id: string;
  page: number;
  at: { x: number; y: number };
}

interface Options {
  item: CaseItem | undefined;
  store: AnnotationStore | null;
  scale: number;
  annotations: readonly Annotation[];
}

/** The selection inside one page's text layer as a text anchor, or null. */
function selectionAnchor(scale: number): { page: number; anchor: Pending['anchor']; end: Rect } | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const startEl = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const pageEl = startEl?.closest<HTMLElement>('.pdf-page');
  const layer = pageEl?.querySelector<HTMLElement>('.textLayer');
  if (!pageEl || !layer) return null;
  const map = mapTextLayer(layer);
  const span = selectedSpan(map, range);
  if (!span) return null;
  const exactRange = rangeAt(map, span.first, span.last - span.first + 1);
  if (!exactRange) return null;
  const rects = rangeRects(exactRange, pageEl, scale);
  const exact = exactRange.toString().replace(/\s+/g, ' ').trim();
  const end = rects[rects.length - 1];
  if (!exact || !end) return null;
  const page = Number(pageEl.dataset.pageNumber);
  const prefix = map.text.slice(Math.max(0, span.first - CONTEXT), span.first);
  const suffix = map.text.slice(span.last + 1, span.last + 1 + CONTEXT);
  return { page, anchor: { type: 'text', page, quote: { exact: exact.slice(0, 5000), prefix, suffix }, rects: rects.slice(0, 500) }, end };
}

function request(action: SelectionAction, values?: AnnotationValues): Omit<NewAnnotation, 'itemId' | 'anchor'> {
  switch (action) {
    case 'highlight':
      return { kind: 'highlight' };
    case 'note':
      return { kind: 'note', note: values?.note ?? '', reviewPoint: values?.reviewPoint ?? null };
    case 'personal':
    case 'trade_secret':
      return { kind: 'redaction', redactionReason: action };
  }
}

export function useMarking({ item, store, scale, annotations }: Options) {
  const [drawing, setDrawing] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  const listRef = useRef(annotations);
  listRef.current = annotations;

  const close = useCallback(() => {
    setPending(null);
    setEditing(null);
    setError(null);
    setBusy(false);
  }, []);

  const onMouseUp = useCallback(
    (e: MouseEvent) => {
      if (e.altKey || (e.target as HTMLElement).closest('.pdf-popover, .pdf-pin')) return;
      // Let the browser settle the selection first.
      requestAnimationFrame(() => {
        const found = selectionAnchor(scaleRef.current);
        if (!found) return;
        setEditing(null);
        setError(null);
        setPending({ page: found.page, anchor: found.anchor, at: { x: found.end.x + found.end.width, y: found.end.y + found.end.height } });
      });
    },
    [],
  );

  const onArea = useCallback((page: number, rect: Rect) => {
    setEditing(null);
    setError(null);
    setPending({ page, anchor: { type: 'area', page, rects: [rect] }, at: { x: rect.x + rect.width, y: rect.y + rect.height } });
  }, []);

  const onPin = useCallback((id: string) => {
    const a = listRef.current.find((x) => x.id === id);
    if (!a || (a.anchor.type !== 'text' && a.anchor.type !== 'area')) return;
    const r = a.anchor.rects[0];
    setPending(null);
    setError(null);
    setEditing({ id, page: markPage(a)!, at: { x: 0, y: r ? r.y + r.height : 0 } });
  }, []);

  const create = useCallback(
    async (action: SelectionAction, values?: AnnotationValues) => {
      if (!pending || !item || !store) return;
      setBusy(true);
      setError(null);
      try {
        await store.create({ itemId: item.id, anchor: pending.anchor, ...request(action, values) });
        window.getSelection()?.removeAllRanges();
        setPending(null);
        setDrawing(false);
      } catch (err) {
        setError(errorText(err, '批注未能保存，请稍后重试'));
      } finally {
        setBusy(false);
      }
    },
    [pending, item, store],
  );

  const save = useCallback(
    async (values: AnnotationValues) => {
      if (!editing || !store) return;
      const a = listRef.current.find((x) => x.id === editing.id);
      setBusy(true);
      setError(null);
      try {
        await store.update(editing.id, a?.kind === 'redaction' ? { note: values.note } : { note: values.note, reviewPoint: values.reviewPoint });
        setEditing(null);
      } catch (err) {
        setError(errorText(err, '修改未能保存，请稍后重试'));
      } finally {
        setBusy(false);
      }
    },
    [editing, store],
  );

  const remove = useCallback(async () => {
    if (!editing || !store) return;
    setBusy(true);
    try {
      await store.remove(editing.id);
      setEditing(null);
    } catch (err) {
      setError(errorText(err, '批注未能删除，请稍后重试'));
    } finally {
      setBusy(false);
    }
  }, [editing, store]);

  const editingAnnotation = editing ? annotations.find((a) => a.id === editing.id) : undefined;
  const popover = useMemo(() => {
    const place = (at: { x: number; y: number }, pageWidthPdf: number) => ({
      x: Math.max(4, Math.min(at.x * scale - 24, pageWidthPdf * scale - POPOVER_WIDTH - 4)),
      y: at.y * scale + 6,
    });
    const pageWidth = (page: number) => Number(document.querySelector<HTMLElement>(`.pdf-page[data-page-number="${page}"]`)?.offsetWidth ?? 600) / scale;
    if (pending) {
      const { x, y } = place(pending.at, pageWidth(pending.page));
      return { page: pending.page, node: <SelectionActions key="sel" x={x} y={y} busy={busy} error={error} area={pending.anchor.type === 'area'} onAction={(a, v) => void create(a, v)} onClose={close} /> };
    }
    if (editing && editingAnnotation) {
      const { x, y } = place({ x: 28 / scale, y: editing.at.y }, pageWidth(editing.page));
      return {
        page: editing.page,
        node: <AnnotationEditor key={editing.id} x={x} y={y} annotation={editingAnnotation} busy={busy} error={error} onSave={(v) => void save(v)} onDelete={() => void remove()} onClose={close} />,
      };
    }
    return null;
  }, [pending, editing, editingAnnotation, busy, error, scale, create, save, remove, close]);

  const toggleDrawing = useCallback(() => setDrawing((d) => !d), []);
  return { drawing, toggleDrawing, onMouseUp, onArea, onPin, popover, close };
}
