import { describe, expect, it } from 'vitest';
import { remainingWorkingDaysText } from '../../src/shared/calendar/remaining-text';
import { reviewCountdown, WorkingDayCalendar } from '../../src/shared/calendar/working-days';
import { loadCalendar } from '../../src/main/services/calendar';
import { statutoryHolidays } from '../../src/main/services/statutory-holidays';

const cal = loadCalendar();

describe('working-day calendar (official PRC schedule with 调休)', () => {
  it('knows 2026 holidays and make-up working days', () => {
    expect(cal.covers(2026)).toBe(true);
    expect(cal.isWorkingDay('2026-10-01')).toBe(false); // 国庆节
    expect(cal.isWorkingDay('2026-10-07')).toBe(false);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(cal.isWorkingDay('2026-11-21')).toBe(false); // ordinary Saturday
    expect(cal.isWorkingDay('2026-11-23')).toBe(true);
  });

  it('adds working days across the National Day holiday', () => {
    // 送审 2026-09-29 (Tue): 09-30 ①, 10-01…07 国庆, 10-08 ②, 10-09 ③, 10-10 Sat 调休 ④,
    // 10-12 ⑤ … 10-16 ⑨, 10-19 ⑩
    const r = cal.addWorkingDays('2026-09-29', 10);
    expect(r.value).toBe('2026-10-19');
    expect(r.warnings).toEqual([]);
  });

  it('warns explicitly for a year the calendar does not cover', () => {
    const r = cal.addWorkingDays('2026-12-28', 10);
    expect(r.warnings).toContain('2027年节假日安排尚未发布，按周末和法定节假日推算（调休未计）');
  });

  it('past the covered years, the statutory holidays (全国年节及纪念日放假办法) are rest days, not only weekends', () => {
    // 2027-01-01 is a Friday: 元旦 by law whatever the 2027 schedule will say.
    const w = new Set<string>();
    expect(cal.isWorkingDay('2027-01-01', w)).toBe(false);
    expect([...w]).toEqual(['2027年节假日安排尚未发布，按周末和法定节假日推算（调休未计）']);
    // 12-28 + 10 working days skips 元旦: 2027-01-12 (weekends alone said 01-11).
    expect(cal.addWorkingDays('2026-12-28', 10).value).toBe('2027-01-12');
    // 春节 2027: 除夕 02-05 and 初一至初三 02-06…08 (a Friday to a Monday); 02-09 is a working day.
    expect(['2027-02-05', '2027-02-08', '2027-02-09'].map((d) => cal.isWorkingDay(d))).toEqual([false, false, true]);
    // 国庆节 10月1日至3日 (a Friday): 10-04 Monday is counted, since the 调休 is not known yet.
    expect(['2027-10-01', '2027-10-04'].map((d) => cal.isWorkingDay(d))).toEqual([false, true]);
  });

  it('the statutory holidays match the official schedules of the years they can be checked against', () => {
    for (const y of [2025, 2026]) for (const [d, name] of Object.entries(statutoryHolidays(y))) expect([d, cal.data.holidays[d]]).toEqual([d, name]);
    expect(Object.keys(statutoryHolidays(2027))).toHaveLength(13);
  });

  it('counts remaining review time including today, negative when overdue', () => {
    const due = reviewCountdown(cal, '2026-11-09', '2026-11-23');
    expect(due.value.dueOn).toBe('2026-11-23');
    expect(due.value.remaining).toBe(1);
    expect(reviewCountdown(cal, '2026-11-09', '2026-11-25').value.remaining).toBe(-2);
    expect(reviewCountdown(cal, '2026-11-20', '2026-11-23').value.remaining).toBe(10);
  });

  it('says whether today is counted in the remaining review time (含今日 only on a working day)', () => {
    // Received Friday 2026-12-04: due 2026-12-18. That Friday itself: 11 working days left, today among them.
    expect(reviewCountdown(cal, '2026-12-04', '2026-12-04').value).toEqual({ dueOn: '2026-12-18', remaining: 11, includesToday: true });
    // Saturday 12-05 is no working day: 10 left, today not among them.
    expect(reviewCountdown(cal, '2026-12-04', '2026-12-05').value).toEqual({ dueOn: '2026-12-18', remaining: 10, includesToday: false });
    // The make-up Saturday 2026-10-10 is a working day and counts.
    expect(reviewCountdown(cal, '2026-10-09', '2026-10-10').value.includesToday).toBe(true);
    // Past the due date nothing is left to include.
    expect(reviewCountdown(cal, '2026-12-04', '2026-12-21').value).toEqual({ dueOn: '2026-12-18', remaining: -1, includesToday: false });
  });

  it('words the remaining review time as the reviewer reads it', () => {
    expect(remainingWorkingDaysText(11, true)).toBe('剩余 11 个工作日（含今日）');
    expect(remainingWorkingDaysText(10, false)).toBe('剩余 10 个工作日');
    expect(remainingWorkingDaysText(0, false)).toBe('已到期');
    expect(remainingWorkingDaysText(-2, false)).toBe('超期 2 个工作日');
  });

  it('takes an override year from updatable data', () => {
    const custom = new WorkingDayCalendar({ years: [2027], holidays: { '2027-01-01': '元旦' }, workdays: { '2027-01-02': '调休' }, source: 'test' });
    expect(custom.isWorkingDay('2027-01-01')).toBe(false);
    expect(custom.isWorkingDay('2027-01-02')).toBe(true);
  });
});
