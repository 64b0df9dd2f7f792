// Crash order of the pack store: a new pack's name is made durable (its folder fsynced) before any
// index row points into it, and a compaction's files are durable in their folders before the rows
// and the pack go. A power cut cannot be staged here, so the order of the calls is what is checked.
import { createHash, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const log: string[] = [];
vi.mock('../../../src/main/services/cache-crypto/durable', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/main/services/cache-crypto/durable')>();
  return {
    ...real,
    fsyncDir: (dir: string) => {
      log.push(`fsyncDir ${dir}`);
      real.fsyncDir(dir);
    },
  };
});

const { openStore } = await import('../../../src/main/db/open');
const { BlobPacks } = await import('../../../src/main/services/blob-pack/blob-packs');
const { PackIndex } = await import('../../../src/main/services/blob-pack/pack-index');
const { BlobStore } = await import('../../../src/main/services/blob-store');
const { CacheKey } = await import('../../../src/main/services/cache-crypto/cache-key');
const { tempDir } = await import('../../helpers/package-builder');

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const key = CacheKey.generate('unprotected-dev').key;

function setUp() {
  const dir = tempDir();
  const db = openStore(join(dir, 'fashen.db'));
  const index = new PackIndex(db.db);
  const put = index.put.bind(index);
  const remove = index.remove.bind(index);
  index.put = (e) => (log.push('index put'), put(e));
  index.remove = (s) => (log.push('index remove'), remove(s));
  const packs = new BlobPacks(join(dir, 'blobs', 'packs'), key, index);
  return { packs, store: new BlobStore(join(dir, 'blobs'), key, packs) };
}

beforeEach(() => {
  log.length = 0;
});

describe('pack store crash order', () => {
  it('the pack folder (and the new folder it is in) is fsynced before the first rows point into a new pack', async () => {
    const { packs } = setUp();
    const b = randomBytes(40_000);
    const w = packs.writer();
    const e = w.begin(sha(b), b.length);
    e.write(b);
    e.finish();
    await packs.commit(w);
    packs.close(w);
    expect(log).toEqual([`fsyncDir ${packs.dir}`, `fsyncDir ${dirname(packs.dir)}`, 'index put']);
  });

  it('a compaction fsyncs the folders of the files it wrote before it drops the rows and the pack', async () => {
    const { packs, store } = setUp();
    const blobs = [randomBytes(30_000), randomBytes(31_000), randomBytes(32_000)];
    const w = packs.writer();
    for (const b of blobs) {
      const e = w.begin(sha(b), b.length);
      e.write(b);
      e.finish();
    }
    await packs.commit(w);
    packs.close(w);
    store.remove(sha(blobs[0]!));
    store.remove(sha(blobs[1]!));
    log.length = 0;
    expect(packs.compact((id) => store.pathOf(id))).toBe(1);
    expect(log).toEqual([`fsyncDir ${dirname(store.pathOf(sha(blobs[2]!)))}`, 'index remove']);
    expect((await store.read(sha(blobs[2]!))).equals(blobs[2]!)).toBe(true);
  });
});
