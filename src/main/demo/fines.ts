// Discretion (裁量) and the fine amount inside the statutory range.
//  band model (裁量意见): 从轻 lower 30 % of [min, max], 从重 upper 30 %, 一般 between.
//  max-only model (law sets only a maximum): 从轻 ≤ 20 %, 一般 40–60 %, 从重 ≥ 70 % of the maximum.
import type { FineDecision } from './model';
import type { Rng } from './rng';
import type { FineRange } from './scenarios/types';
import { LENIENT, ORDINARY, SEVERE } from './scenarios/common';
import { yuan } from './text';

export type Level = FineDecision['level'];

/** Hearing thresholds (听证办法, to verify; provinces may differ): fines ≥ these trigger 听证 rights. */
export const HEARING_THRESHOLD_FEN = { natural: 1_000_000, legal: 10_000_000 } as const;

export function bandFor(range: FineRange, model: 'band' | 'maxOnly', level: Level): [number, number] {
  const { minFen: min, maxFen: max } = range;
  if (model === 'maxOnly') {
    if (level === '从轻') return [Math.max(min, Math.ceil(max * 0.05)), Math.floor(max * 0.2)];
    if (level === '一般') return [Math.ceil(max * 0.4), Math.floor(max * 0.6)];
    return [Math.ceil(max * 0.7), max];
  }
  const d = max - min;
  if (level === '从轻') return [min, min + Math.floor(d * 0.3)];
  if (level === '一般') return [min + Math.ceil(d * 0.3), min + Math.floor(d * 0.7)];
  return [min + Math.ceil(d * 0.7), max];
}

const STEPS_YUAN = [10000, 5000, 1000, 500, 100, 50, 10, 1];

/** A "round" amount in [lo, hi] (fen), preferring the largest round step with a few choices. */
export function roundAmount(rng: Rng, lo: number, hi: number, preferLow: boolean): number {
  if (hi < lo) return lo;
  for (const step of STEPS_YUAN.map((y) => y * 100)) {
    const first = Math.ceil(lo / step);
    const last = Math.floor(hi / step);
    if (last < first) continue;
    const count = last - first + 1;
    if (count > 12 && step > 100) continue;
    const k = preferLow ? first + Math.min(count - 1, rng.int(0, Math.min(2, count - 1))) : rng.int(first, last);
    return k * step;
  }
  return lo;
}

export function decideFine(rng: Rng, range: FineRange, model: 'band' | 'maxOnly', level: Level, extraFactors: string[], refusedCorrection = false): FineDecision {
  const [lo, hi] = bandFor(range, model, level);
  // 从轻 in the band model often lands exactly on the statutory minimum.
  const amount = level === '从轻' && model === 'band' && rng.chance(0.5) ? lo : roundAmount(rng, lo, hi, level === '从轻');
  // A party that refused to correct cannot be said to have stopped at once.
  const lenient = refusedCorrection ? LENIENT.filter((f) => !f.includes('立即停止')) : LENIENT;
  const generic = level === '从轻' ? rng.sample(lenient, 2) : level === '一般' ? [...ORDINARY] : rng.sample(SEVERE, 1);
  const factors = [...generic, ...extraFactors];
  const pct = level === '从轻' ? '20%以内' : level === '一般' ? '40%至60%' : '70%以上';
  const bandText =
    model === 'band'
      ? `法定罚款幅度为${yuan(range.minFen)}至${yuan(range.maxFen)}，${level}处罚区间为${yuan(lo)}至${yuan(hi)}`
      : `法律仅规定罚款上限${yuan(range.maxFen)}，${level}处罚为上限的${pct}（${yuan(lo)}至${yuan(hi)}）`;
  const legal =
    level === '从轻'
      ? '根据《中华人民共和国行政处罚法》第三十二条及《关于规范市场监督管理行政处罚裁量权的指导意见》的规定，依法从轻处罚'
      : `依照行政处罚裁量基准，予以${level}处罚`;
  const reason = `${factors.join('；')}。${legal}。${bandText}，拟罚款${yuan(amount)}。`;
  return { level, amountFen: amount, minFen: range.minFen, maxFen: range.maxFen, factors, reason };
}

/** The 'fine_out_of_range' defect: an amount above the statutory maximum, still "round". */
export function outOfRange(rng: Rng, range: FineRange): number {
  const over = range.maxFen + Math.max(100_000, Math.round(range.maxFen * (0.2 + rng.next() * 0.6)));
  return roundAmount(rng, over, over + Math.max(100_000, Math.round(range.maxFen * 0.3)), true);
}

export function hearingEligible(kind: 'natural' | 'legal' | 'other', amountFen: number): boolean {
  return amountFen >= (kind === 'natural' ? HEARING_THRESHOLD_FEN.natural : HEARING_THRESHOLD_FEN.legal);
}
