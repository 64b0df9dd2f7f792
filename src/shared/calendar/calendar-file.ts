// The working-day calendar update the central system hands out (GET /v1/calendar) and the
// workstation keeps as <data>/calendar.json: the State Council's schedule for whole years, each
// year in it replacing that year of the library data. A bad file would move every deadline of
// that year, so it is checked before it is used anywhere, with the reasons in zh-CN.
import { z } from 'zod';
import { describeIssues } from '../api/result';
import { parseIsoDate, weekday } from '../format/date';

/** Its name: in a workstation's and the server's data folder, and at the root of a case bundle. */
export const CALENDAR_FILE = 'calendar.json';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dayName = z.string().trim().min(1).max(50);

export const CalendarFile = z.object({
  /** Where the schedule comes from, e.g. "国办发明电〔2026〕N号". */
  source: z.string().trim().min(1).max(200),
  years: z.array(z.number().int().min(2000).max(2100)).min(1).max(50),
  /** Rest days of the official holidays (weekends inside a holiday period included): date → name. */
  holidays: z.record(z.string().regex(ISO_DATE), dayName),
  /** Weekend days that are working days (调休): date → name. */
  workdays: z.record(z.string().regex(ISO_DATE), dayName),
  /**
   * Where each year comes from, when the file was published a year at a time (shared/calendar/publish.ts);
   * `source` then joins them. Optional, and ignored by workstations before it (zod drops unknown keys).
   */
  sources: z.record(z.string().regex(/^\d{4}$/), z.string().trim().min(1).max(200)).optional(),
});
export type CalendarFile = z.infer<typeof CalendarFile>;

/**
 * Fewest holiday dates a year can have: the statutory holidays alone were 10 days before 2008,
 * 11 until 2024 and 13 since 2025 (全国年节及纪念日放假办法). A year with fewer is incomplete.
 */
const MIN_HOLIDAYS_PER_YEAR = 10;

/** What is wrong with a calendar update that has the right shape (empty: usable). */
export function calendarFileProblems(file: CalendarFile): string[] {
  const problems: string[] = [];
  const years = new Set(file.years);
  if (years.size !== file.years.length) problems.push('年份重复');
  const perYear = new Map<number, number>([...years].map((y) => [y, 0]));
  const check = (date: string, what: string): number | null => {
    let y: number;
    try {
      y = parseIsoDate(date).y;
    } catch {
      problems.push(`${what}日期无效：${date}`);
      return null;
    }
    if (!years.has(y)) problems.push(`${what} ${date} 不在所列年份（${file.years.join('、')}）内`);
    return y;
  };
  for (const date of Object.keys(file.holidays)) {
    const y = check(date, '节假日');
    if (y !== null) perYear.set(y, (perYear.get(y) ?? 0) + 1);
    if (file.workdays[date]) problems.push(`${date} 同时列为节假日和调休上班日`);
  }
  for (const date of Object.keys(file.workdays)) {
    if (check(date, '调休上班日') === null) continue;
    const wd = weekday(date);
    if (wd !== 0 && wd !== 6) problems.push(`调休上班日 ${date} 不是周末（调休上班日只能是周六或周日）`);
  }
  for (const y of Object.keys(file.sources ?? {})) if (!years.has(Number(y))) problems.push(`来源所列的 ${y} 年不在所列年份（${file.years.join('、')}）内`);
  for (const [y, n] of perYear) if (years.has(y) && n < MIN_HOLIDAYS_PER_YEAR) problems.push(`${y}年只列了 ${n} 天节假日，少于法定节假日天数，数据不完整`);
  return problems.slice(0, 20);
}

export type CalendarRead = { ok: true; file: CalendarFile } | { ok: false; problems: string[] };

/** Checks an update already parsed from JSON (an Api body, a transport's answer). */
export function checkCalendarFile(value: unknown): CalendarRead {
  const parsed = CalendarFile.safeParse(value);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues).slice(0, 10) };
  const problems = calendarFileProblems(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, file: parsed.data };
}

/** Parses and checks an update's text: the file, or the reasons it cannot be used. */
export function readCalendarFile(text: string): CalendarRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['不是有效的 JSON'] };
  }
  return checkCalendarFile(json);
}

/** The dates of `year` in a date → name map (holidays or workdays). */
export function datesInYear(m: Record<string, string>, year: number): string[] {
  return Object.keys(m).filter((d) => d.startsWith(`${year}-`));
}

/** The one way a checked update is written (server and workstation): the same schedule, the same bytes. */
export function calendarFileText(file: CalendarFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
