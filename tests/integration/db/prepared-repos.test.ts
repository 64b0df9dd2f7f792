// The repositories a sync calls per case use statements prepared once: they must answer exactly as
// the one-off queries did — the blob rows asked for (none for unknown ids, any number of ids), and
// the sync state's values, overwritten in place, and the pack index's entries, moved when recorded again.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/main/db/open';
import { BlobRepo } from '../../../src/main/db/repos/blobs';
import * as t from '../../../src/main/db/schema';
import { SyncStateRepo } from '../../../src/main/services/sync/state';
import { PackIndex } from '../../../src/main/services/blob-pack/pack-index';
import { tempDir } from '../../helpers/package-builder';

const open: Store[] = [];
afterEach(() => open.splice(0).forEach((s) => s.close()));

function store(): Store {
  const s = openStore(`${tempDir('prepared-')}/fashen.db`);
  open.push(s);
  return s;
}

const sha = (i: number) => i.toString(16).padStart(64, '0');

describe('statements prepared once', () => {
  it('BlobRepo.getMany: the rows of the known ids among any number asked, repeats and unknown ids included', () => {
    const s = store();
    const at = '2026-11-20T08:00:00.000Z';
    s.db.insert(t.blobs).values(Array.from({ length: 700 }, (_, i) => ({ sha256: sha(i), size: i, mime: 'application/pdf', storedAt: at, verifiedAt: at }))).run();
    const repo = new BlobRepo(s.db);
    expect(repo.getMany([]).size).toBe(0);
    const some = repo.getMany([sha(3), sha(3), sha(5), sha(9999)]);
    expect([...some.keys()].sort()).toEqual([sha(3), sha(5)]);
    expect(some.get(sha(5))).toMatchObject({ size: 5, mime: 'application/pdf', textState: 'pending' });
    // More ids than SQLite binds per statement, in one ask.
    const all = repo.getMany([...Array.from({ length: 700 }, (_, i) => sha(i)), ...Array.from({ length: 40_000 }, (_, i) => sha(100_000 + i))]);
    expect(all.size).toBe(700);
  });

  it('SyncStateRepo: get, set and overwrite, the cursor moving forward only', () => {
    const s = store();
    let now = Date.parse('2026-11-20T08:00:00Z');
    const state = new SyncStateRepo(s.db, () => new Date((now += 1000)));
    expect(state.get('server_url')).toBeNull();
    state.set('server_url', 'https://a.example');
    state.set('server_url', 'https://b.example');
    expect(state.get('server_url')).toBe('https://b.example');
    expect(state.updatedAt('server_url')).toBe('2026-11-20T08:00:02.000Z');
    expect(state.cursor()).toBe(0);
    state.advanceCursor(7);
    state.advanceCursor(3);
    expect(state.cursor()).toBe(7);
    expect(s.db.select().from(t.syncState).all()).toHaveLength(2);
  });

  it('PackIndex.put: every entry of a batch recorded, one already recorded moved to its new place', () => {
    const s = store();
    const index = new PackIndex(s.db);
    const entry = (i: number, pack = 'a'.repeat(16)) => ({ sha256: sha(i), pack, offset: 16 + i * 1000, length: 1000 });
    index.put([]);
    index.put(Array.from({ length: 450 }, (_, i) => entry(i)));
    expect(index.count()).toBe(450);
    expect(index.get(sha(449))).toEqual(entry(449));
    index.put([entry(7, 'b'.repeat(16)), entry(450)]);
    expect(index.count()).toBe(451);
    expect(index.get(sha(7))).toEqual(entry(7, 'b'.repeat(16)));
    expect(index.entriesOf('b'.repeat(16))).toEqual([entry(7, 'b'.repeat(16))]);
    expect(index.usage().find((u) => u.pack === 'a'.repeat(16))).toMatchObject({ entries: 450, liveBytes: 450_000 });
  });
});
