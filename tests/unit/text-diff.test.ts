// 上一轮's changed fields: a long field shows the words that changed, not the whole paragraph twice.
import { describe, expect, it } from 'vitest';
import { readsInline, textDiff } from '../../src/renderer/src/review/textDiff';

const FACTS = '2026年6月5日，执法人员对当事人经营场所进行检查，发现货架上摆放有超过保质期的食品10罐。';

describe('textDiff', () => {
  it('shows an added sentence as that sentence, the rest unchanged', () => {
    const after = `${FACTS}当事人已于当日全部下架并销毁。`;
    const parts = textDiff(FACTS, after);
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toBe('当事人已于当日全部下架并销毁。');
    expect(parts.filter((p) => p.kind === 'removed')).toEqual([]);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(FACTS);
    expect(readsInline(FACTS, after, parts)).toBe(true);
  });

  it('changes a word as a word, and keeps both texts whole', () => {
    const after = FACTS.replace('10罐', '12罐');
    const parts = textDiff(FACTS, after);
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(FACTS);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text).join('')).toContain('10');
  });

  it('shows a changed date as changed when a sentence with the same year was added before it', () => {
    const before = '当事人于2026年6月开业。2026年9月30日，本局责令当事人改正。';
    const after = '当事人于2026年6月开业，当事人承认自2026年3月起即开始经营。2025年9月30日，本局责令当事人改正。';
    const parts = textDiff(before, after);
    expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text).join('')).toContain('2026');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toContain('2025');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toContain('当事人承认自2026年3月起即开始经营');
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe(after);
  });

  it('keeps short values and rewritten text as 原/现', () => {
    expect(readsInline('罚款 50,000 元', '罚款 60,000 元')).toBe(false);
    expect(readsInline(FACTS, '当事人于2026年7月在网络平台发布虚假广告，宣称产品具有治疗功效，广告费用3万元。')).toBe(false);
  });
});
