// The data folder on a real file system that fills up (a tmpfs of its own; mounting needs root, as
// in CI — elsewhere this file is skipped and disk-full.test.ts covers the same steps on a disk
// measured by the test). The sync stops at the reserve with the cases before it complete; a disk
// that another program then fills to the last byte keeps the workstation from opening its database,
// which says so in Chinese and changes nothing (also when the app unlocks); with space again, it
// opens and the sync finishes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISK_RESERVE_BYTES, freeBytes } from '../../../src/main/services/disk-space';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { Workstation } from '../../../src/main/workstation';
import { buildNode, ENTRIES } from '../../../scripts/build-node.mjs';
import { dispatch } from '../../../src/main/dispatch';
import { startShellSession } from '../../../src/main/shell-session';
import { createKeyring } from '../../../src/main/services/cache-crypto/keyring';
import { tempDir } from '../../helpers/package-builder';
import { canMountTmpfs, fillDisk, mountTmpfs, unmountTmpfs } from '../../helpers/tmpfs';
import { expectStoredAsGiven, filesOf, packageWithFiles, perBlob, TODAY, workstation } from './fixtures';

const PASS = '磁盘已满测试口令 2026';

const MB = 1024 * 1024;
// Skipped only where a tmpfs cannot be mounted (not root; CI and the dev machines are), with the
// warning below; disk-full.test.ts covers the same steps on a measured disk everywhere.
const mountable = canMountTmpfs();
if (!mountable) console.warn('disk-full-tmpfs: a tmpfs cannot be mounted here (needs root); skipped');

describe.skipIf(!mountable)('a data folder on a file system that fills up', () => {
  let disk = '';
  beforeAll(() => {
    disk = mountTmpfs(DISK_RESERVE_BYTES / MB + 48)!;
    mkdirSync(join(disk, 'data'));
  });
  afterAll(() => unmountTmpfs(disk));

  it('the sync stops at the reserve; a disk filled to the last byte: the workstation will not open, and says why; with space again, the sync finishes', async () => {
    const central = new MemoryCentral();
    const cases: Awaited<ReturnType<typeof packageWithFiles>>[] = [];
    for (let i = 0; i < 6; i++) {
      const p = await packageWithFiles(tempDir(), [2 * MB + i]);
      cases.push(p);
      central.publish(p.manifest, filesOf(p));
    }
    const dataDir = join(disk, 'data');
    const open = () => workstation(dataDir, () => perBlob(central.transport()), { concurrency: 1 });
    let w: Workstation = open();
    // Room for about two of the six cases beyond the reserve.
    fillDisk(disk, 'other-program-1', DISK_RESERVE_BYTES + 5 * MB);
    const first = await w.sync.run();
    expect(first.outcome).toBe('error');
    expect(first.line).toMatch(/^出错（磁盘空间不足：数据目录所在磁盘仅剩 1\d\d\.\d MB，需为数据库留出 128\.0 MB，无法继续写入；/);
    const kept = w.cases.count();
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(6);
    w.close();

    // Another program takes the rest: SQLite cannot make its WAL index, and the reason is the disk.
    fillDisk(disk, 'other-program-2', 0);
    expect(freeBytes(disk)).toBeLessThan(64 * 1024);
    expect(open).toThrow(/^磁盘空间不足：数据目录所在磁盘已满，仅剩 [\d.]+ (B|KB)，无法打开本机数据库；请清理磁盘空间后重试，已保存的内容不受影响$/);

    rmSync(join(disk, 'other-program-1'));
    rmSync(join(disk, 'other-program-2'));
    w = open();
    try {
      // Nothing was lost: the cases from before are here, and the sync brings the rest.
      expect(w.cases.count()).toBe(kept);
      const second = await w.sync.run();
      expect(second.outcome).toBe('synced');
      expect(w.cases.count()).toBe(6);
      await expectStoredAsGiven(w.blobs, cases);
    } finally {
      w.close();
    }
  });

  it('the app on a full disk: unlocking answers with the reason (not 操作失败), and unlocks once there is space', async () => {
    const dataDir = join(disk, 'app');
    mkdirSync(dataDir);
    const key = await createKeyring(dataDir, { kind: 'passphrase', passphrase: PASS });
    new Workstation({ dataDir, today: () => TODAY, cacheKey: key }).close();
    const session = await startShellSession({ shell: 'host', workstation: { dataDir, today: () => TODAY }, keys: {} });
    try {
      fillDisk(disk, 'other-program-3', 0);
      expect(await dispatch(session.handlers, 'app.unlock', { passphrase: PASS })).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/^磁盘空间不足：数据目录所在磁盘已满，仅剩 [\d.]+ (B|KB)，无法打开本机数据库；/) },
      });
      rmSync(join(disk, 'other-program-3'));
      expect(await dispatch(session.handlers, 'app.unlock', { passphrase: PASS })).toMatchObject({ ok: true, value: { locked: false } });
    } finally {
      await session.close();
    }
  });

  it('fashen import of a stick’s folder on a nearly full disk: the cases that fit, then the reason once, each other case on its line', async () => {
    await buildNode(['cli']);
    const home = join(disk, 'cli-home');
    const stick = tempDir('stick-');
    for (let i = 0; i < 4; i++) await packageWithFiles(stick, [2 * MB + i]);
    fillDisk(disk, 'other-program-4', DISK_RESERVE_BYTES + 3 * MB);
    try {
      const r = spawnSync(process.execPath, [join(process.cwd(), ENTRIES.cli.out), 'import', stick], { env: { ...process.env, FASHEN_HOME: home }, encoding: 'utf8' });
      expect(r.status).toBe(1);
      expect(r.stdout.match(/^已导入 /gm)).toHaveLength(1);
      const lines = r.stderr.split('\n').filter((l) => l.startsWith('导入失败') || l.startsWith('  '));
      expect(lines).toEqual([
        expect.stringMatching(/^导入失败  \S+$/),
        expect.stringMatching(/^  导入失败：磁盘空间不足：数据目录所在磁盘仅剩 [\d.]+ MB，需为数据库留出 128\.0 MB，无法继续写入；/),
        expect.stringMatching(/^导入失败  \S+（原因同上）$/),
        expect.stringMatching(/^导入失败  \S+（原因同上）$/),
      ]);
    } finally {
      rmSync(join(disk, 'other-program-4'));
    }
  }, 60_000);
});

