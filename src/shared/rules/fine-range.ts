// Statutory fine ranges: fixed amounts, multiples of a base amount (违法所得/货值/销售金额…) and
// the statute's fallback range when the base is below a threshold or absent. Integer fen only.
import type { ProposedDecision } from '../casefile/schema';
import type { BaseKind, FineBranch, FineRange } from './rule-data';
import { yuan } from './util';

export const BASE_LABEL: Record<BaseKind, string> = {
  goods_value: '货值金额',
  sales: '销售金额',
  illegal_gains: '违法所得',
  business_volume: '违法经营额',
  advertising_fee: '广告费用',
};

/** Where each base comes from in the case file (null: the case file has no such field). */
export const BASE_FIELD: Record<BaseKind, (keyof ProposedDecision)[] | null> = {
  goods_value: ['goodsValueFen'],
  sales: ['salesFen'],
  illegal_gains: ['illegalGainsFen'],
  // 违法经营额: the value of the goods involved (商标法实施条例第七十八条), else sales.
  business_volume: ['goodsValueFen', 'salesFen'],
  advertising_fee: null,
};

export function baseAmount(pd: ProposedDecision, base: BaseKind): number | undefined {
  for (const f of BASE_FIELD[base] ?? []) {
    const v = pd[f];
    if (typeof v === 'number') return v;
  }
  return undefined;
}

/** Multiple as an integer count of thousandths (0.5 → 500) so fen arithmetic stays exact. */
function milli(m: number): bigint {
  return BigInt(Math.round(m * 1000));
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

export function multipleText(m: number): string {
  return Number.isInteger(m) ? `${m}倍` : `${Math.round(m * 100)}%`;
}

export interface ResolvedRange {
  minFen: number;
  maxFen: number;
  branch: FineBranch;
  /** "货值金额 1,520元（不足10,000元）→ 5万元以上10万元以下：50,000元–100,000元" */
  text: string;
}

export type RangeResult = { ok: true; range: ResolvedRange } | { ok: false; reason: string };

function conditionText(b: FineBranch, v: number | undefined): string {
  const w = b.when;
  if (!w) return '';
  const label = BASE_LABEL[w.base];
  if (v === undefined || v === 0) return `${label}${v === 0 ? '为0' : '未载明'}`;
  const parts = [`${label} ${yuan(v)}`];
  if (w.belowFen !== undefined && v < w.belowFen) parts.push(`（不足${yuan(w.belowFen)}）`);
  if (w.atLeastFen !== undefined && w.atLeastFen > 1 && v >= w.atLeastFen) parts.push(`（${yuan(w.atLeastFen)}以上）`);
  return parts.join('');
}

function branchApplies(b: FineBranch, pd: ProposedDecision): boolean | null {
  const w = b.when;
  if (!w) return true;
  // A base the case file cannot record (广告费用): which branch applies is unknown.
  if (BASE_FIELD[w.base] === null) return null;
  const v = baseAmount(pd, w.base);
  const absent = v === undefined || v === 0;
  if (w.absent) return absent;
  if (absent) {
    if (w.orAbsent) return true;
    // Unknown base: a branch for "below X" applies to 0 but not to a missing amount.
    if (v === 0 && w.belowFen !== undefined) return true;
    if (v === 0 && w.atLeastFen === 0) return true;
    return v === undefined ? null : false;
  }
  if (w.belowFen !== undefined && !(v < w.belowFen)) return false;
  if (w.atLeastFen !== undefined && !(v >= w.atLeastFen)) return false;
  return true;
}

export function rangeFen(range: FineRange, pd: ProposedDecision): { minFen: number; maxFen: number; text: string } | null {
  if (range.kind === 'fixed') return { minFen: range.minFen, maxFen: range.maxFen, text: `${yuan(range.minFen)}–${yuan(range.maxFen)}` };
  const v = baseAmount(pd, range.base);
  if (v === undefined) return null;
  const b = BigInt(v);
  const min = Number(ceilDiv(b * milli(range.min), 1000n));
  const max = Number((b * milli(range.max)) / 1000n);
  const label = BASE_LABEL[range.base];
  const times = range.min === 0 ? `${multipleText(range.max)}以下` : `${multipleText(range.min)}–${multipleText(range.max)}`;
  return { minFen: min, maxFen: max, text: `${label} ${yuan(v)} × ${times} = ${yuan(min)}–${yuan(max)}` };
}

/** The branch of a fine rule that applies to this case, with the range in fen. */
export function selectRange(branches: FineBranch[], pd: ProposedDecision): RangeResult {
  let unknown: FineBranch | undefined;
  for (const b of branches) {
    const applies = branchApplies(b, pd);
    if (applies === null) {
      unknown ??= b;
      continue;
    }
    if (!applies) continue;
    const r = rangeFen(b.range, pd);
    if (!r) {
      unknown ??= b;
      continue;
    }
    const cond = b.when ? conditionText(b, baseAmount(pd, b.when.base)) : '';
    return { ok: true, range: { minFen: r.minFen, maxFen: r.maxFen, branch: b, text: `${cond ? `${cond} → ` : ''}${b.text}：${r.text}` } };
  }
  const base = unknown?.when?.base ?? (unknown?.range.kind === 'multiple' ? unknown.range.base : undefined);
  const label = base ? BASE_LABEL[base] : '计罚基数';
  const noField = base && BASE_FIELD[base] === null;
  return {
    ok: false,
    // In the reviewer's terms (also on the meeting's projector): the amount is not one the case file records separately.
    reason: noField ? `罚款以${label}的倍数计，案卷未单列${label}金额，请对照案件事实核对罚款幅度` : `案卷未载明${label}，无法确定适用的罚款幅度`,
  };
}
