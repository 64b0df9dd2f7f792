// Small pure rules of the review panel: which fails are still open, the mark a point shows, and how
// citations are keyed and stored.
import type { Citation, PointView } from '../../../shared/api/review';
import type { Severity } from '../../../shared/rules/types';

/** Failing checks of a point the reviewer has not yet set aside with a reason. */
export function openFails(p: PointView) {
  return p.automatic.filter((f) => f.severity === 'fail' && !p.overrides.some((o) => o.check === f.id));
}

/** The icon a point shows: its worst finding, except that fails set aside with a reason show as such. */
export function pointMark(p: PointView): { severity: Severity | null; overridden: boolean } {
  if (p.worst !== 'fail') return { severity: p.worst, overridden: false };
  return { severity: 'fail', overridden: openFails(p).length === 0 };
}

export function citationKey(c: Citation): string {
  return `${c.kind}:${c.id}:${c.kind === 'annotation' ? '' : (c.page ?? '')}`;
}

/** What is stored: the citation without what review.get resolved for display. */
export function storedCitation(c: Citation): Citation {
  return c.kind === 'annotation' || c.page === undefined ? { kind: c.kind, id: c.id } : { kind: c.kind, id: c.id, page: c.page };
}
