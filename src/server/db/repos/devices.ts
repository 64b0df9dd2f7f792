// Devices: one row per login; the bearer token's secret is kept only as its sha256.
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../open';
import { devices, users } from '../schema';

export interface DeviceWithUser {
  id: string;
  tokenHash: string;
  revokedAt: Date | null;
  lastSeenAt: Date | null;
  user: { id: number; name: string; role: 'reviewer' | 'admin'; disabled: boolean };
}

export class DevicesRepo {
  constructor(private readonly db: DbOrTx) {}

  async create(id: string, userId: number, name: string, tokenHash: string): Promise<void> {
    await this.db.insert(devices).values({ id, userId, name, tokenHash, lastSeenAt: new Date() });
  }

  private byIdWithUser: ReturnType<DevicesRepo['prepareWithUser']> | null = null;

  /** Every authenticated request asks this: prepared once (use this repository on the database, not a transaction). */
  private prepareWithUser() {
    return this.db
      .select({
        id: devices.id,
        tokenHash: devices.tokenHash,
        revokedAt: devices.revokedAt,
        lastSeenAt: devices.lastSeenAt,
        user: { id: users.id, name: users.name, role: users.role, disabled: users.disabled },
      })
      .from(devices)
      .innerJoin(users, eq(users.id, devices.userId))
      .where(eq(devices.id, sql.placeholder('id')))
      .limit(1)
      .prepare('devices_with_user');
  }

  async withUser(id: string): Promise<DeviceWithUser | null> {
    this.byIdWithUser ??= this.prepareWithUser();
    const [row] = await this.byIdWithUser.execute({ id });
    return row ?? null;
  }

  /** Records activity at most once per `every` ms (a write per request would be wasteful). */
  async touch(id: string, now: Date, everyMs = 60_000): Promise<void> {
    await this.db
      .update(devices)
      .set({ lastSeenAt: now })
      .where(and(eq(devices.id, id), or(isNull(devices.lastSeenAt), lt(devices.lastSeenAt, new Date(now.getTime() - everyMs)))));
  }

  async revoke(id: string, now: Date): Promise<boolean> {
    const rows = await this.db.update(devices).set({ revokedAt: now }).where(and(eq(devices.id, id), isNull(devices.revokedAt))).returning({ id: devices.id });
    return rows.length > 0;
  }

  list() {
    return this.db
      .select({ id: devices.id, user: users.name, name: devices.name, createdAt: devices.createdAt, lastSeenAt: devices.lastSeenAt, revokedAt: devices.revokedAt })
      .from(devices)
      .innerJoin(users, eq(users.id, devices.userId));
  }
}
