// Integrity of request bodies: `Content-Digest: sha-256=:<base64>:` (RFC 9530) or
// `X-Body-SHA256: <hex>`. When a client sends either, the body must match it.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { badRequest, HttpError } from './errors';

/** The sha256 the client claims for the body, or null when it claims none. */
export function claimedDigest(headers: IncomingHttpHeaders): Buffer | null {
  const hex = headers['x-body-sha256'];
  const cd = headers['content-digest'];
  let claimed: Buffer | null = null;
  if (typeof hex === 'string') {
    if (!/^[0-9a-fA-F]{64}$/.test(hex.trim())) throw badRequest('X-Body-SHA256 应为 64 位十六进制');
    claimed = Buffer.from(hex.trim(), 'hex');
  }
  if (typeof cd === 'string') {
    const m = /(?:^|,)\s*sha-256=:([A-Za-z0-9+/]+={0,2}):\s*(?:,|$)/.exec(cd);
    if (!m) throw badRequest('Content-Digest 须包含 sha-256');
    const fromCd = Buffer.from(m[1]!, 'base64');
    if (fromCd.length !== 32) throw badRequest('Content-Digest 的 sha-256 长度不对');
    if (claimed && !claimed.equals(fromCd)) throw badRequest('Content-Digest 与 X-Body-SHA256 不一致');
    claimed = fromCd;
  }
  return claimed;
}

export function assertDigest(claimed: Buffer | null, actual: Buffer): void {
  if (claimed && !timingSafeEqual(claimed, actual)) throw new HttpError(400, 'digest_mismatch', '请求内容与其校验值不符（传输中被改动或截断）');
}
