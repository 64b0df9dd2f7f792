// Stores in the form before encryption at rest, for migration tests: a plaintext fashen.db (with a
// WAL still holding committed frames, as after a crash) and plaintext blobs — made from a real
// encrypted store by decrypting it, so the content is exactly what the app writes.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Workstation } from '../../src/main/workstation';
import { keyDatabase } from '../../src/main/services/cache-crypto/sqlcipher';
import { blobFiles } from '../../src/main/services/cache-crypto/store-state';
import { tempDir } from './package-builder';

export const WAL_PROBE = '王五 仅在日志中的记录';

/** A plaintext copy of `ws`'s store (database with unmerged WAL frames, blobs) in a new folder. */
export async function plaintextCopyOf(ws: Workstation): Promise<string> {
  const work = tempDir('plain-work-');
  ws.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(join(ws.dataDir, 'fashen.db'), join(work, 'fashen.db'));
  const dec = new Database(join(work, 'fashen.db'));
  keyDatabase(dec, ws.cacheKey);
  dec.pragma('journal_mode = DELETE');
  dec.rekey(Buffer.alloc(0));
  dec.close();

  const dir = tempDir('plain-store-');
  // A write that only the WAL holds: copy the files while the writer still has them open.
  const live = new Database(join(work, 'fashen.db'));
  live.pragma('journal_mode = WAL');
  live.pragma('wal_autocheckpoint = 0');
  live.exec('CREATE TABLE wal_probe (note TEXT)');
  live.prepare('INSERT INTO wal_probe VALUES (?)').run(WAL_PROBE);
  copyFileSync(join(work, 'fashen.db'), join(dir, 'fashen.db'));
  copyFileSync(join(work, 'fashen.db-wal'), join(dir, 'fashen.db-wal'));
  live.close();

  for (const b of blobFiles(join(ws.dataDir, 'blobs'))) {
    mkdirSync(join(dir, 'blobs', b.sha256.slice(0, 2)), { recursive: true });
    writeFileSync(join(dir, 'blobs', b.sha256.slice(0, 2), b.sha256.slice(2)), await ws.blobs.read(b.sha256));
  }
  return dir;
}

/** Every file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Files (relative paths) containing any of the needles, with the needle found. */
export function plaintextHits(dir: string, needles: Buffer[]): string[] {
  const hits: string[] = [];
  for (const f of filesUnder(dir)) {
    const bytes = readFileSync(f);
    for (const n of needles) if (bytes.includes(n)) hits.push(`${relative(dir, f)}: ${JSON.stringify(n.toString('utf8'))}`);
  }
  return hits;
}
