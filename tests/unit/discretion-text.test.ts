// 裁量情况 in the review opinion and the minutes: each factor said once — the stated reason usually
// restates them, and the opinion printed them again in brackets.
import { describe, expect, it } from 'vitest';
import { discretionText } from '../../src/shared/casefile/discretion-text';

describe('discretionText', () => {
  it('puts only the factors the reason does not mention before it', () => {
    expect(discretionText({ level: '从轻', factors: ['主动消除违法后果', '初次违法。'], reason: '当事人主动消除违法后果，在法定幅度下限 30% 内处罚' })).toBe('从轻：初次违法；当事人主动消除违法后果，在法定幅度下限 30% 内处罚');
    expect(discretionText({ level: '一般', factors: [], reason: null })).toBe('一般');
    expect(discretionText({ level: '从重', factors: ['拒不改正', '拒不改正'] })).toBe('从重：拒不改正');
  });
});
