// The delete confirm of an annotation names the review points citing it; a deletion is announced
// so citation chips can show it gone before the review is read again.
import { describe, expect, it } from 'vitest';
import { citedWarning, pointsCiting } from '../../src/renderer/src/annotations/citedBy';
import { announceAnnotationRemoved, removedAnnotations } from '../../src/renderer/src/annotations/annotationEvents';

const view = {
  points: [
    { id: 'P3' as const, citations: [{ kind: 'document', id: 'a1', page: 2 }] },
    { id: 'P4' as const, citations: [{ kind: 'annotation', id: 'a1' }, { kind: 'evidence', id: 'e1' }] },
    { id: 'P6' as const, citations: [{ kind: 'annotation', id: 'a1' }] },
    { id: 'P8' as const, citations: [{ kind: 'annotation', id: 'a2' }] },
  ],
};

describe('pointsCiting / citedWarning', () => {
  it('lists only points citing that annotation (not an item with the same id)', () => {
    expect(pointsCiting(view, 'a1')).toEqual(['P4', 'P6']);
    expect(pointsCiting(view, 'a9')).toEqual([]);
  });

  it('names the points, or says nothing when none cites it', () => {
    expect(citedWarning(['P4'])).toBe('P4 的审核认定引用了这条批注，删除后该引用将显示为“批注已不存在”');
    expect(citedWarning(['P4', 'P6'])).toBe('P4、P6 的审核认定引用了这条批注，删除后该引用将显示为“批注已不存在”');
    expect(citedWarning([])).toBeNull();
  });
});

describe('announceAnnotationRemoved', () => {
  it('adds the id to a new set (so subscribers re-render)', () => {
    const before = removedAnnotations();
    announceAnnotationRemoved('gone-1');
    const after = removedAnnotations();
    expect(after).not.toBe(before);
    expect(after.has('gone-1')).toBe(true);
    expect(before.has('gone-1')).toBe(false);
  });
});
