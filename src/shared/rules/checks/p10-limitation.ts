// P10 时效: discovered (立案) within 2 years of the violation (5 years for life/health or
// financial safety with harm), from the end of a continuing violation (处罚法 Art. 36).
import { parseIsoDate } from '../../format/date';
import { resolvedBasis, resolvedViolated } from '../context';
import type { Check } from '../types';
import { basisOf, finding } from '../util';

/** Same month and day `years` later (29 Feb → 28 Feb). */
export function addYears(iso: string, years: number): string {
  const { y, m, d } = parseIsoDate(iso);
  const ny = y + years;
  const last = new Date(Date.UTC(ny, m, 0)).getUTCDate();
  return `${ny}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const checkLimitation: Check = (input) => {
  const { pkg, rules } = input;
  const l = rules.limitation;
  const vp = pkg.case.violationPeriod;
  const pr = pkg.case.procedure;
  const basis = [basisOf(l.source, l.status)];
  const lifeHealth = [...resolvedBasis(input), ...resolvedViolated(input)].some((rc) => rc.statute?.lifeHealth || rc.inForce?.lifeHealth);
  // Counted from the end of a continuing violation; otherwise from the day it happened.
  const from = vp.continuing ? vp.end : vp.start;
  const limit = addYears(from, l.years);
  const limitEnd = addYears(vp.end, l.years);
  const extended = addYears(from, l.extendedYears);
  const steps = [
    vp.continuing ? `违法行为持续至 ${vp.end}（连续或继续状态，自终了之日起算）` : `违法行为发生于 ${vp.start}${vp.end !== vp.start ? `（至 ${vp.end}）` : ''}`,
    `${from} + ${l.years}年 = ${limit}`,
    `线索登记 ${pr.leadReceivedOn}，立案 ${pr.filedOn}`,
  ];
  const refs = [
    { kind: 'field' as const, id: 'case.violationPeriod', label: `${vp.start} 至 ${vp.end}` },
    { kind: 'field' as const, id: 'case.procedure.filedOn', label: `立案 ${pr.filedOn}` },
  ];
  if (pr.filedOn <= limit) return [finding('P10', 'P10.limitation', 'ok', `在${l.years}年追责时效内发现并立案（时效至 ${limit}）`, { computation: steps.join('；'), basis, refs })];
  if (!vp.continuing && pr.filedOn <= limitEnd) {
    steps.push(`如属连续或继续状态：${vp.end} + ${l.years}年 = ${limitEnd}`);
    return [finding('P10', 'P10.limitation', 'warn', `自违法行为发生之日起已超过${l.years}年；如违法行为有连续或者继续状态，自终了之日起算则未超过（至 ${limitEnd}），请核对`, { computation: steps.join('；'), basis, refs })];
  }
  if (pr.leadReceivedOn <= limit) {
    steps.push('线索登记在时效内');
    return [finding('P10', 'P10.limitation', 'warn', `立案超过${l.years}年时效（至 ${limit}），但线索登记在时效内，请核对“发现”的时点`, { computation: steps.join('；'), basis, refs })];
  }
  if (lifeHealth && pr.filedOn <= extended) {
    steps.push(`涉及生命健康安全：${from} + ${l.extendedYears}年 = ${extended}`);
    return [finding('P10', 'P10.limitation', 'warn', `已超过${l.years}年时效；本案涉及公民生命健康安全，如有危害后果，时效延长至${l.extendedYears}年（至 ${extended}），请核对危害后果`, { computation: steps.join('；'), basis, refs })];
  }
  if (lifeHealth) steps.push(`${from} + ${l.extendedYears}年 = ${extended}`);
  return [finding('P10', 'P10.limitation', 'fail', `违法行为已超过追责时效（${lifeHealth ? `${l.extendedYears}年，至 ${extended}` : `${l.years}年，至 ${limit}`}），不再给予行政处罚`, { computation: steps.join('；'), basis, refs })];
};
