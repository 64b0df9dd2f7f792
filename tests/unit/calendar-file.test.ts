import { describe, expect, it } from 'vitest';
import { calendarFileProblems, readCalendarFile } from '../../src/shared/calendar/calendar-file';
import { testCalendar } from '../helpers/test-calendar';

const text = (v: unknown) => JSON.stringify(v);

describe('calendar update checks', () => {
  it('takes a complete schedule', () => {
    const r = readCalendarFile(text(testCalendar()));
    expect(r.ok).toBe(true);
    expect(calendarFileProblems(testCalendar())).toEqual([]);
  });

  it('refuses what is not a calendar, with the reason', () => {
    expect(readCalendarFile('{')).toEqual({ ok: false, problems: ['不是有效的 JSON'] });
    const noYears = readCalendarFile(text({ ...testCalendar(), years: [] }));
    expect(noYears.ok).toBe(false);
    const badDate = readCalendarFile(text({ ...testCalendar(), holidays: { ...testCalendar().holidays, '2099-1-5': '元旦' } }));
    expect(badDate.ok).toBe(false);
  });

  it('refuses dates outside its years, impossible dates, and a day listed both ways', () => {
    const c = testCalendar();
    expect(calendarFileProblems({ ...c, holidays: { ...c.holidays, '2098-12-31': '元旦' } })).toEqual([expect.stringContaining('2098-12-31 不在所列年份')]);
    expect(calendarFileProblems({ ...c, holidays: { ...c.holidays, '2099-02-30': '春节' } })).toEqual([expect.stringContaining('节假日日期无效：2099-02-30')]);
    const sat = Object.keys(c.workdays)[0]!;
    expect(calendarFileProblems({ ...c, holidays: { ...c.holidays, [sat]: '春节' } })).toEqual([expect.stringContaining(`${sat} 同时列为节假日和调休上班日`)]);
  });

  it('refuses a 调休 working day that is not a weekend day', () => {
    const c = testCalendar();
    // 2099-03-02 is a Monday.
    expect(calendarFileProblems({ ...c, workdays: { '2099-03-02': '春节' } })).toEqual([expect.stringContaining('调休上班日 2099-03-02 不是周末')]);
  });

  it('refuses a year with fewer holidays than the statutory ones (an incomplete schedule would move every deadline)', () => {
    const c = testCalendar();
    const few = Object.fromEntries(Object.entries(c.holidays).slice(0, 4));
    expect(calendarFileProblems({ ...c, holidays: few })).toEqual([expect.stringContaining('2099年只列了 4 天节假日')]);
    expect(calendarFileProblems({ ...c, years: [2099, 2099] })).toContain('年份重复');
    // A listed year with no dates at all.
    expect(calendarFileProblems({ ...c, years: [2099, 2100] })).toEqual([expect.stringContaining('2100年只列了 0 天节假日')]);
  });
});
