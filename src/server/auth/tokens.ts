// Device tokens: `<device id>.<32 random bytes, base64url>`; the server keeps sha256(secret) only
// and compares in constant time.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export interface NewToken {
  deviceId: string;
  token: string;
  hash: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function newDeviceToken(): NewToken {
  const deviceId = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { deviceId, token: `${deviceId}.${secret}`, hash: sha256(secret) };
}

const TOKEN_RE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

/** Splits a bearer token; null when it cannot be one of ours. */
export function parseToken(token: string): { deviceId: string; secret: string } | null {
  const m = TOKEN_RE.exec(token);
  return m ? { deviceId: m[1]!, secret: m[2]! } : null;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(sha256(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
