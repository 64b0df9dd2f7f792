// The review panel's small rules: which automatic fails are still open (not set aside with a
// reason), the mark a point shows in the checklist, and how citations are keyed and stored.
import { describe, expect, it } from 'vitest';
import type { PointView } from '../../src/shared/api/review';
import type { Finding } from '../../src/shared/rules/types';
import { citationKey, openFails, pointMark, storedCitation } from '../../src/renderer/src/review/model';
import { bySeverity } from '../../src/renderer/src/review/labels';

const finding = (check: string, severity: Finding['severity']): Finding => ({ id: check, point: 'P6', check, severity, message: check, basis: [], refs: [] });

function point(automatic: Finding[], overridden: string[] = []): PointView {
  const order = { fail: 0, warn: 1, info: 2, ok: 3 } as const;
  const worst = automatic.length ? [...automatic].sort((a, b) => order[a.severity] - order[b.severity])[0]!.severity : null;
  return {
    id: 'P6',
    title: '裁量基准运用是否适当',
    basis: [],
    description: '',
    automatic,
    worst,
    decision: null,
    note: '',
    citations: [],
    overrides: overridden.map((check) => ({ check, reason: '理由充分', at: '2026-11-23T02:00:00.000Z' })),
  };
}

describe('review panel model', () => {
  it('an open fail is one without an override; set-aside fails show a hollow mark', () => {
    const p = point([finding('P6.fine-in-range', 'fail'), finding('P6.similar-cases', 'info')]);
    expect(openFails(p).map((f) => f.check)).toEqual(['P6.fine-in-range']);
    expect(pointMark(p)).toEqual({ severity: 'fail', overridden: false });
    const set = point(p.automatic, ['P6.fine-in-range']);
    expect(openFails(set)).toEqual([]);
    expect(pointMark(set)).toEqual({ severity: 'fail', overridden: true });
  });

  it('points without a fail show their worst finding, or none', () => {
    expect(pointMark(point([finding('a', 'ok'), finding('b', 'warn')]))).toEqual({ severity: 'warn', overridden: false });
    expect(pointMark(point([]))).toEqual({ severity: null, overridden: false });
  });

  it('findings sort fail, warn, info, ok', () => {
    const sorted = [finding('a', 'ok'), finding('b', 'info'), finding('c', 'fail'), finding('d', 'warn')].sort(bySeverity);
    expect(sorted.map((f) => f.severity)).toEqual(['fail', 'warn', 'info', 'ok']);
  });

  it('citations: a highlight is one citation whatever its page; an item page is its own', () => {
    expect(citationKey({ kind: 'annotation', id: 'a1', page: 3 })).toBe(citationKey({ kind: 'annotation', id: 'a1' }));
    expect(citationKey({ kind: 'document', id: 'd1', page: 2 })).not.toBe(citationKey({ kind: 'document', id: 'd1', page: 3 }));
    const resolved = { kind: 'annotation' as const, id: 'a1', page: 3, label: '询问笔录 第3页', itemId: 'd1', quote: '罚款', valid: true };
    expect(storedCitation(resolved)).toEqual({ kind: 'annotation', id: 'a1' });
    expect(storedCitation({ kind: 'evidence', id: 'e1', page: 1 })).toEqual({ kind: 'evidence', id: 'e1', page: 1 });
  });
});
