// A device's authentication row, remembered for a few seconds: a sync makes many requests in a row
// (feed pages, blobs) and each would otherwise read the device and its user again. The secret is
// still compared on every request; only the row is reused. A logout or revocation in this process
// drops the entry at once; one made elsewhere (another server process, the database by hand) is
// seen at the latest after `ttlMs` — the bound on staleness.
import type { DeviceWithUser } from '../db/repos/devices';

export interface AuthCacheOptions {
  /** How long a row is reused (default 5 s). */
  ttlMs?: number;
  /** Most devices remembered; the oldest entry goes first (default 10,000). */
  maxEntries?: number;
}

export const AUTH_CACHE_TTL_MS = 5_000;

export class AuthCache {
  private readonly rows = new Map<string, { row: DeviceWithUser; until: number }>();
  /** When each device was last forgotten (a counter): a read that started before must not be kept. */
  private readonly forgotten = new Map<string, number>();
  private clock = 0;
  readonly ttlMs: number;
  private readonly max: number;

  constructor(opts: AuthCacheOptions = {}) {
    this.ttlMs = opts.ttlMs ?? AUTH_CACHE_TTL_MS;
    this.max = opts.maxEntries ?? 10_000;
  }

  /** The remembered row, or null when there is none or it is older than the TTL. */
  get(deviceId: string, nowMs: number): DeviceWithUser | null {
    const hit = this.rows.get(deviceId);
    if (!hit) return null;
    if (nowMs >= hit.until) {
      this.rows.delete(deviceId);
      return null;
    }
    return hit.row;
  }

  /** Take before reading the row from the database; give to put(). */
  ticket(): number {
    return ++this.clock;
  }

  /**
   * Only usable rows are kept (a revoked device or disabled user is read afresh, and refused), and
   * not one read before a forget() of its device that came while the read was in flight.
   */
  put(row: DeviceWithUser, nowMs: number, ticket: number): void {
    if (this.ttlMs <= 0 || row.revokedAt || row.user.disabled) return;
    if ((this.forgotten.get(row.id) ?? 0) >= ticket) return;
    this.rows.delete(row.id);
    if (this.rows.size >= this.max) this.rows.delete(this.rows.keys().next().value!);
    this.rows.set(row.id, { row, until: nowMs + this.ttlMs });
  }

  /** After a logout or revocation: the next request reads the database. */
  forget(deviceId: string): void {
    this.rows.delete(deviceId);
    this.forgotten.delete(deviceId);
    if (this.forgotten.size >= this.max) this.forgotten.delete(this.forgotten.keys().next().value!);
    this.forgotten.set(deviceId, ++this.clock);
  }

  get size(): number {
    return this.rows.size;
  }
}
