// POST /v1/document-numbers/reserve {agency, year, count ≤ 50} → {agency, year, from, to}: a block of
// 文号 for the calling reviewer's workstation, which signs with them offline (README: 文号).
import type { FastifyInstance } from 'fastify';
import { callerOf } from '../auth/guard';
import type { ServerContext } from '../context';
import { DocumentNumbersRepo } from '../db/repos/document-numbers';
import { HttpError, parseWith } from '../http/errors';
import { ReserveNumbersRequest, type ReserveNumbersAnswer } from '../../shared/api/sync';

export function documentNumberRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const repo = new DocumentNumbersRepo(ctx.db);

  app.post('/v1/document-numbers/reserve', async (req, reply) => {
    const caller = callerOf(req);
    if (caller.role !== 'reviewer') throw new HttpError(403, 'forbidden', '只有审核人员可以领取文号');
    const body = parseWith(ReserveNumbersRequest, req.body, '领取文号的请求');
    const block = await repo.reserve({ ...body, userId: caller.id, deviceId: caller.deviceId, at: ctx.now() });
    req.log.info({ user: caller.name, device: caller.deviceId, ...block }, 'document numbers reserved');
    return reply.code(200).send(block satisfies ReserveNumbersAnswer);
  });
}
