// A bundle's packages are written in groups (up to GROUP_CASES at once: the pack committed, then
// one transaction), yet each package comes out as if imported on its own: in order, refused or
// taken for its own reasons; a group that cannot be written leaves its packages to be imported
// again one by one; a file read ahead is never held past its listed size.
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { packageFiles, type FileRef } from '../../../src/shared/casefile/schema';
import { Workstation } from '../../../src/main/workstation';
import { GROUP_CASES } from '../../../src/main/services/sync/pull';
import { PACK_HEADER_BYTES } from '../../../src/main/services/blob-pack/pack-file';
import { encryptedSize } from '../../../src/main/services/cache-crypto/blob-format';
import { importCaseBundle } from '../../../src/main/services/sync/case-bundle';
import { packageFolder } from '../../../src/main/services/sync/package-folder';
import { BundlePacker, READ_AHEAD_BYTES, READ_AHEAD_FILE_BYTES, ReadAhead } from '../../../src/main/services/sync/bundle-packer';
import { openPackage, type PackageSource } from '../../../src/main/services/package-source';
import { tempDir } from '../../helpers/package-builder';
import { expectStoredAsGiven, packageWithFiles, zipBuffer } from './fixtures';
import { zipPackage } from '../../helpers/server-fixtures';
import { memoryWorkstations } from './memory-workstations';

const ws = memoryWorkstations();

type Pkg = Awaited<ReturnType<typeof packageWithFiles>>;
const filesOf = (p: Pkg): FileRef[] => packageFiles(p.manifest);
const shasOf = (ps: Pkg[]) => new Set(ps.flatMap(filesOf).map((f) => f.sha256));
/** The packages of a folder in the order an import takes them. */
const listed = (stick: string) => {
  const f = packageFolder(stick);
  return f && 'entries' in f ? f.entries.map((e) => e.path) : [];
};
/** The outcomes as a reader compares them. */
const said = (os: { source: string; ok: boolean; action?: string; error?: string }[]) => os.map((o) => ({ source: o.source, ok: o.ok, action: o.action, error: o.error }));

/** Every listed file of the packages reads back as on the stick and verifies. */
const expectStored = (w: Workstation, ps: Pkg[]) => expectStoredAsGiven(w.importer.store, ps);

describe('a bundle’s packages are written in groups', () => {
  it(`a stick of ${GROUP_CASES + 8} cases: two writes (${GROUP_CASES}, then 8), outcomes in the folder’s order; a file two packages share is packed once`, async () => {
    const stick = tempDir('stick-');
    const cases: Pkg[] = [];
    for (let i = 0; i < GROUP_CASES + 8; i++) cases.push(await packageWithFiles(stick, [3_000 + i]));
    // The second case also holds the first one's evidence file (same bytes, its own path).
    const [first, second] = cases as [Pkg, Pkg];
    const shared = first.manifest.evidence[0]!;
    writeFileSync(join(second.dir, 'evidence', 'shared.bin'), readFileSync(join(first.dir, shared.file.path)));
    second.manifest.evidence.push({ ...shared, id: 'shared', file: { ...shared.file, path: 'evidence/shared.bin' } });
    second.write();

    const w = ws();
    const writes = vi.spyOn(w.importer, 'writeGroup');
    const { outcomes } = await importCaseBundle(w.importer, stick);
    expect(writes.mock.calls.map(([list]) => list.length)).toEqual([GROUP_CASES, 8]);
    const dirs = listed(stick);
    expect(outcomes.map((o) => o.source)).toEqual(dirs);
    expect(outcomes.every((o) => o.ok && o.action === 'imported')).toBe(true);
    expect(w.cases.count()).toBe(GROUP_CASES + 8);
    expect(w.importer.store.packs!.index.count()).toBe(shasOf(cases).size);
    // Sealed once: the packs hold their headers and one entry per distinct file, nothing else.
    const packs = join(w.dataDir, 'blobs', 'packs');
    const names = readdirSync(packs).filter((f) => f.endsWith('.pack'));
    const sizes = new Map(cases.flatMap(filesOf).map((f) => [f.sha256, f.size]));
    expect(names.reduce((n, f) => n + statSync(join(packs, f)).size, 0)).toBe(names.length * PACK_HEADER_BYTES + [...sizes.values()].reduce((n, s) => n + encryptedSize(s), 0));
    await expectStored(w, cases);
    expect(w.cases.load(second.manifest.case.id)!.evidence.map((e) => e.sha256)).toContain(shared.file.sha256);
  });

  it('two revisions of one case, and two cases with one case number, in one folder: judged one after the other, as imported singly', async () => {
    const stick = tempDir('stick-');
    const r1 = await packageWithFiles(stick, [5_000], { caseNumber: '皖市监处罚〔2026〕901号' });
    const r2 = await packageWithFiles(stick, [6_000], { id: r1.manifest.case.id, caseNumber: '皖市监处罚〔2026〕901号', revision: 2 });
    const other = await packageWithFiles(stick, [7_000], { caseNumber: '皖市监处罚〔2026〕901号' });
    const plain = await packageWithFiles(stick, [8_000]);
    const w = ws();
    const { outcomes } = await importCaseBundle(w.importer, stick);
    const single = ws();
    const expected = [];
    for (const o of outcomes) expected.push(await single.importer.importOne(o.source));
    expect(said(outcomes)).toEqual(said(expected));
    // One of the three with that number is taken (whichever the folder lists first), the others refused.
    expect(outcomes.filter((o) => o.ok && o.action === 'imported')).toHaveLength(2);
    expect(w.cases.count()).toBe(2);
    // Nothing of the refused ones is left in the store.
    const taken = outcomes.filter((o) => o.ok).map((o) => [r1, r2, other, plain].find((p) => p.dir === o.source)!);
    expect(w.importer.store.packs!.index.count()).toBe(shasOf(taken).size);
  });

  it('a package whose write fails is refused with the reason; the group’s others are written, those after it on their own', async () => {
    const stick = tempDir('stick-');
    const cases: Pkg[] = [];
    for (let i = 0; i < 5; i++) cases.push(await packageWithFiles(stick, [4_000 + i]));
    const dirs = listed(stick);
    const failing = cases.find((c) => c.dir === dirs[2])!;
    const w = ws();
    w.store.sqlite.exec(`CREATE TRIGGER refuse_one BEFORE INSERT ON case_file WHEN NEW.case_number = '${failing.manifest.case.caseNumber}' BEGIN SELECT RAISE(ABORT, '磁盘写入失败（测试）'); END`);
    const writes = vi.spyOn(w.importer, 'writeGroup');
    const { outcomes } = await importCaseBundle(w.importer, stick);
    expect(outcomes.map((o) => o.source)).toEqual(dirs);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false, true, true]);
    expect(outcomes[2]).toMatchObject({ ok: false, caseId: failing.manifest.case.id, caseNumber: failing.manifest.case.caseNumber });
    expect(outcomes[2]!.error).toBe('导入失败：磁盘写入失败（测试）');
    // The group of five, then the two after the failed one each on its own.
    expect(writes.mock.calls.map(([list]) => list.length)).toEqual([5, 1, 1]);
    expect(w.cases.count()).toBe(4);
    const written = cases.filter((c) => c !== failing);
    await expectStored(w, written);
    // The failed package's files were given back.
    for (const f of filesOf(failing)) expect(w.importer.store.has(f.sha256)).toBe(false);
  });

  it('the pack cannot be made durable: nothing prepared on it is written; each package is imported again on its own', async () => {
    const stick = tempDir('stick-');
    const cases: Pkg[] = [];
    for (let i = 0; i < 3; i++) cases.push(await packageWithFiles(stick, [9_000 + i, 2_000]));
    const w = ws();
    const store = w.importer.store;
    vi.spyOn(store, 'commitPack').mockRejectedValueOnce(new Error('No space left on device'));
    const writes = vi.spyOn(w.importer, 'writeGroup');
    const { outcomes } = await importCaseBundle(w.importer, stick);
    expect(outcomes.every((o) => o.ok && o.action === 'imported')).toBe(true);
    expect(writes.mock.calls.map(([list]) => list.length)).toEqual([1, 1, 1]);
    expect(w.cases.count()).toBe(3);
    // The entries went with the pack; the importer's own way stored each file on its own.
    expect(store.packs!.index.count()).toBe(0);
    await expectStored(w, cases);
  });

  it('a file read ahead is read at most one chunk past its listed size (a stick’s file may be endless)', async () => {
    const p = await packageWithFiles(tempDir(), [1_000, 2_000]);
    const pulled = new Map<string, number>();
    const endless: PackageSource = {
      label: 'endless',
      readText: (path) => Promise.resolve(readFileSync(join(p.dir, path), 'utf8')),
      has: () => true,
      open: (path) =>
        Promise.resolve(
          Readable.from(
            (function* () {
              for (;;) {
                pulled.set(path, (pulled.get(path) ?? 0) + 1);
                yield Buffer.alloc(64 * 1024, 3);
              }
            })(),
          ),
        ),
      close: () => undefined,
    };
    const w = ws();
    const packer = new BundlePacker(w.importer.store);
    const packed = await packer.pack(endless, p.manifest);
    await packer.commit();
    packer.close();
    // Nothing packed (every file is longer than listed), and no file read beyond its size's first chunk.
    expect(packer.packedFor(packed)).toEqual([]);
    expect(w.importer.store.packs!.index.count()).toBe(0);
    expect(pulled.size).toBe(filesOf(p).length);
    for (const n of pulled.values()) expect(n).toBeLessThanOrEqual(2);
  });

  it('a file packed is known to be there without a second look at the stick', async () => {
    const p = await packageWithFiles(tempDir(), [10_000]);
    const w = ws();
    const packer = new BundlePacker(w.importer.store);
    const src = await openPackage(p.dir);
    const packed = await packer.pack(src, p.manifest);
    const [file] = filesOf(p).filter((f) => f.path.startsWith('evidence/blob-'));
    rmSync(join(p.dir, file!.path));
    expect(src.has(file!.path)).toBe(false);
    expect(packed.has(file!.path)).toBe(true);
    expect(packed.verifiedInStore!(file!.path)).toBe(true);
    packer.close();
    packed.close();
  });

  it('reads ahead at most 16 MB; a file skipped (sealed meanwhile for the package before) frees its share', async () => {
    const size = READ_AHEAD_FILE_BYTES;
    const files: FileRef[] = 'abcdef'.split('').map((c) => ({ path: `evidence/${c}.bin`, sha256: c.repeat(64), size, mime: 'application/octet-stream' }));
    const opened: string[] = [];
    const src: PackageSource = {
      label: 'stick',
      readText: () => Promise.reject(new Error('not asked')),
      has: () => true,
      open: (path) => {
        opened.push(path);
        return Promise.resolve(Readable.from([Buffer.alloc(size)]));
      },
      close: () => undefined,
    };
    const reads = new ReadAhead(src, files);
    // Four files' worth started at once: the fifth would pass the 16 MB.
    expect(opened).toHaveLength(READ_AHEAD_BYTES / size);
    // The first is not asked for: taking the second frees both shares, so the last two start.
    const second = await reads.take(files[1]!);
    let n = 0;
    for await (const c of second!) n += c.length;
    expect(n).toBe(size);
    expect(opened).toEqual(files.map((f) => f.path));
  });

  it('a pack a bundle import is filling survives another opening of the data folder (its tidying waits); an import there meanwhile goes without packs', async () => {
    const [p, q] = [await packageWithFiles(tempDir(), [30_000]), await packageWithFiles(tempDir(), [31_000])];
    const w = ws();
    const store = w.importer.store;
    const packsDir = join(w.dataDir, 'blobs', 'packs');
    const packs = () => readdirSync(packsDir).filter((f) => f.endsWith('.pack'));
    await BundlePacker.using(store, async (packer) => {
      const packed = await packer.pack(await openPackage(p.dir), p.manifest);
      expect(packer.packedFor(packed)).toHaveLength(filesOf(p).length);
      const filling = packs();
      expect(filling).toHaveLength(1);
      // The app opens the folder while `fashen import` fills its first pack: no index row points into it yet.
      const app = new Workstation({ dataDir: w.dataDir, today: () => '2026-11-23' });
      try {
        expect(packs()).toEqual(filling);
        // An import there at the same time stores its files the importer's way.
        await BundlePacker.using(app.importer.store, async (second) => {
          const src = await openPackage(q.dir);
          expect(await second.pack(src, q.manifest)).toBe(src);
          src.close();
        });
      } finally {
        app.close();
      }
      expect(await packer.commit()).toBe(true);
      packed.close();
    });
    for (const f of filesOf(p)) expect(await store.verify(f.sha256)).toBe('ok');
    // Once the import is done, the next opening tidies again: an emptied pack goes.
    for (const f of filesOf(p)) store.remove(f.sha256);
    new Workstation({ dataDir: w.dataDir, today: () => '2026-11-23' }).close();
    expect(packs()).toEqual([]);
  });

  it('a stick’s folder with a .zip bundle beside case folders: the bundle’s packages are packed too, the lock being the import’s own', async () => {
    const stick = tempDir('stick-');
    const folder = await packageWithFiles(stick, [12_000]);
    const [a, b] = [await packageWithFiles(tempDir(), [13_000]), await packageWithFiles(tempDir(), [14_000])];
    writeFileSync(join(stick, 'from-central.zip'), await zipBuffer([['a.zip', await zipPackage(a)], ['b.zip', await zipPackage(b)]]));
    const w = ws();
    const { outcomes } = await importCaseBundle(w.importer, stick);
    expect(outcomes.map((o) => o.ok && o.action)).toEqual(['imported', 'imported', 'imported']);
    const store = w.importer.store;
    for (const f of [folder, a, b].flatMap(filesOf)) {
      expect(store.packs!.index.get(f.sha256)).toBeDefined();
      expect(existsSync(store.pathOf(f.sha256))).toBe(false);
    }
    // And let go: the next opening of the folder tidies again.
    expect(existsSync(join(w.dataDir, 'blobs', 'packs', 'writers.lock'))).toBe(false);
  });
});
