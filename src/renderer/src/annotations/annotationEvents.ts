// "This annotation was deleted" / "was edited": said by the annotation store once annotations.delete
// or annotations.update succeeds. The review panel's view is only read again on its next change, so
// its citation chips follow these notices to show a deleted annotation as gone and an edited note's
// new text at once (as review.get will after a reload).
import { useSyncExternalStore } from 'react';
import type { Annotation } from '../../../shared/api/evidence';

// Annotation ids are never reused, so the set only grows for the life of the window.
let removed: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();

export function announceAnnotationRemoved(id: string): void {
  removed = new Set(removed).add(id);
  for (const l of [...listeners]) l();
}

export function removedAnnotations(): ReadonlySet<string> {
  return removed;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Ids of annotations deleted in this window; a new set on each deletion. */
export function useRemovedAnnotations(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, removedAnnotations);
}

/**
 * What a citation of the annotation quotes, as review.get resolves it (review-service resolve): a
 * text mark its marked words, an area mark its note. A citation keeps no copy of it: the chip and
 * the opinion show the annotation as it is now.
 */
export function citedQuote(a: Pick<Annotation, 'anchor' | 'note'>): string | null {
  return a.anchor.type === 'text' ? a.anchor.quote.exact : a.note || null;
}

// The quote of each annotation edited in this window, by id (the latest edit). Note text is case
// content: forgetAnnotationEdits drops it on lock.
let edited: ReadonlyMap<string, string | null> = new Map();
const editListeners = new Set<() => void>();

export function announceAnnotationEdited(a: Annotation): void {
  edited = new Map(edited).set(a.id, citedQuote(a));
  for (const l of [...editListeners]) l();
}

export function editedAnnotations(): ReadonlyMap<string, string | null> {
  return edited;
}

export function forgetAnnotationEdits(): void {
  edited = new Map();
  for (const l of [...editListeners]) l();
}

function subscribeEdits(listener: () => void): () => void {
  editListeners.add(listener);
  return () => {
    editListeners.delete(listener);
  };
}

/** Quotes of annotations edited in this window, by id; a new map on each edit. */
export function useEditedAnnotations(): ReadonlyMap<string, string | null> {
  return useSyncExternalStore(subscribeEdits, editedAnnotations);
}
