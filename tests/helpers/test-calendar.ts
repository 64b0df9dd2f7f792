// A made-up holiday schedule for tests — not any real State Council notice (a far-off year by
// default, so it can never be mistaken for one): enough holidays to pass the checks a calendar
// update gets, and one weekend working day (调休).
import type { CalendarFile } from '../../src/shared/calendar/calendar-file';
import { addDays, weekday } from '../../src/shared/format/date';

export function testCalendar(year = 2099, source = '测试用节假日安排（虚构，非真实公告）'): CalendarFile {
  const holidays: Record<string, string> = {};
  const run = (start: string, days: number, name: string) => {
    for (let i = 0; i < days; i++) holidays[addDays(start, i)] = name;
  };
  run(`${year}-01-01`, 3, '元旦');
  run(`${year}-02-10`, 7, '春节');
  run(`${year}-10-01`, 3, '国庆节');
  // The first Saturday in March: a working day by 调休.
  let sat = `${year}-03-01`;
  while (weekday(sat) !== 6) sat = addDays(sat, 1);
  return { source, years: [year], holidays, workdays: { [sat]: '春节' } };
}
