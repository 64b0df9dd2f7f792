// Where a mark on a PDF page is shown, for the viewer, the lists and the meeting screens alike.
import type { Annotation } from './api/evidence';

/**
 * The page a text or area mark is shown on: where its quote is in the current version of the file
 * (fileUpdated.page when the text moved there), else the page it was made on; null for other marks.
 */
export function markPage(a: Pick<Annotation, 'anchor' | 'fileUpdated'>): number | null {
  if (a.anchor.type !== 'text' && a.anchor.type !== 'area') return null;
  return a.fileUpdated?.page ?? a.anchor.page;
}
