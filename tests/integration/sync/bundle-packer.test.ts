// A bundle's packages go into the store's packs, as a sync's downloads do: each new file sealed
// into a pack once, checked against case.json as it is written, and no file of its own. A file
// that is not as listed is not packed (its bytes cut off the pack) and the importer refuses its
// package exactly as before, its other files given back; a package left unchanged packs nothing.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFiles } from '../../../src/shared/casefile/schema';
import type { Workstation } from '../../../src/main/workstation';
import { PACK_HEADER_BYTES } from '../../../src/main/services/blob-pack/pack-file';
import { encryptedSize } from '../../../src/main/services/cache-crypto/blob-format';
import { importCaseBundle } from '../../../src/main/services/sync/case-bundle';
import { tempDir } from '../../helpers/package-builder';
import { zipPackage } from '../../helpers/server-fixtures';
import { expectStoredAsGiven, packageWithFiles, zipBuffer } from './fixtures';
import { memoryWorkstations } from './memory-workstations';

const ws = memoryWorkstations();

const packFiles = (w: Workstation) => {
  const dir = join(w.dataDir, 'blobs', 'packs');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pack')).map((f) => join(dir, f)) : [];
};

type Pkg = Awaited<ReturnType<typeof packageWithFiles>>;
const filesOf = (p: Pkg) => packageFiles(p.manifest);

/** Every listed file of the package: packed (an index row, no file of its own), read back as on the stick, verified. */
async function expectPacked(w: Workstation, p: Pkg): Promise<void> {
  const store = w.importer.store;
  for (const f of filesOf(p)) {
    expect(store.packs!.index.get(f.sha256)).toBeDefined();
    expect(existsSync(store.pathOf(f.sha256))).toBe(false);
  }
  await expectStoredAsGiven(store, [p]);
}

describe('bundle imports write into packs', () => {
  it('a stick’s folder of cases: every file in one pack, none on its own; carried in again, nothing new is written', async () => {
    const stick = tempDir('stick-');
    const cases = [await packageWithFiles(stick, [70_000, 130_000]), await packageWithFiles(stick, [90_000]), await packageWithFiles(stick, [0, 65_536, 200_000])];
    const w = ws();
    const { outcomes } = await importCaseBundle(w.importer, stick);
    expect(outcomes.map((o) => o.ok && o.action)).toEqual(['imported', 'imported', 'imported']);
    for (const c of cases) await expectPacked(w, c);
    const all = new Map(cases.flatMap(filesOf).map((f) => [f.sha256, f.size]));
    expect(w.importer.store.packs!.index.count()).toBe(all.size);
    const [pack] = packFiles(w);
    expect(packFiles(w)).toHaveLength(1);
    const sizes = [...all.values()];
    expect(statSync(pack!).size).toBe(PACK_HEADER_BYTES + sizes.reduce((n, s) => n + encryptedSize(s), 0));
    // The evidence reads as imported: a case's files are its files.
    const first = w.cases.load(cases[0]!.manifest.case.id)!;
    expect(first.evidence.map((e) => e.sha256)).toEqual(cases[0]!.manifest.evidence.map((e) => e.file.sha256));
    expect([...first.blobs.values()].every((b) => b.verifiedState === 'ok')).toBe(true);

    const again = await importCaseBundle(w.importer, stick);
    expect(again.outcomes.map((o) => o.ok && o.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(packFiles(w)).toEqual([pack]);
    expect(statSync(pack!).size).toBe(PACK_HEADER_BYTES + sizes.reduce((n, s) => n + encryptedSize(s), 0));
  });

  it('a file other than listed (changed, cut short, longer) is not packed and its package is refused as before; the others come in packed', async () => {
    const stick = tempDir('stick-');
    const good = await packageWithFiles(stick, [50_000]);
    const changed = await packageWithFiles(stick, [80_000, 60_000]);
    const short = await packageWithFiles(stick, [70_000]);
    const long = await packageWithFiles(stick, [1_000]);
    writeFileSync(join(changed.dir, 'evidence', 'blob-1.bin'), Buffer.alloc(60_000, 7));
    writeFileSync(join(short.dir, 'evidence', 'blob-0.bin'), Buffer.from(short.files.get('evidence/blob-0.bin')!).subarray(0, 69_000));
    // 3 MB where 1,000 bytes are listed: read ahead no further than a chunk past the size.
    writeFileSync(join(long.dir, 'evidence', 'blob-0.bin'), Buffer.concat([Buffer.from(long.files.get('evidence/blob-0.bin')!), Buffer.alloc(3 * 1024 * 1024, 1)]));
    const w = ws();
    const { outcomes } = await importCaseBundle(w.importer, stick);
    const by = new Map(outcomes.map((o) => [o.source, o]));
    expect(by.get(good.dir)).toMatchObject({ ok: true, action: 'imported' });
    expect(by.get(changed.dir)).toMatchObject({ ok: false, error: '案卷包文件校验失败（1 处问题）' });
    expect(by.get(changed.dir)!.details![0]).toContain('文件校验值不符：evidence/blob-1.bin');
    expect(by.get(short.dir)).toMatchObject({ ok: false, error: '案卷包文件校验失败（1 处问题）' });
    expect(by.get(long.dir)).toMatchObject({ ok: false, error: '案卷包文件校验失败（1 处问题）' });
    expect(by.get(long.dir)!.details![0]).toContain('文件校验值不符：evidence/blob-0.bin');
    await expectPacked(w, good);
    const index = w.importer.store.packs!.index;
    const listed = (p: Pkg, path: string) => filesOf(p).find((f) => f.path === path)!.sha256;
    expect(index.get(listed(changed, 'evidence/blob-1.bin'))).toBeUndefined();
    expect(index.get(listed(short, 'evidence/blob-0.bin'))).toBeUndefined();
    expect(index.get(listed(long, 'evidence/blob-0.bin'))).toBeUndefined();
    // The refused packages' other files, packed before the refusal, were given back: no blob that no case has.
    expect(index.get(listed(changed, 'evidence/blob-0.bin'))).toBeUndefined();
    const kept = new Set(filesOf(good).map((f) => f.sha256));
    expect(index.count()).toBe(kept.size);
    // The files not as listed never became entries: cut off the pack as they failed, so the pack is
    // its header, the entries kept and those given back (dead bytes until a compaction), nothing else.
    const given = new Set([...filesOf(changed), ...filesOf(short), ...filesOf(long)].map((f) => f.sha256).filter((sha) => !kept.has(sha)));
    given.delete(listed(changed, 'evidence/blob-1.bin'));
    given.delete(listed(short, 'evidence/blob-0.bin'));
    given.delete(listed(long, 'evidence/blob-0.bin'));
    const sizeOf = new Map([...filesOf(good), ...filesOf(changed), ...filesOf(short), ...filesOf(long)].map((f) => [f.sha256, f.size]));
    const expected = PACK_HEADER_BYTES + [...kept, ...given].reduce((n, sha) => n + encryptedSize(sizeOf.get(sha)!), 0);
    expect(packFiles(w).reduce((n, p) => n + statSync(p).size, 0)).toBe(expected);
    expect(w.cases.count()).toBe(1);
  });

  it('a .zip bundle of packages and inner .zips is packed the same way; a file listed twice is one entry', async () => {
    const a = await packageWithFiles(tempDir(), [40_000, 41_000]);
    // The same bytes at a second path of the same package.
    const twice = a.manifest.evidence.at(-1)!;
    writeFileSync(join(a.dir, 'evidence', 'copy.bin'), readFileSync(join(a.dir, twice.file.path)));
    a.manifest.evidence.push({ ...twice, id: 'copy', file: { ...twice.file, path: 'evidence/copy.bin' } });
    a.write();
    const b = await packageWithFiles(tempDir(), [120_000]);
    const bundle = join(tempDir('bundle-'), 'from-central.zip');
    writeFileSync(bundle, await zipBuffer([['a.zip', await zipPackage(a)], ['b.zip', await zipPackage(b)]]));
    const w = ws();
    const { outcomes } = await importCaseBundle(w.importer, bundle);
    expect(outcomes.map((o) => o.ok && o.action)).toEqual(['imported', 'imported']);
    await expectPacked(w, a);
    await expectPacked(w, b);
    expect(w.importer.store.packs!.index.count()).toBe(new Set([...filesOf(a), ...filesOf(b)].map((f) => f.sha256)).size);
    expect(filesOf(a)).toHaveLength(new Set(filesOf(a).map((f) => f.sha256)).size + 1);
  });
});
