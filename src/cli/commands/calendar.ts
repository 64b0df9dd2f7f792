import type { Io } from '../main';
import { loadCalendar } from '../../main/services/calendar';
import { dataDir } from '../../main/paths';
import { parseIsoDate } from '../../shared/format/date';

/**
 * `fashen calendar add-working-days <date> <n>` → the n-th working day after <date> (the start
 * day is not counted, so the result is always a working day); `is-working-day <date>` → true/false.
 * Warnings (e.g. a year whose holidays are not yet published) go to stderr.
 */
export async function calendarCommand(args: string[], io: Io): Promise<number> {
  const [sub, date, n] = args;
  const usage = () => (io.err('用法：fashen calendar add-working-days <YYYY-MM-DD> <n> | is-working-day <YYYY-MM-DD>\n'), 2);
  if (!date) return usage();
  try {
    parseIsoDate(date);
  } catch (err) {
    io.err(`${(err as Error).message}\n`);
    return 2;
  }
  // The calendar alone (maintained library data + <data>/calendar.json updates); no store needed.
  const calendar = loadCalendar(dataDir());
  {
    if (sub === 'add-working-days') {
      if (!n || !/^\d+$/.test(n)) return usage();
      const r = calendar.addWorkingDays(date, Number(n));
      r.warnings.forEach((w) => io.err(`${w}\n`));
      io.out(`${r.value}\n`);
      return 0;
    }
    if (sub === 'is-working-day') {
      const warnings = new Set<string>();
      const yes = calendar.isWorkingDay(date, warnings);
      warnings.forEach((w) => io.err(`${w}\n`));
      io.out(`${yes}\n`);
      return 0;
    }
    return usage();
  }
}
