// The working-day calendar from the central system (GET /v1/calendar): when a new year's holiday
// schedule is published there, each workstation takes it at its next sync — no release needed.
// Asked with the validator of the update taken last, so an unchanged calendar costs a 304. An
// update that fails the checks is not taken (the calendar stays as it was) and the run says why;
// a calendar that cannot be fetched is a note, never a reason to call the run failed.
import type { WorkingDayCalendar } from '../../../shared/calendar/working-days';
import { checkCalendarFile } from '../../../shared/calendar/calendar-file';
import { takeCalendarUpdate } from '../calendar';
import { withRetry, type RetryPolicy } from './retry';
import { KEYS, type SyncStateRepo } from './state';
import type { SyncTransport } from './transport';

export interface CalendarSyncResult {
  /** Years of an update taken in this run (absent: nothing changed). */
  updated?: number[];
  source?: string;
  /** For the run's notes. */
  note?: string;
}

export async function syncCalendar(d: {
  transport: SyncTransport;
  state: SyncStateRepo;
  dataDir: string;
  calendar: WorkingDayCalendar;
  retry: RetryPolicy;
  signal: AbortSignal;
}): Promise<CalendarSyncResult> {
  const fetch = d.transport.calendar?.bind(d.transport);
  if (!fetch) return {};
  let answer;
  try {
    answer = await withRetry(d.retry, d.signal, () => fetch(d.state.get(KEYS.calendarEtag), d.signal));
  } catch (err) {
    if (d.signal.aborted) throw err;
    return { note: `工作日历未能从中心系统更新（${(err as Error).message}），下次同步时再试` };
  }
  if (answer.kind !== 'data') return {};
  const r = takeCalendarUpdate(d.dataDir, d.calendar, checkCalendarFile(answer.value));
  if (!r.taken) return { note: `中心系统下发的工作日历未被采用，期限仍按原日历计算：${r.problems.slice(0, 3).join('；')}` };
  d.state.set(KEYS.calendarEtag, answer.etag ?? '');
  if (!r.changed) return {};
  const withdrawn = r.dropped.length ? `；中心系统已撤回 ${r.dropped.join('、')} 年的发布，该年改按程序内置的安排计算` : '';
  return { updated: r.years, source: r.source, note: `工作日历已更新：${r.years.join('、')} 年节假日安排（${r.source}）${withdrawn}` };
}
