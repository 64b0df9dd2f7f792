// POST /v1/login (user + password → a device token), POST /v1/logout, GET /v1/me.
import type { FastifyInstance } from 'fastify';
import { callerOf } from '../auth/guard';
import { verifyPassword } from '../auth/passwords';
import { newDeviceToken } from '../auth/tokens';
import type { ServerContext } from '../context';
import { DevicesRepo } from '../db/repos/devices';
import { UsersRepo } from '../db/repos/users';
import { HttpError, parseWith } from '../http/errors';
import { LoginRequest, type LoginAnswer } from '../protocol';

export function loginRoute(app: FastifyInstance, ctx: ServerContext): void {
  const users = new UsersRepo(ctx.db);
  const devices = new DevicesRepo(ctx.db);
  app.post('/v1/login', async (req, reply) => {
    const body = parseWith(LoginRequest, req.body);
    const user = await users.byName(body.user);
    // Always run scrypt, so an unknown name costs as long as a wrong password.
    const ok = await verifyPassword(body.password, user?.passwordHash ?? null, ctx.passwordCost);
    if (!user || !ok || user.disabled) {
      req.log.warn({ user: body.user }, 'login refused');
      throw new HttpError(401, 'unauthorized', '用户名或密码不正确');
    }
    const t = newDeviceToken();
    await devices.create(t.deviceId, user.id, body.device, t.hash);
    req.log.info({ user: user.name, device: t.deviceId }, 'login');
    const answer: LoginAnswer = { token: t.token, deviceId: t.deviceId, user: { name: user.name, role: user.role } };
    return reply.code(200).header('Cache-Control', 'no-store').send(answer);
  });
}

export function sessionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const devices = new DevicesRepo(ctx.db);
  app.get('/v1/me', async (req) => {
    const c = callerOf(req);
    return { user: { name: c.name, role: c.role }, deviceId: c.deviceId };
  });
  app.post('/v1/logout', async (req) => {
    const c = callerOf(req);
    await devices.revoke(c.deviceId, ctx.now());
    ctx.auth.forget(c.deviceId);
    return { ok: true };
  });
}
