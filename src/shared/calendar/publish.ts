// Publishing the working-day calendar on the central system. The State Council's notice comes one
// year at a time, so a publication adds or replaces the years it names and keeps the others: an
// admin who publishes next year's schedule must not take this year's off every workstation (they
// take the published file whole, and a year the app's own data lacks would fall back to weekends).
import { z } from 'zod';
import type { CalendarFile } from './calendar-file';

/** The `source` field's limit (CalendarFile): a joined source longer than this is cut. */
const SOURCE_MAX = 200;

function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function pick(m: Record<string, string>, keep: (y: number) => boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(m).filter(([d]) => keep(yearOf(d))));
}

/** Each year's source: the file's own per-year record, else its one source for all its years. */
function sourcesOf(f: CalendarFile): Record<string, string> {
  return Object.fromEntries(f.years.map((y) => [String(y), f.sources?.[String(y)] ?? f.source]));
}

/** `years` of `base`/`update` as one file, its `source` the distinct sources in year order. */
function assemble(years: number[], sources: Record<string, string>, holidays: Record<string, string>, workdays: Record<string, string>, fallbackSource: string): CalendarFile {
  const sorted = [...years].sort((a, b) => a - b);
  const joined = [...new Set(sorted.map((y) => sources[String(y)]!))].join('；');
  return {
    source: joined.length <= SOURCE_MAX ? joined : fallbackSource,
    years: sorted,
    holidays,
    workdays,
    sources: Object.fromEntries(sorted.map((y) => [String(y), sources[String(y)]!])),
  };
}

/** The published schedule with `update` laid over it (its years replace those years; no base: the update). */
export function withCalendarUpdate(base: CalendarFile | null, update: CalendarFile): CalendarFile {
  if (!base) return update;
  const kept = base.years.filter((y) => !update.years.includes(y));
  if (kept.length === 0) return update;
  const keep = (y: number) => kept.includes(y);
  return assemble(
    [...kept, ...update.years],
    { ...sourcesOf(base), ...sourcesOf(update) },
    { ...pick(base.holidays, keep), ...update.holidays },
    { ...pick(base.workdays, keep), ...update.workdays },
    update.source,
  );
}

/** The published schedule without `year`, or null when it was the only year (nothing would be left). */
export function withoutCalendarYear(base: CalendarFile, year: number): CalendarFile | null {
  const years = base.years.filter((y) => y !== year);
  if (years.length === 0) return null;
  const keep = (y: number) => y !== year;
  const sources = sourcesOf(base);
  return assemble(years, sources, pick(base.holidays, keep), pick(base.workdays, keep), sources[String(years.at(-1))]!);
}

/** Days of a year whose status (holiday, 调休 working day) differs from the app's own data. */
export const BuiltInDifference = z.object({ year: z.number().int(), days: z.number().int().min(0), builtInSource: z.string() });
export type BuiltInDifference = z.infer<typeof BuiltInDifference>;

/** PUT /v1/admin/calendar and DELETE /v1/admin/calendar/years/:year. */
export const CalendarPublishAnswer = z.object({
  /** The years this publication added or replaced (none for a withdrawal). */
  years: z.array(z.number().int()),
  source: z.string(),
  /** Every year now handed to workstations. */
  published: z.array(z.number().int()),
  /** Years in this publication that the app's own data covers differently (a mistake, or a correction). */
  differsFromBuiltIn: z.array(BuiltInDifference),
});
export type CalendarPublishAnswer = z.infer<typeof CalendarPublishAnswer>;
