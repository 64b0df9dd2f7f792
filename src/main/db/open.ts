// Opens the local store: SQLCipher-encrypted (the cache key, before any other statement), WAL,
// foreign keys, migrations applied in one transaction.
import Database from 'better-sqlite3-multiple-ciphers';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { migrationsDir } from '../paths';
import type { CacheKey } from '../services/cache-crypto/cache-key';
import { keyDatabase } from '../services/cache-crypto/sqlcipher';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Store {
  db: Db;
  sqlite: Database.Database;
  close(): void;
}

export interface OpenOptions {
  /**
   * The cache key: the file is SQLCipher-encrypted with it (the Workstation always passes one).
   * Omitted: an unencrypted file — only for tests of the schema and its migrations.
   */
  key?: CacheKey;
  /** Migrations folder (tests point this at a truncated copy to migrate step by step). */
  migrationsFolder?: string;
  /** Path to a native binding built for the current runtime (Electron), if the prebuild does not load there. */
  nativeBinding?: string;
}

/**
 * The connection's page cache, in KiB (SQLite's default is 2 MB, this build's 16 MB). Every page
 * read past it is decrypted again (SQLCipher: HMAC + AES per 4 KB page): at 200,000 indexed PDF
 * pages a phrase search spent most of its time re-reading the same doclists, document rows and
 * case rows. 64 MB held them: sampled searches median 16 → 9 ms, p95 44 → 23 ms (docs/benchmarks.md).
 * Pages are cached as they are read, so a small store never uses it all.
 */
export const CACHE_KIB = 65_536;

export function openStore(file: string, opts: OpenOptions = {}): Store {
  const sqlite = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    if (opts.key) keyDatabase(sqlite, opts.key);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma(`cache_size = -${CACHE_KIB}`);
    const db = drizzle(sqlite, { schema });
    // drizzle runs pending migrations inside BEGIN…COMMIT and rolls back on error, so a failed
    // migration leaves the previous database untouched.
    migrate(db, { migrationsFolder: opts.migrationsFolder ?? migrationsDir() });
    return { db, sqlite, close: () => sqlite.close() };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}
