// "This annotation was deleted": said by the annotation store once annotations.delete succeeds. The
// review panel's view is only read again on its next change, so its citation chips follow this
// notice to show a deleted annotation as gone at once (as review.get will after a reload).
import { useSyncExternalStore } from 'react';

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
