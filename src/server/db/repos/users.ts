// Accounts: reviewers and agency admins.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../open';
import { users } from '../schema';
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
}
