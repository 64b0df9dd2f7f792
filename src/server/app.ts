// The central server as a Fastify app: `buildServer(deps)` wires routes to the injected database,
// blob backend, signature verifier and CA. main.ts runs it; tests build it on a random port.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { AuthCache } from './auth/cache';
import { authenticator, requireAdmin } from './auth/guard';
import { DEFAULT_COST, type ScryptCost } from './auth/passwords';
import type { BlobBackend } from './blobs/backend';
import type { CertificateIssuer } from './certificates/issuer';
import type { TimestampAuthority } from './certificates/dev-tsa';
import { DEFAULT_LIMITS, type Limits, type ServerContext } from './context';
import type { ServerDb } from './db/open';
import { assertDigest, claimedDigest } from './http/body-digest';
import { badRequest, HttpError, sendError } from './http/errors';
import { adminRoutes } from './routes/admin';
import { calendarAdminRoutes } from './routes/calendar-admin';
import { certificateRoutes } from './routes/certificates';
import { documentNumberRoutes } from './routes/document-numbers';
import { publicRoutes } from './routes/public';
import { loginRoute, sessionRoutes } from './routes/session';
import { syncRoutes } from './routes/sync';
import { blobBatchRoute } from './routes/blob-batch';
import { caseBundleRoute } from './routes/case-bundle';
import { BundleSigner } from './bundle-signer';
import { auditAdminRoutes, auditRoutes } from './audit/routes';
import { updateAdminRoutes, updateFileRoutes } from './routes/updates';
import { tsaRoute } from './routes/tsa';
import type { SubmissionVerifier } from './submissions/verifier';

export interface ServerDeps {
  db: ServerDb;
  blobs: BlobBackend;
  verifier: SubmissionVerifier;
  issuer?: CertificateIssuer | null;
  /** Served at POST /v1/tsa; advertised to workstations unless `tsaUrl` names another TSA. */
  tsa?: TimestampAuthority | null;
  /** The agency's TSA to advertise instead (absolute URL); null: none at all. */
  tsaUrl?: string | null;
  /** Roots trusted for reviewer certificates and timestamps, told to workstations (GET /v1/config). */
  trustAnchors?: readonly string[];
  /** A pino logger; false (or absent) logs nothing. */
  log?: Logger | false;
  dataDir?: string | null;
  workDir: string;
  limits?: Partial<Limits>;
  passwordCost?: ScryptCost;
  now?: () => Date;
  /** How long a device's authentication is reused (default 5 s; 0: read on every request). */
  authCacheTtlMs?: number;
  /** Opened by the caller (main.ts does it under the start-up lock); else from `dataDir`. */
  bundleSigner?: BundleSigner;
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  mkdirSync(deps.workDir, { recursive: true });
  const ctx: ServerContext = {
    db: deps.db,
    blobs: deps.blobs,
    verifier: deps.verifier,
    issuer: deps.issuer ?? null,
    tsa: deps.tsa ?? null,
    tsaUrl: deps.tsaUrl !== undefined ? deps.tsaUrl : deps.tsa ? '/v1/tsa' : null,
    trustAnchors: deps.trustAnchors ?? [],
    dataDir: deps.dataDir ?? null,
    workDir: deps.workDir,
    limits: { ...DEFAULT_LIMITS, ...deps.limits },
    auth: new AuthCache(deps.authCacheTtlMs !== undefined ? { ttlMs: deps.authCacheTtlMs } : {}),
    passwordCost: deps.passwordCost ?? DEFAULT_COST,
    now: deps.now ?? (() => new Date()),
    bundleSigner: deps.bundleSigner ?? BundleSigner.open(deps.dataDir ?? null),
  };
  const app: FastifyInstance = Fastify({
    bodyLimit: ctx.limits.jsonBytes,
    ...(deps.log ? { loggerInstance: deps.log as FastifyBaseLogger } : { logger: false }),
  });

  // JSON bodies are read as bytes first, so a claimed body digest can be checked before parsing.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer;
    try {
      assertDigest(claimedDigest(req.headers), createHash('sha256').update(bytes).digest());
    } catch (err) {
      return done(err as Error, undefined);
    }
    if (bytes.length === 0) return done(null, {});
    try {
      done(null, JSON.parse(bytes.toString('utf8')));
    } catch {
      done(badRequest('请求内容不是有效的 JSON'), undefined);
    }
  });

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) {
      if (err.status >= 500) req.log.error({ err }, err.message);
      else req.log.info({ status: err.status, code: err.code }, err.message);
      return sendError(reply, err);
    }
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, new HttpError(413, 'too_large', '请求内容超过上限'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, new HttpError(415, 'unsupported_media_type', '不支持的内容类型'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendError(reply, new HttpError(err.statusCode, 'bad_request', err.message));
    req.log.error({ err }, 'request failed');
    return sendError(reply, new HttpError(500, 'internal', '服务器内部错误'));
  });
  app.setNotFoundHandler((_req, reply) => sendError(reply, new HttpError(404, 'not_found', '没有这个接口')));

  app.decorateRequest('caller', null);
  const authenticate = authenticator(ctx.db, ctx.now, ctx.auth);

  await app.register(async (open) => {
    publicRoutes(open, ctx);
    updateFileRoutes(open, ctx);
    loginRoute(open, ctx);
    tsaRoute(open, ctx);
  });
  await app.register(async (authed) => {
    // onRequest: an unauthenticated upload is refused before its body is read.
    authed.addHook('onRequest', authenticate);
    sessionRoutes(authed, ctx);
    syncRoutes(authed, ctx);
    blobBatchRoute(authed, ctx);
    auditRoutes(authed, ctx);
    certificateRoutes(authed, ctx);
    documentNumberRoutes(authed, ctx);
    await authed.register(async (admin) => {
      admin.addHook('onRequest', requireAdmin);
      adminRoutes(admin, ctx);
      calendarAdminRoutes(admin, ctx);
      caseBundleRoute(admin, ctx);
      auditAdminRoutes(admin, ctx);
      updateAdminRoutes(admin, ctx);
    });
  });
  return app;
}
