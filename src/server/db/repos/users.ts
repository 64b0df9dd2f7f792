// Accounts: reviewers and agency admins.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../open';
import { certificates, devices, users } from '../schema';
import type { Role } from '../../protocol';

export type UserRow = typeof users.$inferSelect;

export class UsersRepo {
  constructor(private readonly db: DbOrTx) {}

  async byName(name: string): Promise<UserRow | null> {
    const [row] = await this.db.select().from(users).where(eq(users.name, name)).limit(1);
    return row ?? null;
  }

  async byId(id: number): Promise<UserRow | null> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id)).limit(1);
    return row ?? null;
  }

  /** Returns null when the name is taken. */
  async create(name: string, role: Role, passwordHash: string, displayName: string | null = null): Promise<UserRow | null> {
    const [row] = await this.db.insert(users).values({ name, role, passwordHash, displayName }).onConflictDoNothing().returning();
    return row ?? null;
  }

  /** The person's real name (the CN of certificates issued from now on); null: none found. */
  async setDisplayName(name: string, displayName: string): Promise<UserRow | null> {
    const [row] = await this.db.update(users).set({ displayName }).where(eq(users.name, name)).returning();
    return row ?? null;
  }

  list(): Promise<UserRow[]> {
    return this.db.select().from(users).orderBy(asc(users.name));
  }

  /** Every account with how many logins (devices) and signing certificates it has in use, for the admin's list. */
  listWithActivity() {
    return this.db
      .select({
        name: users.name,
        displayName: users.displayName,
        role: users.role,
        disabled: users.disabled,
        createdAt: users.createdAt,
        devices: sql`(select count(*) from ${devices} where ${and(eq(devices.userId, users.id), isNull(devices.revokedAt))})`.mapWith(Number),
        certificates: sql`(select count(*) from ${certificates} where ${and(eq(certificates.userId, users.id), eq(certificates.status, 'active'))})`.mapWith(Number),
      })
      .from(users)
      .orderBy(asc(users.name));
  }
}
