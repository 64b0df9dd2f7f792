// POST /v1/blobs/batch `{ sha256: [...] }`: many whole blobs in one answer, framed as
// src/shared/sync/protocol.ts says (`<sha256> <size>\n` + the bytes, per blob, in the order asked).
// For the initial sync: one request per case instead of one per file. Every blob must be visible to
// the caller (the rule of GET /v1/blobs/:sha256) or the answer is 404 before a single byte, so a
// batch never tells which of the ids exist.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { formatBytes } from '../../shared/format/bytes';
import { callerOf } from '../auth/guard';
import { sendFrames, type FrameSink } from '../blobs/blob-frames';
import type { ServerContext } from '../context';
import { BlobsRepo } from '../db/repos/blobs';
import { HttpError, notFound, parseWith } from '../http/errors';
import { BLOB_BATCH_CONTENT_TYPE, BLOB_BATCH_MAX_IDS, BlobBatchRequest, blobFrameHeader } from '../protocol';

class ClientGone extends Error {}

/** The answer as a FrameSink: a write resolves when the socket has taken the bytes (its callback). */
function responseSink(res: ServerResponse): FrameSink {
  let gone = res.destroyed;
  const waiting = new Set<(err: Error) => void>();
  res.once('close', () => {
    gone = true;
    for (const fail of waiting) fail(new ClientGone('connection closed'));
  });
  return {
    write: (bytes) =>
      new Promise<void>((resolve, reject) => {
        if (gone) return reject(new ClientGone('connection closed'));
        waiting.add(reject);
        res.write(bytes, (err) => {
          waiting.delete(reject);
          if (err) reject(err);
          else resolve();
        });
      }),
  };
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
    // Written by hand, not through reply.send(stream): a write's callback tells when its slab may be
    // filled again (blob-frames.ts). A failure after the head is a cut, as a stream's error was.
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': BLOB_BATCH_CONTENT_TYPE, 'content-length': String(length), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    try {
      await sendFrames(ctx.blobs, list, responseSink(res));
      res.end();
    } catch (err) {
      if (err instanceof ClientGone || res.destroyed) req.log.info({ blobs: list.length }, 'blob batch: the client went away');
      else req.log.error({ err: (err as Error).message, blobs: list.length }, 'blob batch cut off');
      res.destroy();
    }
    return reply;
  });
}
