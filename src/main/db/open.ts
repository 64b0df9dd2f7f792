// Opens the local store: SQLCipher-encrypted (the cache key, before any other statement), WAL,
// foreign keys, migrations applied in one transaction.
import Database from 'better-sqlite3-multiple-ciphers';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { migrationsDir } from '../paths';
import { dirname } from 'node:path';
import { CacheKeyError, type CacheKey } from '../services/cache-crypto/cache-key';
import { keyDatabase } from '../services/cache-crypto/sqlcipher';
import { asDiskFull } from '../services/disk-space';

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

/**
 * WAL frames (4 KB pages) that may collect before a commit also copies them into the database
 * file (a checkpoint). SQLite's 1,000 is about one group commit of an initial sync: each group's
 * index pages (random sha256 keys) went to the WAL and then straight into the file again, with an
 * fsync of each. At 8,192 (32 MB) a page rewritten by several groups is copied once. 1,000 cases
 * (2 GB), alternate runs: the group commits 1.6 s → 1.0–1.2 s, the sync 114/127/128 → 120/140/132
 * MB/s. 20,000 pages was slower again (one long copy inside a commit). Closing the store copies the rest.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 8192;
/** After a copy the WAL starts over but keeps its size: cut back to this (a big migration's WAL). */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

export function openStore(file: string, opts: OpenOptions = {}): Store {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    if (opts.key) keyDatabase(sqlite, opts.key);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma(`cache_size = -${CACHE_KIB}`);
    sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    const db = drizzle(sqlite, { schema });
    // drizzle runs pending migrations inside BEGIN…COMMIT and rolls back on error, so a failed
    // migration leaves the previous database untouched.
    migrate(db, { migrationsFolder: opts.migrationsFolder ?? migrationsDir() });
    const opened = sqlite;
    return { db, sqlite, close: () => opened.close() };
  } catch (err) {
    sqlite?.close();
    // On a full disk SQLite cannot create its WAL index and says "disk I/O error": told as what it is.
    throw err instanceof CacheKeyError ? err : asDiskFull(err, dirname(file), '无法打开本机数据库');
  }
}
