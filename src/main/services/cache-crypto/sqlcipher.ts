// SQLCipher-compatible encryption of the local database (better-sqlite3-multiple-ciphers, cipher
// 'sqlcipher', SQLCipher 4 defaults): the derived 256-bit key is given as a raw key (x'…', no
// passphrase KDF), before any statement that reads the file. The sqlcipher tool opens the file
// with `PRAGMA key = "x'…'"`.
import type Database from 'better-sqlite3-multiple-ciphers';
import { CacheKeyError, type CacheKey } from './cache-key';

function configure(sqlite: Database.Database): void {
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
}

/** Key a freshly opened connection; a wrong key is a CacheKeyError and nothing is written. */
export function keyDatabase(sqlite: Database.Database, key: CacheKey): void {
  configure(sqlite);
  const raw = key.sqlcipherRawKey();
  try {
    sqlite.key(raw);
  } finally {
    raw.fill(0);
  }
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new CacheKeyError('wrong-key', '缓存密钥与本机数据库不符，无法解密（数据未改动）', { cause: err });
    }
    throw err;
  }
}

/** Encrypt a plaintext database file in place (rollback-journal mode; the caller works on a copy). */
export function encryptPlaintextDatabase(sqlite: Database.Database, key: CacheKey): void {
  sqlite.pragma('journal_mode = DELETE');
  configure(sqlite);
  const raw = key.sqlcipherRawKey();
  try {
    sqlite.rekey(raw);
  } finally {
    raw.fill(0);
  }
}
