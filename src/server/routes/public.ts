// Unauthenticated: GET /v1/health, GET /v1/calendar (working-day calendar data for workstations),
// GET /updates/* (app update files, routes/updates.ts). None holds anything private.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CalendarFile } from '../../shared/calendar/calendar-file';
import type { ServerContext } from '../context';
import { HttpError, notFound } from '../http/errors';
import { publishedCalendar } from '../published-calendar';

export function publicRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/health', async () => ({ ok: true }));

  app.get('/v1/calendar', async (req, reply) => {
    const published = await publishedCalendar(ctx.dataDir);
    if (published.kind === 'none') throw notFound('本服务器不提供工作日历');
    // The same check the workstation makes before it takes an update (a bad file is never handed out).
    if (published.kind === 'invalid') {
      req.log.error({ problems: published.problems }, 'calendar.json is invalid');
      throw new HttpError(503, 'unavailable', '服务器上的工作日历数据有误', published.problems);
    }
    const data: CalendarFile = published.file;
    const etag = `"${createHash('sha256').update(published.text).digest('hex')}"`;
    reply.header('ETag', etag).header('Cache-Control', 'no-cache');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return data;
  });
}
