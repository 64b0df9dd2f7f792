// One error shape for every refusal: { error: { code, message (zh-CN, shown to people), details? } }.
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { describeIssues } from '../../shared/api/result';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: string[]) => new HttpError(400, 'bad_request', message, details);
export const notFound = (message = '不存在或无权访问') => new HttpError(404, 'not_found', message);
export const conflict = (message: string, details?: string[]) => new HttpError(409, 'conflict', message, details);

export function sendError(reply: FastifyReply, err: HttpError): FastifyReply {
  return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...(err.details?.length ? { details: err.details } : {}) } });
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what = '请求内容'): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw badRequest(`${what}格式不正确`, describeIssues(r.error.issues));
  return r.data;
}
