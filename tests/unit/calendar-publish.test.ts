// Publishing the calendar a year at a time: the update's years replace those years, the others stay.
import { describe, expect, it } from 'vitest';
import { calendarFileProblems } from '../../src/shared/calendar/calendar-file';
import { withCalendarUpdate, withoutCalendarYear } from '../../src/shared/calendar/publish';
import { builtInDifferences, loadCalendarData } from '../../src/main/services/calendar';
import { testCalendar } from '../helpers/test-calendar';

const y98 = testCalendar(2098, '甲');
const y99 = testCalendar(2099, '乙');

describe('withCalendarUpdate', () => {
  it('with nothing published, the update is published as it is', () => {
    expect(withCalendarUpdate(null, y99)).toEqual(y99);
  });

  it('a new year is added; the years published before stay, day for day', () => {
    const m = withCalendarUpdate(y98, y99);
    expect(m.years).toEqual([2098, 2099]);
    expect(m.holidays).toEqual({ ...y98.holidays, ...y99.holidays });
    expect(m.workdays).toEqual({ ...y98.workdays, ...y99.workdays });
    expect(m.source).toBe('甲；乙');
    expect(calendarFileProblems(m)).toEqual([]);
  });

  it('a year published again replaces that year whole (a day dropped from it is gone)', () => {
    const both = withCalendarUpdate(y98, y99);
    const corrected = { ...y99, source: '乙（更正）', holidays: Object.fromEntries(Object.entries(y99.holidays).filter(([d]) => d !== '2099-10-03')) };
    const m = withCalendarUpdate(both, corrected);
    expect(m.years).toEqual([2098, 2099]);
    expect(m.holidays['2099-10-03']).toBeUndefined();
    expect(m.holidays['2098-10-03']).toBe('国庆节');
    expect(m.source).toBe('甲；乙（更正）');
    expect(m.sources).toEqual({ 2098: '甲', 2099: '乙（更正）' });
  });

  it('an update naming every published year replaces the file', () => {
    expect(withCalendarUpdate(y99, { ...y99, source: '丙' })).toEqual({ ...y99, source: '丙' });
  });

  it('sources too long to join leave the update’s own', () => {
    const long = (c: string) => c.repeat(150);
    expect(withCalendarUpdate({ ...y98, source: long('甲') }, { ...y99, source: long('乙') }).source).toBe(long('乙'));
  });
});

it('a file whose per-year sources name a year it does not list is refused', () => {
  expect(calendarFileProblems({ ...y99, sources: { 2098: '甲' } })).toEqual(['来源所列的 2098 年不在所列年份（2099）内']);
});

describe('withoutCalendarYear', () => {
  it('takes one year off with its days', () => {
    const w = withoutCalendarYear(withCalendarUpdate(y98, y99), 2098)!;
    expect(w.years).toEqual([2099]);
    expect(w.source).toBe('乙'); // the withdrawn year's source goes with it
    expect(Object.keys(w.holidays).every((d) => d.startsWith('2099-'))).toBe(true);
    expect(Object.keys(w.workdays).every((d) => d.startsWith('2099-'))).toBe(true);
    expect(calendarFileProblems(w)).toEqual([]);
  });

  it('the only year cannot be taken off (a calendar lists at least one year)', () => {
    expect(withoutCalendarYear(y99, 2099)).toBeNull();
  });
});

describe('builtInDifferences', () => {
  it('a year the app’s data does not cover is not compared', () => {
    expect(builtInDifferences(y99)).toEqual([]);
  });

  it('the app’s own schedule for a year differs in no day; a made-up one in many', () => {
    const year = 2025; // covered by chinese-days
    const cal = builtInCalendar(year);
    expect(builtInDifferences(cal)).toEqual([{ year, days: 0, builtInSource: expect.stringMatching(/^chinese-days /) }]);
    const made = builtInDifferences(testCalendar(year, '虚构'))[0]!;
    expect(made.days).toBeGreaterThan(5);
  });
});

/** chinese-days' own schedule for `year`, as a calendar file (no data folder: the library's data alone). */
function builtInCalendar(year: number) {
  const data = loadCalendarData();
  const of = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).filter(([d]) => d.startsWith(`${year}-`)));
  return { source: '内置', years: [year], holidays: of(data.holidays), workdays: of(data.workdays) };
}
