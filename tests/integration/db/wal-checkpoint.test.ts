// The store copies WAL frames into its file only past WAL_AUTOCHECKPOINT_PAGES, not SQLite's 1,000:
// a commit bigger than that stays in the WAL, is read from there, survives a crash there (the files
// as a killed process leaves them), and is in the database file once the store closes.
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, WAL_AUTOCHECKPOINT_PAGES, WAL_SIZE_LIMIT_BYTES, type Store } from '../../../src/main/db/open';
import * as t from '../../../src/main/db/schema';
import { CacheKey } from '../../../src/main/services/cache-crypto/cache-key';
import { tempDir } from '../../helpers/package-builder';

const open: Store[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));
const key = CacheKey.generate('unprotected-dev').key;

function store(file: string): Store {
  const s = openStore(file, { key });
  open.push(s);
  return s;
}

const at = '2026-11-20T08:00:00.000Z';
const PAGE = 4096;
/** ~1,500 pages of rows in one commit: more than SQLite's default checkpoint, less than ours. */
function bigCommit(s: Store): void {
  const rows = Array.from({ length: 3000 }, (_, i) => ({ sha256: i.toString(16).padStart(64, '0'), size: i, mime: 'application/pdf', storedAt: at, verifiedAt: at, problem: `说明${i} `.repeat(150) }));
  s.db.transaction((tx) => {
    for (let i = 0; i < rows.length; i += 200) tx.insert(t.blobs).values(rows.slice(i, i + 200)).run();
  });
}
const count = (s: Store) => s.sqlite.prepare('SELECT count(*) n FROM blob').get() as { n: number };

describe('WAL checkpoints of the store', () => {
  it('are set on open', () => {
    const s = store(join(tempDir('wal-'), 'fashen.db'));
    expect(s.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    expect(s.sqlite.pragma('journal_size_limit', { simple: true })).toBe(WAL_SIZE_LIMIT_BYTES);
    expect(WAL_AUTOCHECKPOINT_PAGES).toBeGreaterThan(1000);
  });

  it('a commit of more than 1,000 pages stays in the WAL, survives a crash there, and reaches the file at close', () => {
    const dir = tempDir('wal-');
    const file = join(dir, 'fashen.db');
    const s = store(file);
    const before = statSync(file).size;
    bigCommit(s);
    expect(count(s).n).toBe(3000);
    // Not copied: the file is as it was, the frames are all in the WAL.
    expect(statSync(file).size).toBe(before);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1000 * PAGE);

    // What a killed process leaves (the database and its WAL, no shared index): all rows there.
    const crashed = join(tempDir('wal-crash-'), 'fashen.db');
    copyFileSync(file, crashed);
    copyFileSync(`${file}-wal`, `${crashed}-wal`);
    const after = store(crashed);
    expect(count(after).n).toBe(3000);
    expect((after.sqlite.prepare('SELECT problem FROM blob WHERE size = 2999').get() as { problem: string }).problem).toContain('说明2999');

    open.splice(0).forEach((x) => x.close());
    // Closed: copied into the file, the WAL gone.
    expect(statSync(file).size).toBeGreaterThan(1000 * PAGE);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(count(store(file)).n).toBe(3000);
  });

  it('past the threshold a commit copies the frames into the file', () => {
    const s = store(join(tempDir('wal-'), 'fashen.db'));
    const file = s.sqlite.name;
    // Commits of ~1,000 pages each (rows of 4,000 characters): their sum passes the threshold.
    const commits = Math.ceil(WAL_AUTOCHECKPOINT_PAGES / 1000) + 1;
    for (let i = 0; i < commits; i++) {
      s.sqlite.exec(`CREATE TABLE filler${i} (x TEXT)`);
      s.sqlite.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO filler${i} SELECT hex(randomblob(2000)) FROM n`);
    }
    expect(statSync(file).size).toBeGreaterThan(WAL_AUTOCHECKPOINT_PAGES * PAGE);
  });
});
