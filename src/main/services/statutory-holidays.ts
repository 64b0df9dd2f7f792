// The statutory holidays of a year whose State Council schedule is not out yet. 全国年节及纪念日放假办法
// (国务院令第795号, in force 2025-01-01) fixes 13 days a year whatever the schedule: 元旦 1 (1月1日),
// 春节 4 (除夕、正月初一至初三), 清明 1, 劳动节 2 (5月1日、2日), 端午 1, 中秋 1, 国庆节 3 (10月1日至3日).
// The yearly notice only adds the 调休 around them, which no one can know in advance. Lunar dates and
// 清明 come from chinese-days (the same maintained library as the schedules).
import { createRequire } from 'node:module';
import { addDays } from '../../shared/format/date';

// Not named `require`: see calendar.ts (electron-vite declares its own).
const cjsRequire = createRequire(import.meta.url);

interface LunarApi {
  getSolarDateFromLunar(lunar: string): { date: string };
  getSolarTermDate(year: number, month: number, term: string): string;
}

/** The first year the 13-day law applies (春节 4 days, 劳动节 2 days). */
export const STATUTORY_FROM_YEAR = 2025;

/** date → name of the statutory holidays of `year` (from 2025 on). */
export function statutoryHolidays(year: number): Record<string, string> {
  if (year < STATUTORY_FROM_YEAR) return {};
  const lunar = cjsRequire('chinese-days') as LunarApi;
  const out: Record<string, string> = {};
  const put = (date: string, name: string) => (out[date] = name);
  put(`${year}-01-01`, '元旦');
  const newYear = lunar.getSolarDateFromLunar(`${year}-01-01`).date;
  [-1, 0, 1, 2].forEach((d) => put(addDays(newYear, d), '春节'));
  put(lunar.getSolarTermDate(year, 4, 'pure_brightness'), '清明');
  put(`${year}-05-01`, '劳动节');
  put(`${year}-05-02`, '劳动节');
  put(lunar.getSolarDateFromLunar(`${year}-05-05`).date, '端午');
  put(lunar.getSolarDateFromLunar(`${year}-08-15`).date, '中秋');
  for (const d of ['01', '02', '03']) put(`${year}-10-${d}`, '国庆节');
  return out;
}
