// The certificate registry: POST /v1/certificates (a reviewer's PKCS#10 request → a certificate from
// the development CA, the key registered to the caller), GET /v1/certificates/:keyId (status, for
// anyone verifying a signature), POST /v1/certificates/:keyId/revoke (the owner revokes their key),
// and GET /v1/config (the TSA and trust anchors workstations should use).
import type { FastifyInstance } from 'fastify';
import { callerOf } from '../auth/guard';
import { CertificateRequestError } from '../certificates/issuer';
import type { ServerContext } from '../context';
import { CertificatesRepo, type CertificateRow } from '../db/repos/certificates';
import { UsersRepo } from '../db/repos/users';
import { badRequest, conflict, HttpError, notFound, parseWith } from '../http/errors';
import { CertificateRequest, type CertificateAnswer } from '../protocol';
import { KeyRevocationRequest, type CentralConfig } from '../../shared/sync/pki';

const KEY_ID = /^[0-9a-f]{32}$/;

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
  const users = new UsersRepo(ctx.db);

  app.get('/v1/config', async (): Promise<CentralConfig> => ({ tsaUrl: ctx.tsaUrl, trustAnchors: [...ctx.trustAnchors], enrolment: ctx.issuer !== null, bundleSigner: ctx.bundleSigner.info }));

  app.post('/v1/certificates', async (req, reply) => {
    const caller = callerOf(req);
    const body = parseWith(CertificateRequest, req.body);
    if (!ctx.issuer) throw new HttpError(503, 'unavailable', '本服务器未配置证书签发（开发 CA）');
    const issuer = ctx.issuer;
    const refusedAs400 = async <T>(run: () => Promise<T>): Promise<T> => {
      try {
        return await run();
      } catch (err) {
        if (err instanceof CertificateRequestError) throw badRequest(err.message);
        throw err;
      }
    };
    // The registry first: a key already registered is answered as it stands, nothing new is issued.
    const request = await refusedAs400(() => issuer.check(body.request));
    const known = await certs.get(request.keyId);
    if (known) {
      if (known.userId !== caller.id) throw conflict('该公钥已由其他用户登记，不能再登记到您的名下');
      return reply.code(200).send(answer(known));
    }
    const displayName = (await users.byId(caller.id))?.displayName ?? null;
    const issued = await refusedAs400(() => issuer.issue({ request, subject: { userName: caller.name, displayName, ...(body.agency ? { agency: body.agency } : {}) } }));
    const inserted = await certs.insert({ keyId: issued.keyId, userId: caller.id, publicKeyPem: issued.publicKeyPem, chainPem: issued.chainPem });
    if (!inserted) {
      // A concurrent request registered it first.
      const existing = await certs.get(issued.keyId);
      if (existing?.userId !== caller.id) throw conflict('该公钥已由其他用户登记，不能再登记到您的名下');
      return reply.code(200).send(answer(existing));
    }
    req.log.info({ keyId: issued.keyId, user: caller.name, device: caller.deviceId }, 'certificate issued');
    return reply.code(201).send(answer({ ...inserted, userName: caller.name }));
  });

  app.get<{ Params: { keyId: string } }>('/v1/certificates/:keyId', async (req) => {
    callerOf(req);
    const c = KEY_ID.test(req.params.keyId) ? await certs.get(req.params.keyId) : null;
    if (!c) throw notFound('没有这个证书');
    return answer(c);
  });

  // The owner revokes their own key (lost laptop, suspected leak, leaving): later submissions signed
  // with it are refused. Repeating it is harmless: the first time and reason stay.
  app.post<{ Params: { keyId: string } }>('/v1/certificates/:keyId/revoke', async (req) => {
    const caller = callerOf(req);
    const body = parseWith(KeyRevocationRequest, req.body);
    const c = KEY_ID.test(req.params.keyId) ? await certs.get(req.params.keyId) : null;
    if (!c) throw notFound('没有这个证书');
    if (c.userId !== caller.id) throw new HttpError(403, 'forbidden', '只能吊销登记在您名下的签名密钥');
    const revoked = await certs.revoke(c.keyId, body.reason, ctx.now());
    if (revoked) {
      req.log.info({ keyId: c.keyId, user: caller.name, device: caller.deviceId, reason: body.reason }, 'certificate revoked by its owner');
      return answer({ ...c, ...revoked }); // the join's userName comes from the row read above
    }
    // Revoked already: as read — unless another request revoked it between that read and this one.
    return answer(c.status === 'revoked' ? c : (await certs.get(c.keyId))!);
  });
}
