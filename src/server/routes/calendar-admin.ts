// Publishing the working-day calendar (admins): PUT /v1/admin/calendar adds or replaces the years
// it names and keeps the others (shared/calendar/publish.ts); DELETE /v1/admin/calendar/years/:year
// withdraws one published year, so workstations count it by the app's own data again. GET
// /v1/calendar hands the result to every workstation at its next sync; checked as they check it.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { builtInDifferences } from '../../main/services/calendar';
import { calendarFileProblems, checkCalendarFile, type CalendarFile } from '../../shared/calendar/calendar-file';
import { withCalendarUpdate, withoutCalendarYear, type CalendarPublishAnswer } from '../../shared/calendar/publish';
import { callerOf } from '../auth/guard';
import type { ServerContext } from '../context';
import { lockCalendar } from '../db/open';
import { badRequest, conflict, notFound, parseWith } from '../http/errors';
import { publishCalendar, publishedCalendar } from '../published-calendar';

const YearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export function calendarAdminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const dataDirOf = () => {
    if (!ctx.dataDir) throw conflict('本服务器没有数据目录，不能发布工作日历');
    return ctx.dataDir;
  };
  // Read, lay over, write: two admins publishing at once (on two instances sharing the data
  // folder) would otherwise each write their year over the other's.
  const serialised = <T>(change: () => Promise<T>): Promise<T> =>
    ctx.db.transaction(async (tx) => {
      await lockCalendar(tx);
      return change();
    });

  app.put('/v1/admin/calendar', async (req): Promise<CalendarPublishAnswer> => {
    const dataDir = dataDirOf();
    const read = checkCalendarFile(req.body);
    if (!read.ok) throw badRequest('工作日历数据无效', read.problems);
    return serialised(async () => {
      const current = await publishedCalendar(dataDir);
      // A published file that no longer passes the checks (edited by hand) is not handed out; the new one replaces it.
      if (current.kind === 'invalid') req.log.warn({ problems: current.problems }, 'published calendar.json was invalid: replaced whole');
      const merged = withCalendarUpdate(current.kind === 'ok' ? current.file : null, read.file);
      const problems = calendarFileProblems(merged);
      if (problems.length) throw badRequest('工作日历数据无效', problems);
      publishCalendar(dataDir, merged);
      req.log.info({ years: read.file.years, published: merged.years, source: read.file.source, by: callerOf(req).name }, 'calendar published');
      return { years: read.file.years, source: read.file.source, published: merged.years, differsFromBuiltIn: builtInDifferences(read.file) };
    });
  });

  app.delete('/v1/admin/calendar/years/:year', async (req): Promise<CalendarPublishAnswer> => {
    const dataDir = dataDirOf();
    const { year } = parseWith(YearParam, req.params, '年份');
    return serialised(async () => {
      const current = await publishedCalendar(dataDir);
      const file: CalendarFile | null = current.kind === 'ok' ? current.file : null;
      if (!file?.years.includes(year)) throw notFound(`中心系统未发布 ${year} 年的工作日历`);
      const rest = withoutCalendarYear(file, year);
      if (!rest) throw conflict(`${year} 年是唯一已发布的年份，不能撤回；请发布更正后的安排代替`);
      publishCalendar(dataDir, rest);
      req.log.info({ withdrawn: year, published: rest.years, by: callerOf(req).name }, 'calendar year withdrawn');
      return { years: [], source: rest.source, published: rest.years, differsFromBuiltIn: [] };
    });
  });
}
