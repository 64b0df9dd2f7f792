// The working-day calendar data: chinese-days (maintained library, State Council schedules with
// 调休) overlaid by <data>/calendar.json, which the central system can update without a release.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';
import { CALENDAR_FILE, calendarFileText, datesInYear, readCalendarFile, type CalendarFile, type CalendarRead } from '../../shared/calendar/calendar-file';
import { WorkingDayCalendar, type CalendarData } from '../../shared/calendar/working-days';
import type { BundleCalendar } from '../../shared/api/sync';
import type { BuiltInDifference } from '../../shared/calendar/publish';
import { writeFileDurable } from './cache-crypto/durable';
import { STATUTORY_FROM_YEAR, statutoryHolidays } from './statutory-holidays';

// Not named `require`: electron-vite's ESM shim declares its own top-level `require` in the
// bundle, and a second one is a SyntaxError that stops the desktop app from starting.
const cjsRequire = createRequire(import.meta.url);

const ChineseDaysJson = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

function yearsOf(...maps: Record<string, string>[]): number[] {
  const ys = new Set<number>();
  for (const m of maps) for (const k of Object.keys(m)) ys.add(Number(k.slice(0, 4)));
  return [...ys].sort((a, b) => a - b);
}

/** Names like "Spring Festival,春节,4" → "春节". */
function cnName(v: string): string {
  return v.split(',')[1] ?? v;
}

/** Years after the last covered one that get the statutory-holiday fallback (a deadline reaches a few months ahead). */
const STATUTORY_AHEAD = 10;

/** The library's schedules (a fresh copy: an overlay deletes the years it replaces). */
function libraryData(): CalendarData {
  const raw = ChineseDaysJson.parse(cjsRequire('chinese-days/dist/chinese-days.json'));
  const version = (cjsRequire('chinese-days/package.json') as { version: string }).version;
  const holidays = Object.fromEntries(Object.entries(raw.holidays).map(([k, v]) => [k, cnName(v)]));
  const workdays = Object.fromEntries(Object.entries(raw.workdays).map(([k, v]) => [k, cnName(v)]));
  const years = yearsOf(holidays, workdays);
  const last = years[years.length - 1] ?? STATUTORY_FROM_YEAR - 1;
  const statutory = Object.assign({}, ...Array.from({ length: STATUTORY_AHEAD }, (_, i) => statutoryHolidays(last + 1 + i))) as Record<string, string>;
  return { years, holidays, workdays, source: `chinese-days ${version}`, statutory };
}

/** `data` with a checked update laid over it: each year in the update replaces that year. */
function overlay(data: CalendarData, o: CalendarFile): CalendarData {
  for (const y of o.years) {
    for (const m of [data.holidays, data.workdays]) for (const k of Object.keys(m)) if (k.startsWith(`${y}-`)) delete m[k];
  }
  Object.assign(data.holidays, o.holidays);
  Object.assign(data.workdays, o.workdays);
  data.years = [...new Set([...data.years, ...o.years])].sort((a, b) => a - b);
  data.source += ` + ${o.source}`;
  return data;
}

/**
 * For each year of `file` the app's own data covers: how many days it counts differently (a rest day
 * that is a working day there, or the other way round). The central system tells the admin, since a
 * wrong year published over a right one would move every deadline of that year.
 */
export function builtInDifferences(file: CalendarFile): BuiltInDifference[] {
  const lib = libraryData();
  return file.years
    .filter((y) => lib.years.includes(y))
    .map((y) => {
      const dates = new Set([lib.holidays, lib.workdays, file.holidays, file.workdays].flatMap((m) => datesInYear(m, y)));
      const days = [...dates].filter((d) => !!lib.holidays[d] !== !!file.holidays[d] || !!lib.workdays[d] !== !!file.workdays[d]).length;
      return { year: y, days, builtInSource: lib.source };
    });
}

/** The library data with <data>/calendar.json laid over it. */
export function loadCalendarData(dataDir?: string): CalendarData {
  const data = libraryData();
  const overridePath = dataDir ? join(dataDir, CALENDAR_FILE) : null;
  if (!overridePath || !existsSync(overridePath)) return data;
  const read = readCalendarFile(readFileSync(overridePath, 'utf8'));
  // Written only after the same check (takeCalendarUpdate): a bad file was edited by hand. The
  // app still starts, on the library data, and says so where the calendar's source is shown.
  if (!read.ok) return { ...data, source: `${data.source}（${CALENDAR_FILE} 无效，未采用：${read.problems[0]}）` };
  return overlay(data, read.file);
}

export function loadCalendar(dataDir?: string): WorkingDayCalendar {
  return new WorkingDayCalendar(loadCalendarData(dataDir));
}

export type CalendarUpdateResult =
  /** changed: false when the same schedule was here already; dropped: years the previous update had and this one has not (withdrawn centrally). */
  | { taken: true; changed: boolean; years: number[]; source: string; dropped: number[] }
  | { taken: false; problems: string[] };

/**
 * Takes a calendar update (from a sync or a bundle, already read): written durably as
 * <data>/calendar.json and put into the running calendar. One that failed the checks is not
 * taken: the file and the calendar stay as they were.
 */
export function takeCalendarUpdate(dataDir: string, calendar: WorkingDayCalendar, read: CalendarRead): CalendarUpdateResult {
  if (!read.ok) return { taken: false, problems: read.problems };
  const path = join(dataDir, CALENDAR_FILE);
  const text = calendarFileText(read.file);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
  const previous = before === null ? null : readCalendarFile(before);
  const dropped = previous?.ok ? previous.file.years.filter((y) => !read.file.years.includes(y)) : [];
  const result = { taken: true as const, years: read.file.years, source: read.file.source, dropped };
  if (before === text) return { ...result, changed: false };
  writeFileDurable(path, text, 0o644);
  calendar.replace(overlay(libraryData(), read.file));
  return { ...result, changed: true };
}

/** A calendar.json carried in a bundle (the app's 导入案卷包, `fashen import`): taken as a sync takes one, or the reason in zh-CN. */
export function takeBundledCalendar(dataDir: string, calendar: WorkingDayCalendar, text: string): BundleCalendar {
  const r = takeCalendarUpdate(dataDir, calendar, readCalendarFile(text));
  return r.taken ? { taken: true, years: r.years, source: r.source, changed: r.changed } : { taken: false, problem: `工作日历数据无效：${r.problems.join('；')}` };
}
