// /v1/admin/*: accounts, package intake, cases and assignment, submissions, devices, certificates,
// the working-day calendar handed to workstations.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { canonicalJson } from '../../shared/canonical';
import { callerOf } from '../auth/guard';
import { hashPassword } from '../auth/passwords';
import type { ServerContext } from '../context';
import { lockFeed } from '../db/open';
import { CasesRepo } from '../db/repos/cases';
import { CertificatesRepo } from '../db/repos/certificates';
import { DevicesRepo } from '../db/repos/devices';
import { FeedRepo } from '../db/repos/feed';
import { describeAccepted, SubmissionsRepo } from '../db/repos/submissions';
import { UsersRepo } from '../db/repos/users';
import { badRequest, conflict, HttpError, notFound, parseWith } from '../http/errors';
import { IntakeService } from '../intake/intake';
import { receiveUpload } from '../intake/upload';
import { AssignRequest, type AssignAnswer, OUTBOX_BUNDLE_MAX_BYTES, OutboxBundle, RevokeRequest, type CaseSummary, type SubmissionSummary, type UserSummary } from '../protocol';
import { BundleImporter } from '../submissions/bundle';
import { CreateUserWithName, SetDisplayNameRequest } from './users-admin';
import { SubmissionService } from '../submissions/service';

export function adminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const users = new UsersRepo(ctx.db);
  const intake = new IntakeService(ctx.db, ctx.blobs, ctx.workDir, ctx.limits.unpackedBytes);

  app.get('/v1/admin/users', async (): Promise<UserSummary[]> => (await users.listWithActivity()).map((u) => ({ ...u, createdAt: u.createdAt.toISOString() })));

  app.post('/v1/admin/users', async (req, reply) => {
    const body = parseWith(CreateUserWithName, req.body);
    const created = await users.create(body.name, body.role, await hashPassword(body.password, ctx.passwordCost), body.displayName ?? null);
    if (!created) throw conflict(`用户 ${body.name} 已存在`);
    req.log.info({ user: body.name, role: body.role, by: callerOf(req).name }, 'user created');
    return reply.code(201).send({ name: created.name, role: created.role, displayName: created.displayName });
  });

  // The real name certificates are issued to (CN) from now on; certificates already issued keep theirs.
  app.patch<{ Params: { name: string } }>('/v1/admin/users/:name', async (req) => {
    const body = parseWith(SetDisplayNameRequest, req.body);
    const row = await users.setDisplayName(req.params.name, body.displayName);
    if (!row) throw notFound(`没有用户 ${req.params.name}`);
    req.log.info({ user: row.name, by: callerOf(req).name }, 'user display name set');
    return { name: row.name, role: row.role, displayName: row.displayName };
  });

  // The package arrives as the raw .zip body; it is streamed to disk, never held in memory.
  app.addContentTypeParser(['application/zip', 'application/octet-stream'], (_req, payload, done) => done(null, payload));
  app.post('/v1/admin/packages', async (req, reply) => {
    if (!req.body || typeof (req.body as Readable).pipe !== 'function') throw new HttpError(415, 'unsupported_media_type', '请以 application/zip 上传案卷包');
    const file = await receiveUpload(req.body as Readable, req.headers, ctx.workDir, ctx.limits.packageBytes);
    try {
      const answer = await intake.intake(file, callerOf(req).id);
      req.log.info({ case: answer.caseId, revision: answer.revision, action: answer.action }, 'package intake');
      return reply.code(answer.action === 'unchanged' ? 200 : 201).send(answer);
    } finally {
      await rm(file, { force: true });
    }
  });

  app.get('/v1/admin/cases', async (): Promise<CaseSummary[]> =>
    (await new CasesRepo(ctx.db).list()).map((c) => ({ ...c, updatedAt: c.updatedAt.toISOString() })),
  );

  app.post<{ Params: { id: string } }>('/v1/admin/cases/:id/assign', async (req): Promise<AssignAnswer> => {
    const body = parseWith(AssignRequest, req.body);
    const user = await users.byName(body.user);
    if (!user || user.disabled) throw badRequest(`没有用户 ${body.user}`);
    if (user.role !== 'reviewer') throw badRequest(`${body.user} 不是审核员，不能分配案件`);
    return ctx.db.transaction(async (tx) => {
      await lockFeed(tx);
      const cases = new CasesRepo(tx);
      const kase = await cases.byIdOrNumber(req.params.id);
      if (!kase) throw notFound(`没有案件 ${req.params.id}（请用 fashen central cases 列出的案号或案件 ID）`);
      if (kase.assignedTo === user.id) return { caseId: kase.id, assignedTo: user.name, changed: false };
      // Another reviewer's opinion on this revision already accepted: the new reviewer would issue a
      // second one for the same case file. Only on the admin's confirmation, recorded on the entry.
      const accepted = (await new SubmissionsRepo(tx).acceptedOpinions(kase.id, kase.revisionHash)).filter((o) => o.userId !== user.id).map(describeAccepted);
      if (accepted.length && !body.force)
        throw new HttpError(409, 'opinion_accepted', `案件 ${kase.caseNumber} 的当前修订（修订 ${kase.currentRevision}）已有${accepted.join('、')}被中心系统接收；改派后审核员 ${user.name} 将就同一案卷再出具一份意见书。确需改派的，请确认后强制改派`);
      const forced = accepted.length > 0;
      const feed = new FeedRepo(tx);
      if (kase.assignedTo !== null) await feed.append('unassigned', kase.id, kase.currentRevision, kase.assignedTo);
      const seq = await feed.append('assigned', kase.id, kase.currentRevision, user.id, forced);
      await cases.assign(kase.id, user.id, seq);
      if (forced) req.log.warn({ case: kase.id, user: user.name, by: callerOf(req).name, accepted }, 'case reassigned over an accepted opinion (forced)');
      else req.log.info({ case: kase.id, user: user.name }, 'case assigned');
      return { caseId: kase.id, assignedTo: user.name, changed: true, ...(forced ? { forced, acceptedOpinions: accepted } : {}) };
    });
  });

  // An offline bundle brought in on a USB stick (the workstation's `fashen sync export-bundle`).
  const bundles = new BundleImporter(ctx.db, ctx.verifier, new SubmissionService(ctx.db, ctx.verifier, ctx.now));
  app.post('/v1/admin/bundles', { bodyLimit: Math.min(ctx.limits.packageBytes, OUTBOX_BUNDLE_MAX_BYTES) }, async (req) => {
    const bundle = parseWith(OutboxBundle, req.body, '离线交换包');
    const origin = `bundle:${createHash('sha256').update(canonicalJson(req.body)).digest('hex').slice(0, 16)}`;
    const answer = await bundles.import(req.body as Record<string, unknown>, bundle, origin);
    req.log.info({ signer: answer.signer, submissions: answer.results.length, by: callerOf(req).name }, 'bundle imported');
    return answer;
  });

  app.get('/v1/admin/submissions', async (): Promise<SubmissionSummary[]> =>
    (await new SubmissionsRepo(ctx.db).list()).map((s) => ({ ...s, receivedAt: s.receivedAt.toISOString() })),
  );

  app.get('/v1/admin/devices', async () =>
    (await new DevicesRepo(ctx.db).list()).map((d) => ({ ...d, createdAt: d.createdAt.toISOString(), lastSeenAt: d.lastSeenAt?.toISOString() ?? null, revokedAt: d.revokedAt?.toISOString() ?? null })),
  );

  app.post<{ Params: { id: string } }>('/v1/admin/devices/:id/revoke', async (req) => {
    const revoked = await new DevicesRepo(ctx.db).revoke(req.params.id, ctx.now());
    ctx.auth.forget(req.params.id);
    if (!revoked) throw notFound('没有这个设备，或已注销');
    return { ok: true };
  });

  app.post<{ Params: { keyId: string } }>('/v1/admin/certificates/:keyId/revoke', async (req) => {
    const body = parseWith(RevokeRequest, req.body);
    if (!(await new CertificatesRepo(ctx.db).revoke(req.params.keyId, body.reason, ctx.now()))) throw notFound('没有这个证书，或已吊销');
    req.log.info({ keyId: req.params.keyId, reason: body.reason }, 'certificate revoked');
    return { ok: true };
  });
}
