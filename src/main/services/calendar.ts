// The working-day calendar data: chinese-days (maintained library, State Council schedules with
// 调休) overlaid by <data>/calendar.json, which the central system can update without a release.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { z } from 'zod';
import { WorkingDayCalendar, type CalendarData } from '../../shared/calendar/working-days';

// Not named `require`: electron-vite's ESM shim declares its own top-level `require` in the
// bundle, and a second one is a SyntaxError that stops the desktop app from starting.
const cjsRequire = createRequire(import.meta.url);

const ChineseDaysJson = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

const OverrideFile = z.object({
  source: z.string(),
  years: z.array(z.number().int()),
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

function yearsOf(...maps: Record<string, string>[]): number[] {
  const ys = new Set<number>();
  for (const m of maps) for (const k of Object.keys(m)) ys.add(Number(k.slice(0, 4)));
  return [...ys].sort((a, b) => a - b);
}

/** Names like "Spring Festival,春节,4" → "春节". */
function cnName(v: string): string {
  return v.split(',')[1] ?? v;
}

export function loadCalendar(dataDir?: string): WorkingDayCalendar {
  const raw = ChineseDaysJson.parse(cjsRequire('chinese-days/dist/chinese-days.json'));
  const version = (cjsRequire('chinese-days/package.json') as { version: string }).version;
  const holidays = Object.fromEntries(Object.entries(raw.holidays).map(([k, v]) => [k, cnName(v)]));
  const workdays = Object.fromEntries(Object.entries(raw.workdays).map(([k, v]) => [k, cnName(v)]));
  const data: CalendarData = { years: yearsOf(holidays, workdays), holidays, workdays, source: `chinese-days ${version}` };
  const overridePath = dataDir ? join(dataDir, 'calendar.json') : null;
  if (overridePath && existsSync(overridePath)) {
    const o = OverrideFile.parse(JSON.parse(readFileSync(overridePath, 'utf8')));
    for (const y of o.years) {
      // A year in the override replaces that year wholesale.
      for (const m of [data.holidays, data.workdays]) for (const k of Object.keys(m)) if (k.startsWith(`${y}-`)) delete m[k];
    }
    Object.assign(data.holidays, o.holidays);
    Object.assign(data.workdays, o.workdays);
    data.years = [...new Set([...data.years, ...o.years])].sort((a, b) => a - b);
    data.source += ` + ${o.source}`;
  }
  return new WorkingDayCalendar(data);
}
