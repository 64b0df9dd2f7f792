// The working-day calendar an admin published (<data>/calendar.json), read and checked as the
// workstations check it: served by GET /v1/calendar and put into offline case bundles.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readCalendarFile, type CalendarFile } from '../shared/calendar/calendar-file';

export type PublishedCalendar = { kind: 'none' } | { kind: 'invalid'; problems: string[] } | { kind: 'ok'; text: string; file: CalendarFile };

export async function publishedCalendar(dataDir: string | null): Promise<PublishedCalendar> {
  if (!dataDir) return { kind: 'none' };
  let text: string;
  try {
    text = await readFile(join(dataDir, 'calendar.json'), 'utf8');
  } catch {
    return { kind: 'none' };
  }
  const read = readCalendarFile(text);
  return read.ok ? { kind: 'ok', text, file: read.file } : { kind: 'invalid', problems: read.problems };
}
