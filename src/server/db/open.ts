// Opens the central database: PGlite in <data>/pg by default, a PostgreSQL server when a URL is
// given (DATABASE_URL). Committed migrations are applied before anything else runs.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { appRoot } from '../../main/paths';
import * as schema from './schema';

export type ServerDb = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle or the database itself: repositories accept either. */
export type DbOrTx = Pick<ServerDb, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export interface ServerDatabase {
  db: ServerDb;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when absent, PGlite stores its files in `pgliteDir`. */
  url?: string;
  pgliteDir?: string;
  migrationsFolder?: string;
}

const ANALYZE_EVERY_MS = 15 * 60_000;

export function serverMigrationsDir(): string {
  return join(appRoot(), 'src', 'server', 'db', 'migrations');
}

export async function openServerDatabase(opts: OpenDatabaseOptions): Promise<ServerDatabase> {
  const migrationsFolder = opts.migrationsFolder ?? serverMigrationsDir();
  if (!existsSync(join(migrationsFolder, 'meta', '_journal.json'))) throw new Error(`server migrations not found in ${migrationsFolder}`);
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    try {
      const db = drizzlePg(pool, { schema });
      await migratePg(db, { migrationsFolder });
      return { db: db as unknown as ServerDb, kind: 'postgres', close: () => pool.end() };
    } catch (err) {
      await pool.end();
      throw err;
    }
  }
  if (!opts.pgliteDir) throw new Error('either a database URL or a PGlite folder is needed');
  mkdirSync(opts.pgliteDir, { recursive: true });
  const client = await PGlite.create(opts.pgliteDir);
  try {
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder });
    // PGlite runs no autovacuum, so nothing else gathers planner statistics. Without them the
    // planner guesses, e.g. walks every case of a reviewer to check one blob (O(cases) per
    // download). Analyze at open and then every 15 minutes while the server runs.
    await client.exec('analyze');
    const timer = setInterval(() => void client.exec('analyze').catch(() => undefined), ANALYZE_EVERY_MS);
    timer.unref();
    return {
      db: db as unknown as ServerDb,
      kind: 'pglite',
      close: () => {
        clearInterval(timer);
        return client.close();
      },
    };
  } catch (err) {
    await client.close();
    throw err;
  }
}

/** The server's PostgreSQL advisory locks, one number each. */
export const ADVISORY_LOCKS = { feed: 7261001, startup: 7261002, calendar: 7261003 } as const;

/**
 * Serialises every transaction that appends to the feed, so seq order equals commit order: a
 * reader holding cursor N can never later see a row < N appear.
 */
export async function lockFeed(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.feed})`);
}

/** Serialises changes to the published calendar (read, lay over, write) across instances. */
export async function lockCalendar(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADVISORY_LOCKS.calendar})`);
}
