// Unauthenticated: GET /v1/health, GET /v1/calendar (working-day calendar data for workstations),
// GET /updates/* (app update files, routes/updates.ts). None holds anything private.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { readCalendarFile, type CalendarFile } from '../../shared/calendar/calendar-file';
import type { ServerContext } from '../context';
import { HttpError, notFound } from '../http/errors';

export function publicRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/health', async () => ({ ok: true }));

  app.get('/v1/calendar', async (req, reply) => {
    if (!ctx.dataDir) throw notFound('本服务器不提供工作日历');
    let text: string;
    try {
      text = await readFile(join(ctx.dataDir, 'calendar.json'), 'utf8');
    } catch {
      throw notFound('本服务器不提供工作日历');
    }
    // The same check the workstation makes before it takes an update (a bad file is never handed out).
    const read = readCalendarFile(text);
    if (!read.ok) {
      req.log.error({ problems: read.problems }, 'calendar.json is invalid');
      throw new HttpError(503, 'unavailable', '服务器上的工作日历数据有误', read.problems);
    }
    const data: CalendarFile = read.file;
    const etag = `"${createHash('sha256').update(text).digest('hex')}"`;
    reply.header('ETag', etag).header('Cache-Control', 'no-cache');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return data;
  });
}
