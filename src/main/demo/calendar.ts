// The working-day calendar the demo dates are laid out on: the shared WorkingDayCalendar fed
// with the holiday data shipped in `chinese-days` (the same package the app uses).
import { createRequire } from 'node:module';
import { WorkingDayCalendar, type CalendarData } from '../../shared/calendar/working-days';
import { addDays } from '../../shared/format/date';

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function isRecordOfStrings(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
}

let cached: WorkingDayCalendar | undefined;

export function demoCalendar(): WorkingDayCalendar {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const raw: unknown = require('chinese-days/dist/chinese-days.json');
  const json = raw as Partial<ChineseDaysJson>;
  if (!isRecordOfStrings(json.holidays) || !isRecordOfStrings(json.workdays)) throw new Error('chinese-days 节假日数据格式不符');
  // Values look like "National Day,国庆节,3": keep the Chinese name.
  const name = (v: string): string => v.split(',')[1] ?? v;
  const holidays: Record<string, string> = {};
  const workdays: Record<string, string> = {};
  const years = new Set<number>();
  for (const [d, v] of Object.entries(json.holidays)) {
    holidays[d] = name(v);
    years.add(Number(d.slice(0, 4)));
  }
  for (const [d, v] of Object.entries(json.workdays)) workdays[d] = name(v);
  const data: CalendarData = { years: [...years].sort((a, b) => a - b), holidays, workdays, source: 'chinese-days' };
  cached = new WorkingDayCalendar(data);
  return cached;
}

// Day arithmetic on ISO strings is hot when laying out thousands of cases: cache per day.
const wdCaches = new WeakMap<WorkingDayCalendar, Map<string, boolean>>();
const nextCache = new Map<string, string>();
const prevCache = new Map<string, string>();

function isWd(cal: WorkingDayCalendar, iso: string): boolean {
  let wdCache = wdCaches.get(cal);
  if (!wdCache) {
    wdCache = new Map();
    wdCaches.set(cal, wdCache);
  }
  let v = wdCache.get(iso);
  if (v === undefined) {
    v = cal.isWorkingDay(iso);
    wdCache.set(iso, v);
  }
  return v;
}

function next(iso: string): string {
  let v = nextCache.get(iso);
  if (!v) {
    v = addDays(iso, 1);
    nextCache.set(iso, v);
  }
  return v;
}

function prev(iso: string): string {
  let v = prevCache.get(iso);
  if (!v) {
    v = addDays(iso, -1);
    prevCache.set(iso, v);
  }
  return v;
}

/** n working days after `from` (n = 0 → from itself, rolled forward to a working day). */
export function addWd(cal: WorkingDayCalendar, from: string, n: number): string {
  let day = from;
  if (n === 0) {
    while (!isWd(cal, day)) day = next(day);
    return day;
  }
  for (let left = n; left > 0; ) {
    day = next(day);
    if (isWd(cal, day)) left--;
  }
  return day;
}

/** n working days before `from` (n = 0 → from itself, rolled back to a working day). */
export function subWd(cal: WorkingDayCalendar, from: string, n: number): string {
  let day = from;
  if (n === 0) {
    while (!isWd(cal, day)) day = prev(day);
    return day;
  }
  for (let left = n; left > 0; ) {
    day = prev(day);
    if (isWd(cal, day)) left--;
  }
  return day;
}

/** Working days in (from, to]; negative when to < from. */
export function wdBetween(cal: WorkingDayCalendar, from: string, to: string): number {
  if (from === to) return 0;
  const sign = from < to ? 1 : -1;
  const [a, b] = sign > 0 ? [from, to] : [to, from];
  let count = 0;
  for (let d = next(a); d <= b; d = next(d)) if (isWd(cal, d)) count++;
  return sign * count;
}
