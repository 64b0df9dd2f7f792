// Request authentication: a bearer device token → the caller (user, role, device); admin check.
import type { FastifyRequest } from 'fastify';
import { DevicesRepo } from '../db/repos/devices';
import type { ServerDb } from '../db/open';
import { HttpError } from '../http/errors';
import type { AuthCache } from './cache';
import { parseToken, secretMatches } from './tokens';

export interface Caller {
  id: number;
  name: string;
  role: 'reviewer' | 'admin';
  deviceId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

const TOUCH_EVERY_MS = 60_000;

const unauthorized = () => new HttpError(401, 'unauthorized', '未登录或登录已失效');

export function authenticator(db: ServerDb, now: () => Date, cache: AuthCache) {
  const devices = new DevicesRepo(db);
  return async function authenticate(req: FastifyRequest): Promise<void> {
    const header = req.headers.authorization;
    const m = header ? /^Bearer ([^\s]+)$/i.exec(header) : null;
    const parsed = m ? parseToken(m[1]!) : null;
    if (!parsed) throw unauthorized();
    const at = now();
    let device = cache.get(parsed.deviceId, at.getTime());
    if (!device) {
      const ticket = cache.ticket();
      device = await devices.withUser(parsed.deviceId);
      if (device) cache.put(device, at.getTime(), ticket);
    }
    // Compare even when the device is unknown, so both paths cost the same.
    const ok = secretMatches(parsed.secret, device?.tokenHash ?? '0'.repeat(64));
    if (!device || !ok || device.revokedAt || device.user.disabled) throw unauthorized();
    req.caller = { id: device.user.id, name: device.user.name, role: device.user.role, deviceId: device.id };
    // The row in hand says whether a touch is due: no write query on every request.
    if (!device.lastSeenAt || at.getTime() - device.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
      await devices.touch(device.id, at, TOUCH_EVERY_MS);
      device.lastSeenAt = at;
    }
  };
}

export async function requireAdmin(req: FastifyRequest): Promise<void> {
  if (req.caller?.role !== 'admin') throw new HttpError(403, 'forbidden', '需要管理员权限');
}

export function callerOf(req: FastifyRequest): Caller {
  if (!req.caller) throw unauthorized();
  return req.caller;
}
