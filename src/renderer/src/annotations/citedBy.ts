// Which review points cite an annotation, and how the delete confirm says so.
import type { ReviewPointId } from '../../../shared/api/evidence';

interface ReviewLike {
  points: { id: ReviewPointId; citations: { kind: string; id: string }[] }[];
}

export function pointsCiting(view: ReviewLike, annotationId: string): ReviewPointId[] {
  return view.points.filter((p) => p.citations.some((c) => c.kind === 'annotation' && c.id === annotationId)).map((p) => p.id);
}

/** "P4 的审核认定引用了这条批注，…" — null when no point cites it. */
export function citedWarning(points: ReviewPointId[]): string | null {
  if (points.length === 0) return null;
  return `${points.join('、')} 的审核认定引用了这条批注，删除后该引用将显示为“批注已不存在”`;
}
