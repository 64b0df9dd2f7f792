// The case's annotations (highlights, notes, redaction marks), loaded once per case and shared by the
// viewers and the 批注 list. Every change goes through the Api; the list is updated from its answer.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Anchor, Annotation, AnnotationKind, ReviewPointId } from '../../../shared/api/evidence';
import { markPage } from '../../../shared/mark-page';
import { api } from '../api';
import { errorText } from '../lib/errors';
import { announceAnnotationEdited, announceAnnotationRemoved } from './annotationEvents';

export interface NewAnnotation {
  itemId: string;
  kind: AnnotationKind;
  anchor: Anchor;
  note?: string;
  reviewPoint?: ReviewPointId | null;
  redactionReason?: 'personal' | 'trade_secret' | null;
}

export interface AnnotationPatch {
  note?: string;
  reviewPoint?: ReviewPointId | null;
  redactionReason?: 'personal' | 'trade_secret' | null;
}

export interface AnnotationStore {
  caseId: string;
  list: Annotation[];
  loaded: boolean;
  /** zh-CN, when loading failed. */
  error: string | null;
  byItem: Map<string, Annotation[]>;
  /** Each returns the saved annotation, or throws an ApiFailure (callers show errorText). */
  create: (input: NewAnnotation) => Promise<Annotation>;
  update: (id: string, patch: AnnotationPatch) => Promise<Annotation>;
  remove: (id: string) => Promise<void>;
}

function byPosition(a: Annotation, b: Annotation): number {
  const pa = markPage(a) ?? 0;
  const pb = markPage(b) ?? 0;
  const ya = 'rects' in a.anchor ? (a.anchor.rects[0]?.y ?? 0) : a.anchor.type === 'time' ? a.anchor.seconds : 0;
  const yb = 'rects' in b.anchor ? (b.anchor.rects[0]?.y ?? 0) : b.anchor.type === 'time' ? b.anchor.seconds : 0;
  return a.itemId.localeCompare(b.itemId) || pa - pb || ya - yb || a.createdAt.localeCompare(b.createdAt);
}

export function useAnnotationStore(caseId: string): AnnotationStore {
  const [list, setList] = useState<Annotation[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    api.call('annotations.list', { caseId }).then(
      (rows) => {
        if (!alive) return;
        setList(rows);
        setLoaded(true);
      },
      (err: unknown) => alive && setError(errorText(err, '无法读取本案的批注，请稍后重试')),
    );
    return () => {
      alive = false;
    };
  }, [caseId]);

  const create = useCallback(
    async (input: NewAnnotation) => {
      const saved = await api.call('annotations.create', {
        caseId,
        itemId: input.itemId,
        kind: input.kind,
        anchor: input.anchor,
        note: input.note ?? '',
        reviewPoint: input.reviewPoint ?? null,
        redactionReason: input.redactionReason ?? null,
      });
      setList((l) => [...l, saved]);
      return saved;
    },
    [caseId],
  );

  const update = useCallback(async (id: string, patch: AnnotationPatch) => {
    const saved = await api.call('annotations.update', { id, ...patch });
    setList((l) => l.map((a) => (a.id === id ? saved : a)));
    // Review points citing it show its new note without waiting for the review to be read again.
    announceAnnotationEdited(saved);
    return saved;
  }, []);

  const remove = useCallback(async (id: string) => {
    await api.call('annotations.delete', { id });
    setList((l) => l.filter((a) => a.id !== id));
    // Review points citing it show it as gone without waiting for the review to be read again.
    announceAnnotationRemoved(id);
  }, []);

  const sorted = useMemo(() => [...list].sort(byPosition), [list]);
  const byItem = useMemo(() => {
    const m = new Map<string, Annotation[]>();
    for (const a of sorted) m.set(a.itemId, [...(m.get(a.itemId) ?? []), a]);
    return m;
  }, [sorted]);

  return { caseId, list: sorted, loaded, error, byItem, create, update, remove };
}
