// How an annotation is named in lists, pins and tooltips.
import type { Annotation } from '../../../shared/api/evidence';
import { markPage } from '../../../shared/mark-page';
import { formatSeconds } from '../lib/time';
import { pointLabel } from '../lib/reviewPoints';

export const REDACTION_LABEL = { personal: '隐私', trade_secret: '商业秘密' } as const;

export function kindLabel(a: Pick<Annotation, 'kind' | 'redactionReason'>): string {
  if (a.kind === 'redaction') return `${REDACTION_LABEL[a.redactionReason ?? 'personal']}遮盖`;
  return a.kind === 'note' ? '批注' : '高亮';
}

/** 第 3 页 / 1:05 / 图片 */
export function whereLabel(a: Pick<Annotation, 'anchor' | 'fileUpdated'>): string {
  switch (a.anchor.type) {
    case 'text':
    case 'area':
      return `第 ${markPage(a)} 页`;
    case 'time':
      return a.anchor.endSeconds !== undefined ? `${formatSeconds(a.anchor.seconds)}–${formatSeconds(a.anchor.endSeconds)}` : formatSeconds(a.anchor.seconds);
    case 'image':
      return '图片';
  }
}

export function quoteOf(a: Pick<Annotation, 'anchor'>): string | null {
  if (a.anchor.type === 'text') return a.anchor.quote.exact;
  if (a.anchor.type === 'area') return '（框选区域）';
  return null;
}

export function annotationLabel(a: Annotation): string {
  const parts = [kindLabel(a), a.reviewPoint ? pointLabel(a.reviewPoint) : '', a.note ? `“${a.note.slice(0, 40)}”` : ''];
  return parts.filter(Boolean).join(' · ');
}
