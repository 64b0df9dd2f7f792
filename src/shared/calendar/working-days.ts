// WorkingDayCalendar: the official PRC calendar (holidays + 调休 make-up working days).
// Pure: the data comes from the back end (maintained library data, updatable by the central system).
import { addDays, parseIsoDate, weekday } from '../format/date';

export interface CalendarData {
  /** Years whose State Council schedule is included. */
  years: number[];
  /** Official holidays that fall on weekdays or weekends: date → name. */
  holidays: Record<string, string>;
  /** Weekend days that are working days (调休): date → name. */
  workdays: Record<string, string>;
  /** Where the data came from, e.g. "chinese-days 1.5.7". */
  source: string;
  /**
   * Statutory holidays (全国年节及纪念日放假办法) of years not covered yet: rest days whatever the
   * schedule will say, so a deadline past the covered years is guessed by weekends and these, not
   * by weekends alone. Ignored for covered years.
   */
  statutory?: Record<string, string>;
}

export interface CalendarAnswer<T> {
  value: T;
  /** zh-CN warnings when a year is not covered ("2027年节假日安排尚未发布，按周末和法定节假日推算（调休未计）"). */
  warnings: string[];
}

const yearsOf = (dates?: Record<string, string>) => new Set(Object.keys(dates ?? {}).map((d) => Number(d.slice(0, 4))));

export class WorkingDayCalendar {
  private years: Set<number>;
  private current: CalendarData;
  /** Bumped by replace(): answers remembered under an older revision are stale. */
  private rev = 0;

  /** Years the statutory-holiday fallback has dates for. */
  private statutoryYears: Set<number>;

  constructor(data: CalendarData) {
    this.current = data;
    this.years = new Set(data.years);
    this.statutoryYears = yearsOf(data.statutory);
  }

  get data(): CalendarData {
    return this.current;
  }

  get revision(): number {
    return this.rev;
  }

  /** New data in place (an update from the central system): every holder of this calendar sees it. */
  replace(data: CalendarData): void {
    this.current = data;
    this.years = new Set(data.years);
    this.statutoryYears = yearsOf(data.statutory);
    this.rev++;
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  /**
   * Is this date a working day? Outside the covered years, by weekends and the statutory holidays
   * when the data has them (else weekends only) — with a warning either way.
   */
  isWorkingDay(iso: string, warnings?: Set<string>): boolean {
    const { y } = parseIsoDate(iso);
    if (!this.covers(y)) {
      const statutory = this.statutoryYears.has(y);
      warnings?.add(statutory ? `${y}年节假日安排尚未发布，按周末和法定节假日推算（调休未计）` : `${y}年节假日安排尚未发布，按周末推算`);
      if (statutory && this.current.statutory?.[iso]) return false;
      const wd = weekday(iso);
      return wd !== 0 && wd !== 6;
    }
    if (this.data.workdays[iso]) return true;
    if (this.data.holidays[iso]) return false;
    const wd = weekday(iso);
    return wd !== 0 && wd !== 6;
  }

  /** The n-th working day after `from` (from itself is not counted). */
  addWorkingDays(from: string, n: number): CalendarAnswer<string> {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('工作日数必须为非负整数');
    const warnings = new Set<string>();
    let day = from;
    let left = n;
    while (left > 0) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day, warnings)) left--;
    }
    return { value: day, warnings: [...warnings] };
  }

  /** The date itself when it is a working day, else the next working day (a period ending on a rest day ends on the next working day). */
  nextWorkingDayOnOrAfter(iso: string): CalendarAnswer<string> {
    const warnings = new Set<string>();
    let day = iso;
    for (let i = 0; i < 366 && !this.isWorkingDay(day, warnings); i++) day = addDays(day, 1);
    return { value: day, warnings: [...warnings] };
  }

  /** Working days in (from, to] — from excluded, to included. Negative when to < from. */
  workingDaysBetween(from: string, to: string): CalendarAnswer<number> {
    const warnings = new Set<string>();
    const sign = from <= to ? 1 : -1;
    const [a, b] = sign > 0 ? [from, to] : [to, from];
    let count = 0;
    for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (this.isWorkingDay(day, warnings)) count++;
    return { value: sign * count, warnings: [...warnings] };
  }
}

export const REVIEW_PERIOD_WORKING_DAYS = 10; // 程序规定 (to verify): legal review within 10 working days

/**
 * Review deadline and what is left of it on `today`.
 * remaining = working days from today (counted if a working day: includesToday) up to and including
 * the due day; 0 on a non-working day after the due date, negative when overdue.
 */
export function reviewCountdown(
  cal: WorkingDayCalendar,
  submittedOn: string,
  today: string,
  periodDays = REVIEW_PERIOD_WORKING_DAYS,
): CalendarAnswer<{ dueOn: string; remaining: number; includesToday: boolean }> {
  const due = cal.addWorkingDays(submittedOn, periodDays);
  let remaining: number;
  const warn = new Set(due.warnings);
  if (today <= due.value) {
    // count working days in [today, due]
    const span = cal.workingDaysBetween(addDays(today, -1), due.value);
    span.warnings.forEach((w) => warn.add(w));
    remaining = span.value;
  } else {
    const over = cal.workingDaysBetween(due.value, today);
    over.warnings.forEach((w) => warn.add(w));
    remaining = -over.value;
  }
  const includesToday = today <= due.value && cal.isWorkingDay(today, warn);
  return { value: { dueOn: due.value, remaining, includesToday }, warnings: [...warn] };
}
