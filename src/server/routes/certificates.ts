// The certificate registry: POST /v1/certificates (a reviewer's public key → a certificate from the
// development CA), GET /v1/certificates/:keyId (status, for anyone verifying a signature).
import type { FastifyInstance } from 'fastify';
import { callerOf } from '../auth/guard';
import { CertificateRequestError } from '../certificates/issuer';
import type { ServerContext } from '../context';
import { CertificatesRepo, type CertificateRow } from '../db/repos/certificates';
import { badRequest, conflict, HttpError, notFound, parseWith } from '../http/errors';
import { CertificateRequest, type CertificateAnswer } from '../protocol';

const answer = (c: CertificateRow): CertificateAnswer => ({
  keyId: c.keyId,
  user: c.userName,
  status: c.status,
  chainPem: c.chainPem,
  issuedAt: c.issuedAt.toISOString(),
  revokedAt: c.revokedAt?.toISOString() ?? null,
  revokeReason: c.revokeReason,
});

export function certificateRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const certs = new CertificatesRepo(ctx.db);

  app.post('/v1/certificates', async (req, reply) => {
    const caller = callerOf(req);
    const body = parseWith(CertificateRequest, req.body);
    if (!ctx.issuer) throw new HttpError(503, 'unavailable', '本服务器未配置证书签发（开发 CA）');
    let issued;
    try {
      issued = await ctx.issuer.issue({ request: body.request, subject: { userName: caller.name, ...(body.agency ? { agency: body.agency } : {}) } });
    } catch (err) {
      if (err instanceof CertificateRequestError) throw badRequest(err.message);
      throw err;
    }
    if (!(await certs.insert({ keyId: issued.keyId, userId: caller.id, publicKeyPem: issued.publicKeyPem, chainPem: issued.chainPem }))) {
      const existing = await certs.get(issued.keyId);
      if (existing?.userId !== caller.id) throw conflict('该公钥已由其他用户登记');
      return reply.code(200).send(answer(existing));
    }
    req.log.info({ keyId: issued.keyId, user: caller.name }, 'certificate issued');
    return reply.code(201).send(answer((await certs.get(issued.keyId))!));
  });

  app.get<{ Params: { keyId: string } }>('/v1/certificates/:keyId', async (req) => {
    callerOf(req);
    const c = await certs.get(req.params.keyId);
    if (!c) throw notFound('没有这个证书');
    return answer(c);
  });
}
