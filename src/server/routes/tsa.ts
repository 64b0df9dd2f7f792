// POST /v1/tsa: the development RFC 3161 timestamp authority over HTTP (RFC 3161 §3.4:
// application/timestamp-query in, application/timestamp-reply out). Open like public TSAs are — a
// token only says "these bytes existed at this time" — and small requests only.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { HttpError, notFound } from '../http/errors';

export function tsaRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.addContentTypeParser('application/timestamp-query', { parseAs: 'buffer', bodyLimit: 16 * 1024 }, (_req, body, done) => done(null, body));

  app.post('/v1/tsa', async (req, reply) => {
    if (!ctx.tsa) throw notFound('本服务器不提供时间戳服务');
    if (!String(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/timestamp-query')) {
      throw new HttpError(415, 'unsupported_media_type', '时间戳请求须为 application/timestamp-query');
    }
    const query = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array(0);
    const der = await ctx.tsa.respond(query);
    return reply.header('content-type', 'application/timestamp-reply').header('cache-control', 'no-store').send(Buffer.from(der));
  });
}
