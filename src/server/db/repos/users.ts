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
  async create(name: string, role: Role, passwordHash: string): Promise<UserRow | null> {
    const [row] = await this.db.insert(users).values({ name, role, passwordHash }).onConflictDoNothing().returning();
    return row ?? null;
  }

  list(): Promise<UserRow[]> {
    return this.db.select().from(users).orderBy(asc(users.name));
  }
}
