// The sync API (DESIGN.md §7): GET /v1/feed, GET /v1/blobs/:sha256, POST /v1/submissions.
import type { FastifyInstance } from 'fastify';
import { callerOf } from '../auth/guard';
import type { ServerContext } from '../context';
import { BlobsRepo } from '../db/repos/blobs';
import { FeedRepo } from '../db/repos/feed';
import { badRequest, notFound, parseWith } from '../http/errors';
import { sendBytes } from '../http/send-bytes';
import { FeedQuery, SHA256_RE, SubmissionRequest } from '../protocol';
import { feedPageJson } from './feed-page';
import { RevisionTexts } from './revision-texts';
import { SubmissionService } from '../submissions/service';

export function syncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const feed = new FeedRepo(ctx.db);
  const blobs = new BlobsRepo(ctx.db);
  const submissions = new SubmissionService(ctx.db, ctx.verifier, ctx.now);
  const texts = new RevisionTexts(feed, blobs);

  app.get('/v1/feed', async (req, reply) => {
    const caller = callerOf(req);
    const q = parseWith(FeedQuery, req.query, '查询参数');
    const rows = await feed.page(caller, q.after, q.limit + 1);
    const more = rows.length > q.limit;
    const page = rows.slice(0, q.limit);
    const revisions = await texts.get(page.filter((r) => r.visible).map((r) => ({ caseId: r.caseId, revision: r.revision })));
    return reply.type('application/json; charset=utf-8').send(feedPageJson(page, revisions, page.at(-1)?.seq ?? q.after, more));
  });

  // A wildcard, so that anything but a plain lowercase sha256 (encoded slashes, dots, …) is a 400.
  // GET and HEAD explicitly: Fastify's automatic HEAD route would report Content-Length 0.
  app.route<{ Params: { '*': string } }>({
    method: ['GET', 'HEAD'],
    url: '/v1/blobs/*',
    handler: async (req, reply) => {
      const id = req.params['*'];
      if (!SHA256_RE.test(id)) throw badRequest('blob 编号应为 64 位小写十六进制 sha256');
      const row = await blobs.visible(id, callerOf(req));
      if (!row) throw notFound('文件不存在或无权访问');
      return sendBytes(req, reply, { size: row.size, etag: row.sha256, contentType: 'application/octet-stream', open: (range) => ctx.blobs.get(row.sha256, range) });
    },
  });

  app.post('/v1/submissions', { bodyLimit: ctx.limits.submissionBytes }, async (req, reply) => {
    const body = parseWith(SubmissionRequest, req.body, '提交内容');
    const result = await submissions.submit(callerOf(req), body);
    req.log.info({ submission: body.id, kind: body.kind, case: body.caseId, status: result.body.status, repeated: result.body.repeated === true }, 'submission');
    return reply.code(result.status).send(result.body);
  });
}
