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

/** A reading of the facts that would bring the case within the limitation period: the reviewer confirms it. */
interface Reading {
  /** 危害后果: the 5-year period (life/health or financial safety, with harm). */
  harm: boolean;
  /** 连续或者继续状态: counted from the end of the violation. */
  continuing: boolean;
  /** 发现: the lead's registration as the moment of discovery, not 立案. */
  lead: boolean;
}

/** The parts of a reading, in the order they are said. */
const FACETS = ['harm', 'continuing', 'lead'] as const;

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

  // Late as recorded. Each reading the reviewer could confirm (harm → 5 years; a continuing
  // violation → from its end; discovered at the lead) is tried alone, then together: the case is
  // barred only when even all of them together leave it late — never on one reading only.
  const startOf = (r: Reading) => (r.continuing ? vp.end : from);
  const yearsOf = (r: Reading) => (r.harm ? l.extendedYears : l.years);
  const endOf = (r: Reading) => addYears(startOf(r), yearsOf(r));
  const discovered = (r: Reading) => (r.lead ? pr.leadReceivedOn : pr.filedOn);
  const size = (r: Reading) => FACETS.filter((f) => r[f]).length;
  const possible: Reading = { harm: lifeHealth, continuing: !vp.continuing && vp.end !== vp.start, lead: pr.leadReceivedOn < pr.filedOn };
  const choices = (f: keyof Reading) => (possible[f] ? [false, true] : [false]);
  const readings = choices('harm')
    .flatMap((harm) => choices('continuing').flatMap((continuing) => choices('lead').map((lead): Reading => ({ harm, continuing, lead }))))
    .filter((r) => size(r) > 0)
    .sort((a, b) => size(a) - size(b));
  // Each part of a reading as a condition (if), as what the reviewer checks, and as how it was counted.
  const say: Record<keyof Reading, { if: string; check: string; how: string }> = {
    harm: { if: `本案涉及公民生命健康安全，如有危害后果，时效为${l.extendedYears}年`, check: '危害后果', how: `按${l.extendedYears}年` },
    continuing: { if: `如违法行为有连续或者继续状态，自终了之日 ${vp.end} 起算`, check: '违法行为是否连续或继续', how: `自终了之日 ${vp.end} 起算` },
    lead: { if: `如以线索登记 ${pr.leadReceivedOn} 为“发现”的时点`, check: '“发现”的时点', how: `以线索登记 ${pr.leadReceivedOn} 为发现时点` },
  };
  const words = (r: Reading, as: 'if' | 'check' | 'how') => FACETS.filter((f) => r[f]).map((f) => say[f][as]);
  const timely = readings.find((r) => discovered(r) <= endOf(r));
  if (timely) {
    const end = endOf(timely);
    steps.push(`${startOf(timely)} + ${yearsOf(timely)}年 = ${end}；${timely.lead ? `线索登记 ${pr.leadReceivedOn}` : `立案 ${pr.filedOn}`} ≤ ${end}`);
    return [
      finding('P10', 'P10.limitation', 'warn', `立案已超过${l.years}年追责时效（至 ${limit}）；${words(timely, 'if').join('，且')}，则未超过（至 ${end}），请核对${words(timely, 'check').join('、')}`, {
        computation: steps.join('；'),
        basis,
        refs,
      }),
    ];
  }
  const widest = readings[readings.length - 1];
  if (widest) steps.push(`${words(widest, 'how').join('、')}亦已超过（${startOf(widest)} + ${yearsOf(widest)}年 = ${endOf(widest)}）`);
  const years = lifeHealth ? l.extendedYears : l.years;
  const barredAt = addYears(from, years);
  return [finding('P10', 'P10.limitation', 'fail', `违法行为已超过追责时效（${years}年，至 ${barredAt}），不再给予行政处罚`, { computation: steps.join('；'), basis, refs })];
};
