// Password hashing with scrypt (node:crypto; no native argon2 build). The parameters are stored
// with each hash, so raising the cost later re-hashes nothing and breaks nothing.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((res, rej) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? rej(err) : res(key))));

export interface ScryptCost {
  /** CPU/memory cost, a power of two. OWASP's recommendation is 2^17 with r=8, p=1. */
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LEN = 32;

const maxmem = (c: ScryptCost) => 128 * c.N * c.r * c.p + 16 * 1024 * 1024;

/** `scrypt$N$r$p$<salt b64>$<hash b64>` */
export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, KEY_LEN, { ...cost, maxmem: maxmem(cost) });
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** A fixed hash to compare against when the user does not exist, so timing does not tell. */
let dummy: Promise<string> | null = null;

export async function verifyPassword(password: string, stored: string | null, cost: ScryptCost = DEFAULT_COST): Promise<boolean> {
  const encoded = stored ?? (await (dummy ??= hashPassword('not-a-password', cost)));
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0) || N > 2 ** 20) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const key = await scrypt(password.normalize('NFC'), salt, expected.length, { N, r, p, maxmem: maxmem({ N, r, p }) });
  return timingSafeEqual(key, expected) && stored !== null;
}
