// The open case's annotation store, for viewers deep in the pane tree.
import { createContext, useContext } from 'react';
import type { AnnotationStore } from './useAnnotationStore';

export const AnnotationsContext = createContext<AnnotationStore | null>(null);

export function useAnnotations(): AnnotationStore | null {
  return useContext(AnnotationsContext);
}
