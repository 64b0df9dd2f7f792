// In-place, crash-safe migration of an unencrypted store (plaintext fashen.db and blobs) to the
// encrypted cache. Every step leaves either the old or the new form of each file on disk, and
// the next start finishes the job from whatever it finds:
//
//   database: checkpoint the WAL into the file → copy → encrypt the copy (PRAGMA rekey, rollback
//     journal) → check it (quick_check, same tables and row counts) → fsync → hard-link the
//     plaintext aside → rename the copy over fashen.db → fsync the folder → wipe the plaintext.
//   blobs, one by one: encrypt into .staging → fsync → hard-link the plaintext aside → rename
//     over → fsync the folder → wipe the plaintext. The header magic tells a done blob from one
//     still to do.
//
// cache-migration.json records the phase (and that work remains); cache-migration.lock keeps a
// second process out. Leftovers of a crash (the copy, the hard links) are recognised by name and
// by inode and cleaned up before the work resumes.
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { checkBlobHeader } from './blob-format';
import { encryptFileSync, readHead } from './blob-io';
import { CacheKeyError, type CacheKey } from './cache-key';
import { fsyncDir, fsyncFile, sameFile, wipeFile, writeFileDurable } from './durable';
import { encryptPlaintextDatabase, keyDatabase } from './sqlcipher';
import { blobFiles, blobRoot, dbPath, hasEncryptedData, isEncryptedBlob, isPlaintextSqlite, type BlobFile } from './store-state';

export const MIGRATION_MARKER = 'cache-migration.json';
const MIGRATION_LOCK = 'cache-migration.lock';

export type MigrationStep = 'db-copied' | 'db-encrypted' | 'db-linked' | 'db-swapped' | 'db-done' | 'blob-encrypted' | 'blob-linked' | 'blob-swapped' | 'blob-done';

export interface MigrationProgress {
  phase: 'db' | 'blobs';
  done: number;
  total: number;
}

export interface MigrateOptions {
  nativeBinding?: string;
  /** Called after each durable step (progress, and where a crash test stops the process). */
  onStep?: (step: MigrationStep) => void;
}

const dbTmp = (db: string) => `${db}.enc-tmp`;
const dbOld = (db: string) => `${db}.plain-old`;

/** Is there migration work here (a plaintext database, or a migration not finished)? */
export function migrationPending(dataDir: string): boolean {
  const db = dbPath(dataDir);
  return isPlaintextSqlite(db) || existsSync(join(dataDir, MIGRATION_MARKER)) || existsSync(dbTmp(db)) || existsSync(dbOld(db));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function takeLock(dataDir: string): () => void {
  const p = join(dataDir, MIGRATION_LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(p, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(p, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(p, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) {
        throw new CacheKeyError('busy', '另一个程序（工作台或命令行）正在加密本机缓存，请稍后再试');
      }
      rmSync(p, { force: true }); // left by a process that died
    }
  }
  throw new CacheKeyError('busy', '无法取得缓存迁移锁');
}

function writeMarker(dataDir: string, key: CacheKey, phase: 'db' | 'blobs'): void {
  writeFileDurable(join(dataDir, MIGRATION_MARKER), JSON.stringify({ format: 'fashen-cache-migration', keyId: key.keyId, phase }));
}

function checkMarker(dataDir: string, key: CacheKey): void {
  const p = join(dataDir, MIGRATION_MARKER);
  if (!existsSync(p)) return;
  let keyId: unknown;
  try {
    keyId = (JSON.parse(readFileSync(p, 'utf8')) as { keyId?: unknown }).keyId;
  } catch {
    return; // a torn marker only says "work remains", which is re-established below
  }
  if (keyId !== key.keyId && hasEncryptedData(dataDir)) {
    throw new CacheKeyError('wrong-key', '缓存加密迁移是用另一把密钥开始的：缓存密钥文件被替换过，无法继续（数据未改动）');
  }
}

// ── database ────────────────────────────────────────────────────────────────

function tableCounts(sqlite: Database.Database): string {
  const names = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  return JSON.stringify(names.map((n) => [n, (sqlite.prepare(`SELECT count(*) AS c FROM "${n.replaceAll('"', '""')}"`).get() as { c: number }).c]));
}

function recoverDb(dataDir: string): void {
  const db = dbPath(dataDir);
  const old = dbOld(db);
  if (existsSync(old)) {
    if (!existsSync(db)) renameSync(old, db);
    else if (sameFile(old, db)) rmSync(old); // linked, not yet swapped: fashen.db is still that file
    else if (!isPlaintextSqlite(db)) wipeFile(old); // swapped: the plaintext is superseded
    else rmSync(old);
  }
  for (const f of [dbTmp(db), `${dbTmp(db)}-journal`]) wipeFile(f);
}

function encryptDb(dataDir: string, key: CacheKey, o: MigrateOptions): void {
  const db = dbPath(dataDir);
  const tmp = dbTmp(db);
  const opts = o.nativeBinding ? { nativeBinding: o.nativeBinding } : {};
  const plain = new Database(db, opts);
  let expected: string;
  try {
    plain.pragma('busy_timeout = 5000');
    plain.pragma('wal_checkpoint(TRUNCATE)');
    expected = tableCounts(plain);
  } finally {
    plain.close();
  }
  if (existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > 0) throw new CacheKeyError('busy', '本机数据库正被另一个程序使用，无法加密；请关闭其他工作台窗口或命令行后重试');
  for (const f of [`${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  copyFileSync(db, tmp);
  o.onStep?.('db-copied');
  const enc = new Database(tmp, opts);
  try {
    encryptPlaintextDatabase(enc, key);
  } finally {
    enc.close();
  }
  o.onStep?.('db-encrypted');
  const check = new Database(tmp, opts);
  try {
    keyDatabase(check, key);
    const quick = check.pragma('quick_check', { simple: true });
    if (quick !== 'ok' || tableCounts(check) !== expected) throw new Error(`加密后的数据库校验未通过（${String(quick)}），原数据库未改动`);
  } finally {
    check.close();
  }
  fsyncFile(tmp);
  linkSync(db, dbOld(db));
  o.onStep?.('db-linked');
  renameSync(tmp, db);
  fsyncDir(dataDir);
  o.onStep?.('db-swapped');
  wipeFile(dbOld(db));
  o.onStep?.('db-done');
}

// ── blobs ───────────────────────────────────────────────────────────────────

function sha256File(path: string): string {
  const h = createHash('sha256');
  h.update(readFileSync(path));
  return h.digest('hex');
}

/** Plaintext still to encrypt? (A file that merely starts with the magic but hashes to its name is plaintext too.) */
function blobNeedsEncryption(b: BlobFile, key: CacheKey): boolean {
  const c = checkBlobHeader(readHead(b.path), key.keyId, b.sha256);
  if (c.kind === 'sealed') return false;
  if (c.kind === 'plaintext') return true;
  return sha256File(b.path) === b.sha256;
}

function recoverStaging(root: string): void {
  const staging = join(root, '.staging');
  if (!existsSync(staging)) return;
  for (const f of readdirSync(staging)) {
    const p = join(staging, f);
    const m = /^([0-9a-f]{64})\.(enc-tmp|plain-old)$/.exec(f);
    if (m?.[2] === 'enc-tmp') rmSync(p, { force: true });
    else if (m?.[2] === 'plain-old') {
      const dest = join(root, m[1]!.slice(0, 2), m[1]!.slice(2));
      if (!existsSync(dest)) renameSync(p, dest);
      else if (sameFile(p, dest)) rmSync(p);
      else wipeFile(p);
    } else if (statSync(p).isFile()) {
      // Staging files of an unencrypted version are plaintext: wipe them; ours are ciphertext.
      if (isEncryptedBlob(p)) rmSync(p, { force: true });
      else wipeFile(p);
    }
  }
}

function encryptBlob(b: BlobFile, root: string, key: CacheKey, o: MigrateOptions): void {
  const staging = join(root, '.staging');
  const tmp = join(staging, `${b.sha256}.enc-tmp`);
  const old = join(staging, `${b.sha256}.plain-old`);
  encryptFileSync(b.path, tmp, key, b.sha256);
  o.onStep?.('blob-encrypted');
  linkSync(b.path, old);
  o.onStep?.('blob-linked');
  renameSync(tmp, b.path);
  fsyncDir(dirname(b.path));
  o.onStep?.('blob-swapped');
  wipeFile(old);
  o.onStep?.('blob-done');
}

/** Plaintext temporaries of sync downloads and bundle imports from before: re-fetchable, so wiped. */
function wipeSyncTemporaries(dataDir: string): void {
  const sync = join(dataDir, 'sync');
  const wipeTree = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) wipeTree(p);
      else wipeFile(p);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  if (!existsSync(sync)) return;
  const blobs = join(sync, 'blobs');
  if (existsSync(blobs)) for (const f of readdirSync(blobs)) if (/^[0-9a-f]{64}(\.part|\.etag)?$/.test(f)) wipeFile(join(blobs, f));
  for (const f of readdirSync(sync)) if (f.startsWith('bundle-') && statSync(join(sync, f)).isDirectory()) wipeTree(join(sync, f));
}

function* steps(dataDir: string, key: CacheKey, o: MigrateOptions): Generator<MigrationProgress> {
  const release = takeLock(dataDir);
  try {
    checkMarker(dataDir, key);
    recoverDb(dataDir);
    if (isPlaintextSqlite(dbPath(dataDir))) {
      writeMarker(dataDir, key, 'db');
      yield { phase: 'db', done: 0, total: 1 };
      encryptDb(dataDir, key, o);
    }
    writeMarker(dataDir, key, 'blobs');
    const root = blobRoot(dataDir);
    mkdirSync(join(root, '.staging'), { recursive: true });
    recoverStaging(root);
    wipeSyncTemporaries(dataDir);
    const todo = [...blobFiles(root)].filter((b) => blobNeedsEncryption(b, key));
    for (const [i, b] of todo.entries()) {
      encryptBlob(b, root, key, o);
      yield { phase: 'blobs', done: i + 1, total: todo.length };
    }
    rmSync(join(dataDir, MIGRATION_MARKER), { force: true });
    fsyncDir(dataDir);
  } finally {
    release();
  }
}

/** Migrate synchronously (a Workstation constructor opening a plaintext store). */
export function migrateStoreSync(dataDir: string, key: CacheKey, o: MigrateOptions = {}): void {
  for (const _ of steps(dataDir, key, o));
}

/** Migrate, yielding to the event loop between files (the app and the host, with progress). */
export async function migrateStore(dataDir: string, key: CacheKey, o: MigrateOptions & { onProgress?: (p: MigrationProgress) => void } = {}): Promise<void> {
  for (const p of steps(dataDir, key, o)) {
    o.onProgress?.(p);
    await new Promise<void>((r) => setImmediate(r));
  }
}
