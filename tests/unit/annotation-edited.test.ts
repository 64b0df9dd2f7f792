// An edited annotation is announced with what a citation of it quotes (as review.get resolves it),
// so citation chips show the new text before the review is read again.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/shared/api/evidence';
import { announceAnnotationEdited, citedQuote, editedAnnotations, forgetAnnotationEdits } from '../../src/renderer/src/annotations/annotationEvents';

const area = (id: string, note: string) => ({ id, note, anchor: { type: 'area', page: 3, rects: [{ x: 1, y: 2, width: 3, height: 4 }] } }) as unknown as Annotation;
const text = (id: string, note: string) => ({ id, note, anchor: { type: 'text', page: 1, quote: { exact: '罚款五千元', prefix: '', suffix: '' }, rects: [] } }) as unknown as Annotation;

describe('citedQuote', () => {
  it('quotes a text mark’s words and an area mark’s note (null when empty)', () => {
    expect(citedQuote(text('t1', '备注'))).toBe('罚款五千元');
    expect(citedQuote(area('a1', '落款处未盖章'))).toBe('落款处未盖章');
    expect(citedQuote(area('a2', ''))).toBeNull();
  });
});

describe('announceAnnotationEdited', () => {
  it('keeps the latest quote by id in a new map (so subscribers re-render), and forgets them on lock', () => {
    const before = editedAnnotations();
    announceAnnotationEdited(area('a1', '旧文字'));
    announceAnnotationEdited(area('a1', '新文字'));
    const after = editedAnnotations();
    expect(after).not.toBe(before);
    expect(after.get('a1')).toBe('新文字');
    expect(before.has('a1')).toBe(false);
    forgetAnnotationEdits();
    expect(editedAnnotations().size).toBe(0);
  });
});
