// What counts as a full disk, and what the reviewer is told: the room a step needs is checked with
// DISK_RESERVE_BYTES kept free, and a write that failed for want of space says so in Chinese.
import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../src/main/dispatch';
import { asDiskFull, DISK_RESERVE_BYTES, DiskFullError, ensureRoom, FULL_BELOW_BYTES, freeBytes, isDiskFull } from '../../src/main/services/disk-space';

const MB = 1024 * 1024;
const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('disk space', () => {
  it('a write refused for want of space: ENOSPC, EDQUOT, SQLITE_FULL — not other errors', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'SQLITE_FULL']) expect(isDiskFull(coded(code))).toBe(true);
    expect(isDiskFull(new DiskFullError('/d', 0))).toBe(true);
    for (const code of ['EIO', 'EACCES', 'SQLITE_IOERR_SHMSIZE', 'SQLITE_NOTADB']) expect(isDiskFull(coded(code))).toBe(false);
    expect(isDiskFull(new Error('ENOSPC in the text only'))).toBe(false);
    expect(isDiskFull(null)).toBe(false);
  });

  it('ensureRoom: what is to be written must fit with the reserve left over; nothing to write asks nothing', () => {
    const free = (n: number) => () => n;
    expect(() => ensureRoom('/d', 10 * MB, free(10 * MB + DISK_RESERVE_BYTES))).not.toThrow();
    let thrown: unknown;
    try {
      ensureRoom('/d', 10 * MB, free(10 * MB + DISK_RESERVE_BYTES - 1));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DiskFullError);
    const e = thrown as DiskFullError;
    expect(e.need).toBe(10 * MB);
    expect(e.message).toBe('磁盘空间不足：数据目录所在磁盘仅剩 138.0 MB，需为数据库留出 128.0 MB，无法继续写入；请清理磁盘空间后重试，已完成的部分已保存');
    // Nothing to write: even a full disk is not asked.
    expect(() => ensureRoom('/d', 0, free(0))).not.toThrow();
    // Free space unknown (statfs failed): nothing is refused for it.
    expect(() => ensureRoom('/d', 10 * MB, () => null)).not.toThrow();
  });

  it('asDiskFull: a full disk is named as such (also SQLite’s I/O error while the disk is full); other errors stay as they were', () => {
    const plenty = () => 10 * 1024 * MB;
    const full = () => 4096;
    const enospc = coded('ENOSPC', 'ENOSPC: no space left on device, write');
    const fromWrite = asDiskFull(enospc, '/d', undefined, plenty) as DiskFullError;
    expect(fromWrite).toBeInstanceOf(DiskFullError);
    expect(fromWrite.cause).toBe(enospc);
    expect(fromWrite.message).toBe('磁盘空间不足：数据目录所在磁盘已满，仅剩 10.00 GB，写入未能完成；请清理磁盘空间后重试，已保存的内容不受影响');
    const ioerr = coded('SQLITE_IOERR_SHMSIZE', 'disk I/O error');
    const opening = asDiskFull(ioerr, '/d', '无法打开本机数据库', full) as DiskFullError;
    expect(opening.message).toBe('磁盘空间不足：数据目录所在磁盘已满，仅剩 4.0 KB，无法打开本机数据库；请清理磁盘空间后重试，已保存的内容不受影响');
    // The same I/O error with room on the disk is something else, and told as it is.
    expect(asDiskFull(ioerr, '/d', undefined, plenty)).toBe(ioerr);
    expect(asDiskFull(ioerr, '/d', undefined, () => FULL_BELOW_BYTES)).toBe(ioerr);
    // Not a disk error at all, on a full disk: left alone.
    const other = new Error('wrong key');
    expect(asDiskFull(other, '/d', undefined, full)).toBe(other);
    const already = new DiskFullError('/d', 0, { need: 1 });
    expect(asDiskFull(already, '/d', undefined, plenty)).toBe(already);
  });

  it('freeBytes reads the disk of a folder, and null for a folder that is not there', () => {
    expect(freeBytes(process.cwd())).toBeGreaterThan(0);
    expect(freeBytes('/no/such/folder/anywhere')).toBeNull();
  });
});

describe('an Api call that fails for want of space', () => {
  const failing = (err: Error) => ({ 'app.lastCrash': () => Promise.reject(err) }) as unknown as Handlers;

  it('answers with the reason, not the generic failure', async () => {
    expect(await dispatch(failing(coded('ENOSPC', 'ENOSPC: no space left on device, write')), 'app.lastCrash', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: '磁盘空间不足：磁盘已满，写入未能完成；请清理磁盘空间后重试，已保存的内容不受影响' },
    });
    const opening = new DiskFullError('/d', 0, { doing: '无法打开本机数据库' });
    expect(await dispatch(failing(opening), 'app.lastCrash', {})).toEqual({ ok: false, error: { code: 'internal', message: opening.message } });
    // Anything else is still the generic answer (the details go to the log).
    expect(await dispatch(failing(coded('EACCES')), 'app.lastCrash', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: '操作失败，请重试；如问题持续，请联系管理员（详情见日志）' },
    });
  });
});
