// Answers a GET/HEAD for immutable bytes with ETag, If-None-Match, Range and If-Range.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { parseRange } from '../../main/http-range';
import type { ByteRange } from '../blobs/backend';

export interface ByteSource {
  size: number;
  /** Strong validator, unquoted (a blob's sha256). */
  etag: string;
  contentType: string;
  /** Default: immutable (content-addressed bytes). */
  cacheControl?: string;
  open(range?: ByteRange): Promise<Readable>;
}

function etagListHas(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === `"${etag}"`);
}

export async function sendBytes(req: FastifyRequest, reply: FastifyReply, src: ByteSource): Promise<FastifyReply> {
  reply.header('ETag', `"${src.etag}"`).header('Accept-Ranges', 'bytes').header('Cache-Control', src.cacheControl ?? 'private, max-age=31536000, immutable');
  reply.header('X-Content-Type-Options', 'nosniff').type(src.contentType);
  const inm = req.headers['if-none-match'];
  if (inm && etagListHas(inm, src.etag)) return reply.code(304).send();
  // If-Range with another validator: the client's partial copy is of other bytes; send everything.
  const ifRange = req.headers['if-range'];
  const rangeHeader = ifRange && ifRange !== `"${src.etag}"` ? undefined : req.headers.range;
  const range = parseRange(rangeHeader, src.size);
  if (range.kind === 'unsatisfiable') return reply.code(416).header('Content-Range', `bytes */${src.size}`).send();
  const isHead = req.method === 'HEAD';
  if (range.kind === 'partial') {
    reply.code(206).header('Content-Range', `bytes ${range.start}-${range.end}/${src.size}`).header('Content-Length', String(range.end - range.start + 1));
    return isHead ? reply.send() : reply.send(await src.open({ start: range.start, end: range.end }));
  }
  reply.code(200).header('Content-Length', String(src.size));
  if (isHead || src.size === 0) return reply.send();
  return reply.send(await src.open());
}
