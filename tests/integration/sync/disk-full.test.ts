// A small disk: an initial sync, a stick's folder of cases and a single package each stop at the
// free space, with DISK_RESERVE_BYTES left for the database, and say so in Chinese. What came in
// before stays complete; nothing of a case that did not fit is kept; with room again, the same
// sync or import brings the rest. (The disk is the data folder's files under a chosen capacity;
// disk-full-tmpfs.test.ts does the same on a real file system that fills up.)
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DISK_RESERVE_BYTES, type FreeBytes } from '../../../src/main/services/disk-space';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { KEYS } from '../../../src/main/services/sync/state';
import { importCaseBundle } from '../../../src/main/services/sync/case-bundle';
import { packageFiles } from '../../../src/shared/casefile/schema';
import type { Workstation } from '../../../src/main/workstation';
import { tempDir } from '../../helpers/package-builder';
import { expectStoredAsGiven, filesOf, newDataDir, packageWithFiles, perBlob, workstation } from './fixtures';

const FILE = 300_000;

type Pkg = Awaited<ReturnType<typeof packageWithFiles>>;

function bytesUnder(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? bytesUnder(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

/** The data folder on a disk of its own: free is the capacity less what the folder holds. */
function smallDisk(dataDir: string) {
  let capacity = Number.MAX_SAFE_INTEGER;
  const free: FreeBytes = () => capacity - bytesUnder(dataDir);
  return {
    free,
    /** From now on, room for about `bytes` more beyond the reserve. */
    roomFor(bytes: number) {
      capacity = bytesUnder(dataDir) + DISK_RESERVE_BYTES + bytes;
    },
  };
}

const expectIntact = (w: Workstation, ps: Pkg[]) => expectStoredAsGiven(w.blobs, ps);

describe('a disk too small for what comes in', () => {
  it('the initial sync stops before the disk is full, keeps the cases that came, and finishes once there is room', async () => {
    const central = new MemoryCentral();
    const cases: Pkg[] = [];
    for (let i = 0; i < 6; i++) {
      const p = await packageWithFiles(tempDir(), [FILE + i]);
      cases.push(p);
      central.publish(p.manifest, filesOf(p));
    }
    const dataDir = newDataDir();
    const disk = smallDisk(dataDir);
    // One request per file, one at a time: the room is asked before each.
    const w = workstation(dataDir, () => perBlob(central.transport()), { concurrency: 1, freeBytes: disk.free });
    try {
      disk.roomFor(Math.round(FILE * 2.5));
      const first = await w.sync.run();
      expect(first.outcome).toBe('error');
      expect(first.line).toMatch(/^出错（磁盘空间不足：数据目录所在磁盘仅剩 128\.\d MB，需为数据库留出 128\.0 MB，无法继续写入；请清理磁盘空间后重试，已完成的部分已保存）$/);
      expect(first.status.lastError).toContain('请清理磁盘空间后重试，已完成的部分已保存');
      const kept = w.cases.count();
      expect(kept).toBeGreaterThanOrEqual(1);
      expect(kept).toBeLessThan(6);
      // The cursor is past exactly the cases written; their files are whole.
      expect(w.sync.state.cursor()).toBe(kept);
      await expectIntact(w, cases.slice(0, kept));
      // The files stopped at the reserve; the database's pages since took a little of it (what it is for).
      expect(disk.free(dataDir)!).toBeGreaterThan(DISK_RESERVE_BYTES - 1024 * 1024);

      disk.roomFor(20 * FILE);
      const second = await w.sync.run();
      expect(second.outcome).toBe('synced');
      expect(second.summary.pulled).toBe(6 - kept);
      expect(w.cases.count()).toBe(6);
      await expectIntact(w, cases);
    } finally {
      w.close();
    }
  });

  it('a stick’s folder of cases: those that fit are imported, the others say the disk is full and leave nothing; imported again with room, they come in', async () => {
    const stick = tempDir('stick-');
    const cases: Pkg[] = [];
    for (let i = 0; i < 6; i++) cases.push(await packageWithFiles(stick, [FILE + i]));
    const dataDir = newDataDir();
    const disk = smallDisk(dataDir);
    const w = workstation(dataDir, () => new MemoryCentral().transport(), { freeBytes: disk.free });
    try {
      disk.roomFor(Math.round(FILE * 2.5));
      const { outcomes } = await importCaseBundle(w.importer, stick);
      expect(outcomes).toHaveLength(6);
      const taken = outcomes.filter((o) => o.ok);
      expect(taken.length).toBeGreaterThanOrEqual(1);
      expect(taken.length).toBeLessThan(6);
      // In the folder's order: those that fit first, then each of the rest with the reason.
      expect(outcomes.slice(0, taken.length).every((o) => o.ok && o.action === 'imported')).toBe(true);
      // Alike, so that the list says it once for all of them.
      const reasons = new Set(outcomes.slice(taken.length).map((o) => o.error));
      expect([...reasons]).toEqual([expect.stringMatching(/^导入失败：磁盘空间不足：数据目录所在磁盘仅剩 128\.\d MB，需为数据库留出 128\.0 MB，无法继续写入；/)]);
      expect(w.cases.count()).toBe(taken.length);
      const byCase = new Map(cases.map((p) => [p.manifest.case.id, p]));
      const importedCases = taken.map((o) => byCase.get(o.caseId!)!);
      await expectIntact(w, importedCases);
      // Nothing of the others is in the store, nor waiting in its staging.
      const left = cases.filter((p) => !importedCases.includes(p));
      for (const p of left) for (const f of packageFiles(p.manifest)) expect(w.blobs.has(f.sha256)).toBe(false);
      expect(readdirSync(join(dataDir, 'blobs', '.staging'))).toEqual([]);
      expect(disk.free(dataDir)!).toBeGreaterThan(DISK_RESERVE_BYTES - 1024 * 1024);

      disk.roomFor(20 * FILE);
      const again = await importCaseBundle(w.importer, stick);
      expect(again.outcomes.filter((o) => o.ok && o.action === 'imported')).toHaveLength(left.length);
      expect(again.outcomes.filter((o) => o.ok && o.action === 'unchanged')).toHaveLength(taken.length);
      expect(w.cases.count()).toBe(6);
      await expectIntact(w, cases);
    } finally {
      w.close();
    }
  });

  it('a single package opened with the app: refused with the reason before anything is copied in', async () => {
    const p = await packageWithFiles(tempDir(), [FILE, FILE + 1]);
    const dataDir = newDataDir();
    const disk = smallDisk(dataDir);
    const w = workstation(dataDir, () => new MemoryCentral().transport(), { freeBytes: disk.free });
    try {
      disk.roomFor(FILE);
      const refused = await w.importer.importOne(p.dir);
      expect(refused.ok).toBe(false);
      expect(refused.error).toMatch(/^导入失败：磁盘空间不足：数据目录所在磁盘仅剩 128\.\d MB，需为数据库留出 128\.0 MB，无法继续写入；/);
      expect(w.cases.count()).toBe(0);
      expect(readdirSync(join(dataDir, 'blobs', '.staging'))).toEqual([]);
      for (const f of packageFiles(p.manifest)) expect(w.blobs.has(f.sha256)).toBe(false);

      disk.roomFor(4 * FILE);
      const taken = await w.importer.importOne(p.dir);
      expect(taken).toMatchObject({ ok: true, action: 'imported' });
      await expectIntact(w, [p]);
    } finally {
      w.close();
    }
  });

  it('a disk another program fills during the run: the run still ends with the reason, though its outcome cannot be written down', async () => {
    const central = new MemoryCentral();
    const p = await packageWithFiles(tempDir(), [FILE]);
    central.publish(p.manifest, filesOf(p));
    const w = workstation(newDataDir(), () => central.transport());
    try {
      const set = w.sync.state.set.bind(w.sync.state);
      const full = vi.spyOn(w.sync.state, 'set').mockImplementation((key, value) => {
        if (key === KEYS.lastOutcome) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        set(key, value);
      });
      const run = await w.sync.run();
      expect(run.outcome).toBe('error');
      expect(run.status.state).toBe('出错');
      expect(run.line).toMatch(/^出错（磁盘空间不足：数据目录所在磁盘已满，仅剩 [^，]+，写入未能完成；请清理磁盘空间后重试，已保存的内容不受影响）$/);
      // The case itself was written before: it is here.
      expect(w.cases.count()).toBe(1);
      full.mockRestore();
      expect((await w.sync.run()).outcome).toBe('synced');
    } finally {
      w.close();
    }
  });
});

