// Small helpers shared by the checks: building findings, periods on the calendar, text.
import type { WorkingDayCalendar } from '../calendar/working-days';
import { addDays, daysBetween } from '../format/date';
import { formatYuanText } from '../format/money';
import type { PeriodRule, PeriodUnit, RuleSource } from './rule-data';
import type { FindingDraft, FindingRef, LegalBasisRef, PointId, Severity } from './types';

export function finding(
  point: PointId,
  check: string,
  severity: Severity,
  message: string,
  opts: { computation?: string; basis?: LegalBasisRef[]; refs?: FindingRef[]; warnings?: Iterable<string> } = {},
): FindingDraft {
  // Calendar warnings (a year not covered) are never silent: in the message and the computation,
  // and an "ok" computed on a guessed calendar becomes a "warn".
  const w = [...new Set(opts.warnings ?? [])];
  let computation = opts.computation;
  if (w.length) computation = `${computation ? `${computation}；` : ''}注意：${w.join('；')}`;
  return {
    point,
    check,
    severity: w.length && severity === 'ok' ? 'warn' : severity,
    message: w.length ? `${message}（${w.join('；')}）` : message,
    ...(computation !== undefined ? { computation } : {}),
    basis: opts.basis ?? [],
    refs: (opts.refs ?? []).map(labelled),
  };
}

/** What the reviewer reads on a chip pointing at a case field (the field's path is for the app, not for her). */
const FIELD_LABEL: Record<string, string> = {
  'case.procedure.excludedPeriods': '不计入期限的期间',
  'case.procedure.extensions': '延长办案期限',
  'case.procedure.filedOn': '立案日期',
  'case.procedure.hearingHeldOn': '听证日期',
  'case.procedure.hearingRequestedOn': '申请听证日期',
  'case.procedure.investigationConcludedOn': '调查终结日期',
  'case.procedure.leadReceivedOn': '线索登记日期',
  'case.procedure.noticeServedOn': '告知日期',
  'case.procedure.statementHeardOn': '陈述申辩日期',
  'case.proposedDecision': '拟处罚决定',
  'case.proposedDecision.discretion': '裁量情况',
  'case.proposedDecision.legalBasis': '处罚依据',
  'case.proposedDecision.penalties': '拟处罚内容',
  'case.proposedDecision.violatedProvisions': '违反的规定',
  'case.violationPeriod': '违法行为期间',
  'case.violationPlace': '违法行为发生地',
};

function labelled(r: FindingRef): FindingRef {
  if (r.kind !== 'field' || r.label) return r;
  const known = FIELD_LABEL[r.id] ?? FIELD_LABEL[r.id.replace(/\.\d+$/, '')];
  return known ? { ...r, label: known } : r;
}

/** A rule source as a finding basis, with its verification status in the note. */
export function basisOf(source: RuleSource, status?: 'confirmed' | 'to_verify', extra?: string): LegalBasisRef {
  const notes = [source.note, status === 'to_verify' ? '待核实条文' : undefined, extra].filter(Boolean);
  return { law: source.law, article: source.article ?? '', ...(notes.length ? { note: notes.join('；') } : {}) };
}

export const UNIT_CN: Record<PeriodUnit, string> = { calendar_days: '日', working_days: '个工作日' };

export interface PeriodEnd {
  /** Last day of the period. */
  end: string;
  /** The nominal end before rolling off a rest day (calendar days only). */
  nominal: string;
  text: string;
}

/**
 * The last day of a period of `length` units after `from` (the start day is not counted; a period in
 * calendar days that ends on a rest day ends on the next working day).
 */
export function periodEnd(cal: WorkingDayCalendar, from: string, length: number, unit: PeriodUnit, warnings: Set<string>, label = ''): PeriodEnd {
  if (unit === 'working_days') {
    const r = cal.addWorkingDays(from, length);
    r.warnings.forEach((w) => warnings.add(w));
    return { end: r.value, nominal: r.value, text: `${label}${from} + ${length}个工作日 = ${r.value}` };
  }
  const nominal = addDays(from, length);
  const r = cal.nextWorkingDayOnOrAfter(nominal);
  r.warnings.forEach((w) => warnings.add(w));
  const rolled = r.value !== nominal ? `（${nominal} 为休息日，顺延至 ${r.value}）` : '';
  return { end: r.value, nominal, text: `${label}${from} + ${length}日 = ${nominal}${rolled}` };
}

export function periodLabel(p: PeriodRule): string {
  return `${p.length}${UNIT_CN[p.unit]}`;
}

/** Calendar days from a to b, as text: "超期 3 日" / "余 2 日". */
export function dayDiffText(deadline: string, actual: string): string {
  const d = daysBetween(deadline, actual);
  return d > 0 ? `超期 ${d} 日` : d === 0 ? '恰为期限最后一日' : `距期限尚余 ${-d} 日`;
}

export const yuan = formatYuanText;

/** Inclusive day count of a date range. */
export function rangeDays(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

/** Merge overlapping/adjacent ranges; returns sorted disjoint ranges. */
export function mergeRanges(ranges: { start: string; end: string }[]): { start: string; end: string }[] {
  const sorted = ranges.filter((r) => r.start <= r.end).sort((a, b) => (a.start < b.start ? -1 : 1));
  const out: { start: string; end: string }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= addDays(last.end, 1)) {
      if (r.end > last.end) last.end = r.end;
    } else out.push({ ...r });
  }
  return out;
}

export function includesAny(text: string, keywords: readonly string[]): string | undefined {
  return keywords.find((k) => text.includes(k));
}
