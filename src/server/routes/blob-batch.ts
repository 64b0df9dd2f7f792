// POST /v1/blobs/batch `{ sha256: [...] }`: many whole blobs in one answer, framed as
// src/shared/sync/protocol.ts says (`<sha256> <size>\n` + the bytes, per blob, in the order asked).
// For the initial sync: one request per case instead of one per file. Every blob must be visible to
// the caller (the rule of GET /v1/blobs/:sha256) or the answer is 404 before a single byte, so a
// batch never tells which of the ids exist.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { formatBytes } from '../../shared/format/bytes';
import { callerOf } from '../auth/guard';
import type { BlobBackend } from '../blobs/backend';
import type { ServerContext } from '../context';
import { BlobsRepo } from '../db/repos/blobs';
import { HttpError, notFound, parseWith } from '../http/errors';
import { BLOB_BATCH_CONTENT_TYPE, BLOB_BATCH_MAX_IDS, BlobBatchRequest, blobFrameHeader } from '../protocol';

/** The frames one after another; a stored file that is not the size on record breaks the answer off. */
async function* frames(store: BlobBackend, list: readonly { sha256: string; size: number }[]): AsyncGenerator<Buffer> {
  for (const { sha256, size } of list) {
    yield Buffer.from(blobFrameHeader(sha256, size), 'ascii');
    if (size === 0) continue;
    let sent = 0;
    // A range up to the recorded size, so a longer file cannot shift the frames after it.
    for await (const chunk of await store.get(sha256, { start: 0, end: size - 1 })) {
      sent += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    // Fewer bytes than recorded: cut the connection (the client sees a cut, not a wrong frame).
    if (sent !== size) throw new Error(`blob ${sha256}: stored ${sent} bytes, recorded ${size}`);
  }
}

export function blobBatchRoute(app: FastifyInstance, ctx: ServerContext): void {
  const blobs = new BlobsRepo(ctx.db);

  app.post('/v1/blobs/batch', { bodyLimit: 64 * 1024 }, async (req, reply) => {
    const raw = (req.body as { sha256?: unknown } | null)?.sha256;
    if (Array.isArray(raw) && raw.length > BLOB_BATCH_MAX_IDS) throw new HttpError(413, 'too_large', `一次最多请求 ${BLOB_BATCH_MAX_IDS} 个文件（本次 ${raw.length} 个），请分批下载`);
    const body = parseWith(BlobBatchRequest, req.body, '批量下载请求');
    const found = await blobs.visibleMany(body.sha256, callerOf(req));
    if (found.size !== body.sha256.length) throw notFound('文件不存在或无权访问');
    const list = body.sha256.map((sha) => found.get(sha)!);
    const total = list.reduce((n, b) => n + b.size, 0);
    if (total > ctx.limits.batchBytes) throw new HttpError(413, 'too_large', `所请求文件共 ${formatBytes(total)}，超过单次批量下载上限 ${formatBytes(ctx.limits.batchBytes)}，请分批下载`);
    const length = list.reduce((n, b) => n + Buffer.byteLength(blobFrameHeader(b.sha256, b.size)) + b.size, 0);
    req.log.info({ blobs: list.length, bytes: total }, 'blob batch');
    reply.code(200).type(BLOB_BATCH_CONTENT_TYPE).header('Content-Length', String(length)).header('Cache-Control', 'no-store').header('X-Content-Type-Options', 'nosniff');
    return reply.send(Readable.from(frames(ctx.blobs, list), { objectMode: false }));
  });
}
