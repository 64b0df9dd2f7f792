// The audience screen's band labels: both ends of a band in the same unit.
import { describe, expect, it } from 'vitest';
import { rangeText } from '../../src/renderer/src/meeting/audience/RangeBar';

describe('rangeText', () => {
  it.each([
    [5_000_000, 10_000_000, '5万–10万元'],
    [0, 2_000_000, '0–2万元'],
    [3_650_000, 5_000_000, '36,500–50,000元'],
    [0, 3_614_000, '0–36,140元'],
  ])('%i–%i fen → %s', (lo, hi, text) => {
    expect(rangeText(lo, hi)).toBe(text);
  });
});
