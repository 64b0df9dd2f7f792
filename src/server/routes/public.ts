// Unauthenticated: GET /v1/health, GET /v1/calendar (working-day calendar data for workstations),
// GET /updates/* (app update files, routes/updates.ts). None holds anything private.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { HttpError, notFound } from '../http/errors';

/** The shape of the workstation's <data>/calendar.json override (src/shared/calendar). */
const CalendarFile = z.object({
  source: z.string().min(1),
  years: z.array(z.number().int()),
  holidays: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string()),
  workdays: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string()),
});

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
    let data: z.infer<typeof CalendarFile>;
    try {
      data = CalendarFile.parse(JSON.parse(text));
    } catch (err) {
      req.log.error({ err }, 'calendar.json is invalid');
      throw new HttpError(503, 'unavailable', '服务器上的工作日历数据有误');
    }
    const etag = `"${createHash('sha256').update(text).digest('hex')}"`;
    reply.header('ETag', etag).header('Cache-Control', 'no-cache');
    if (req.headers['if-none-match'] === etag) return reply.code(304).send();
    return data;
  });
}
