// What the bytes on disk say about the store, without any key: is the database a plaintext
// SQLite file, is a blob in the encrypted format. Used to decide on migration, to refuse opening an
// encrypted store whose key file is gone, and for the security state the settings screen shows.
import { closeSync, existsSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { hasMagic } from './blob-format';
import { readHead } from './blob-io';

export const DB_FILE = 'fashen.db';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function dbPath(dataDir: string): string {
  return join(dataDir, DB_FILE);
}

export function blobRoot(dataDir: string): string {
  return join(dataDir, 'blobs');
}

/** True when the file starts with SQLite's plaintext header (an empty file is not a database yet). */
export function isPlaintextSqlite(file: string): boolean {
  if (!existsSync(file)) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/** A database file with content that is not plaintext SQLite: encrypted. */
export function isEncryptedSqlite(file: string): boolean {
  if (!existsSync(file)) return false;
  const head = readHead(file, SQLITE_HEADER.length);
  return head.length === SQLITE_HEADER.length && !head.equals(SQLITE_HEADER);
}

export interface BlobFile {
  sha256: string;
  path: string;
}

/** Every blob file under blobs/ab/cdef… (not the staging folder). */
export function* blobFiles(root: string): Generator<BlobFile> {
  if (!existsSync(root)) return;
  for (const dir of readdirSync(root).filter((d) => /^[0-9a-f]{2}$/.test(d)).sort()) {
    for (const file of readdirSync(join(root, dir)).filter((f) => /^[0-9a-f]{62}$/.test(f)).sort()) yield { sha256: dir + file, path: join(root, dir, file) };
  }
}

export function isEncryptedBlob(path: string): boolean {
  return hasMagic(readHead(path, 8));
}

/** Is there encrypted data here (so a missing key file must not be replaced by a new key)? */
export function hasEncryptedData(dataDir: string): boolean {
  if (isEncryptedSqlite(dbPath(dataDir))) return true;
  let n = 0;
  for (const b of blobFiles(blobRoot(dataDir))) {
    if (isEncryptedBlob(b.path)) return true;
    if (++n >= 32) break;
  }
  return false;
}
