import { describe, expect, it } from 'vitest';
import { calendar } from './fixture';

describe('WorkingDayCalendar.nextWorkingDayOnOrAfter (a period ending on a rest day ends on the next working day)', () => {
  it.each([
    ['a working day is itself', '2026-11-23', '2026-11-23'],
    ['a Sunday moves to Monday', '2026-11-22', '2026-11-23'],
    ['the first day of the Spring Festival moves past it (02-15…23 off)', '2026-02-15', '2026-02-24'],
    ['the make-up Saturday 2026-10-10 is a working day', '2026-10-10', '2026-10-10'],
    ['National Day moves to 10-08', '2026-10-01', '2026-10-08'],
  ])('%s', (_n, from, to) => {
    expect(calendar.nextWorkingDayOnOrAfter(from)).toEqual({ value: to, warnings: [] });
  });
  it('a year not covered warns explicitly', () => {
    expect(calendar.nextWorkingDayOnOrAfter('2027-01-02')).toEqual({ value: '2027-01-04', warnings: ['2027年节假日安排尚未发布，按周末和法定节假日推算（调休未计）'] });
  });
});
