// Unauthenticated: GET /v1/health, GET /v1/calendar (working-day calendar data for workstations),
// GET /updates/* (app update files). Neither holds anything private.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { badRequest, HttpError, notFound } from '../http/errors';
import { sendBytes } from '../http/send-bytes';

/** The shape of the workstation's <data>/calendar.json override (src/shared/calendar). */
const CalendarFile = z.object({
  source: z.string().min(1),
  years: z.array(z.number().int()),
  holidays: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string()),
  workdays: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string()),
});

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const MIME: Record<string, string> = { '.yml': 'text/yaml; charset=utf-8', '.yaml': 'text/yaml; charset=utf-8', '.json': 'application/json', '.blockmap': 'application/octet-stream' };

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

  app.route<{ Params: { '*': string } }>({
    method: ['GET', 'HEAD'],
    url: '/updates/*',
    handler: async (req, reply) => {
      if (!ctx.dataDir) throw notFound();
      const rel = req.params['*'];
      const parts = rel.split('/');
      if (!rel || !parts.every((p) => SAFE_SEGMENT.test(p))) throw badRequest('更新文件路径不合法');
      const root = join(ctx.dataDir, 'updates');
      let file: string;
      let size: number;
      let mtime: number;
      try {
        file = await realpath(join(root, ...parts));
        if (!file.startsWith((await realpath(root)) + sep)) throw notFound();
        const st = await stat(file);
        if (!st.isFile()) throw notFound();
        size = st.size;
        mtime = st.mtimeMs;
      } catch {
        throw notFound('没有这个更新文件');
      }
      const ext = /\.[^.]+$/.exec(file)?.[0] ?? '';
      return sendBytes(req, reply, {
        size,
        etag: createHash('sha256').update(`${file}:${size}:${mtime}`).digest('hex').slice(0, 32),
        contentType: MIME[ext] ?? 'application/octet-stream',
        cacheControl: 'no-cache',
        open: async (range) => createReadStream(file, range ? { start: range.start, end: range.end } : {}),
      });
    },
  });
}
