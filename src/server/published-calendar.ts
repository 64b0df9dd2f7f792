// The working-day calendar an admin publishes (<data>/calendar.json): written here once checked
// (PUT /v1/admin/calendar), read back and checked as the workstations check it for GET /v1/calendar
// and the offline case bundles.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurable } from '../main/services/cache-crypto/durable';
import { CALENDAR_FILE, calendarFileText, readCalendarFile, type CalendarFile } from '../shared/calendar/calendar-file';

export type PublishedCalendar = { kind: 'none' } | { kind: 'invalid'; problems: string[] } | { kind: 'ok'; text: string; file: CalendarFile };

export async function publishedCalendar(dataDir: string | null): Promise<PublishedCalendar> {
  if (!dataDir) return { kind: 'none' };
  let text: string;
  try {
    text = await readFile(join(dataDir, CALENDAR_FILE), 'utf8');
  } catch {
    return { kind: 'none' };
  }
  const read = readCalendarFile(text);
  return read.ok ? { kind: 'ok', text, file: read.file } : { kind: 'invalid', problems: read.problems };
}

/** Publishes a checked schedule: written whole and durably, the form every reader expects. */
export function publishCalendar(dataDir: string, file: CalendarFile): void {
  writeFileDurable(join(dataDir, CALENDAR_FILE), calendarFileText(file), 0o644);
}
