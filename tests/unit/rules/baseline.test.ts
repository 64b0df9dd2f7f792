import { describe, expect, it } from 'vitest';
import { REVIEW_POINTS, runChecks } from '../../../src/shared/rules';
import { POINT_IDS } from '../../../src/shared/rules/types';
import { input } from './fixture';

describe('baseline case (法制审核 P1–P10)', () => {
  const findings = runChecks(input());

  it('a clean case produces no fail', () => {
    expect(findings.filter((f) => f.severity === 'fail')).toEqual([]);
  });

  it('every review point gets at least one finding, in P1…P10 order', () => {
    const points = findings.map((f) => f.point);
    for (const p of POINT_IDS) expect(points).toContain(p);
    const idx = points.map((p) => POINT_IDS.indexOf(p));
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
  });

  it('every finding has a zh-CN message and a stable check id under its point', () => {
    for (const f of findings) {
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(f.check.startsWith(`${f.point}.`)).toBe(true);
    }
  });

  it('every check id belongs to the review point definitions', () => {
    for (const f of findings) {
      const point = REVIEW_POINTS.find((p) => p.id === f.point)!;
      expect(point.checks.some((c) => f.check === c || f.check.startsWith(c)), f.check).toBe(true);
    }
  });

  it('review points are data with title and legal basis', () => {
    expect(REVIEW_POINTS.map((p) => p.id)).toEqual([...POINT_IDS]);
    expect(REVIEW_POINTS[0]!.title).toBe('执法主体是否合法');
    for (const p of REVIEW_POINTS) expect(p.basis.length).toBeGreaterThan(0);
  });
});
