// Free space on the disk of the data folder. A county laptop's disk can be small, and an initial
// sync or a stick's bundle brings gigabytes: what a download or an import writes is checked against
// the free space first, keeping DISK_RESERVE_BYTES for SQLite and the rest of the machine, so the
// workstation stops with a reason instead of filling the disk. A disk that is full all the same
// (another program filled it) is told plainly: SQLite cannot even open its database then (its WAL
// index needs room), which it reports as a disk I/O error.
import { statfsSync } from 'node:fs';
import { formatBytes } from '../../shared/format/bytes';

/**
 * Left free by downloads and imports: the store's WAL grows to ~32 MB before it is copied into the
 * database (WAL_AUTOCHECKPOINT_PAGES), a group's pack index and rows are written after its files,
 * and the machine itself needs room to work.
 */
export const DISK_RESERVE_BYTES = 128 * 1024 * 1024;

/** Bytes free for this user on the disk of `dir`; null when it cannot be read (then nothing is refused for it). */
export type FreeBytes = (dir: string) => number | null;

export const freeBytes: FreeBytes = (dir) => {
  try {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
};

export class DiskFullError extends Error {
  readonly need: number | undefined;

  constructor(
    readonly dir: string,
    readonly free: number | null,
    /**
     * need: what the step was about to write (absent: the disk filled during a write) — not in the
     * message: it is only the next step's, not what the rest of a sync or a stick needs, and the
     * packages of one stick refused alike read alike; doing: what could not be done then.
     */
    opts: { need?: number; doing?: string; cause?: unknown } = {},
  ) {
    const left = free === null ? '' : `仅剩 ${formatBytes(free)}`;
    super(
      opts.need === undefined
        ? `磁盘空间不足：${dir ? '数据目录所在磁盘' : '磁盘'}已满${left ? `，${left}` : ''}，${opts.doing ?? '写入未能完成'}；请清理磁盘空间后重试，已保存的内容不受影响`
        : `磁盘空间不足：数据目录所在磁盘${left || '空间不够'}，需为数据库留出 ${formatBytes(DISK_RESERVE_BYTES)}，无法继续写入；请清理磁盘空间后重试，已完成的部分已保存`,
      opts.cause === undefined ? undefined : { cause: opts.cause },
    );
    this.name = 'DiskFullError';
    this.need = opts.need;
  }
}

/** A write that failed for want of space: ENOSPC or EDQUOT from the file system, SQLITE_FULL from SQLite. */
export function isDiskFull(err: unknown): boolean {
  if (err instanceof DiskFullError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

/** Throws DiskFullError unless `need` bytes fit on the disk of `dir` with DISK_RESERVE_BYTES left over (nothing to write: nothing asked). */
export function ensureRoom(dir: string, need: number, free: FreeBytes = freeBytes): void {
  if (need <= 0) return;
  const have = free(dir);
  if (have !== null && have < need + DISK_RESERVE_BYTES) throw new DiskFullError(dir, have, { need });
}

/** Below this, the disk counts as full whatever the error said (SQLite needs a few pages to open a database). */
export const FULL_BELOW_BYTES = 1024 * 1024;

/**
 * The error to show for a failure in `dir`: a DiskFullError when the write failed for want of space,
 * or an I/O error while the disk is full (SQLite's SQLITE_IOERR on a full disk says nothing of space); else `err`.
 */
export function asDiskFull(err: unknown, dir: string, doing?: string, free: FreeBytes = freeBytes): unknown {
  if (err instanceof DiskFullError) return err;
  const have = free(dir);
  if (isDiskFull(err) || (isIoError(err) && have !== null && have < FULL_BELOW_BYTES)) return new DiskFullError(dir, have, { cause: err, ...(doing ? { doing } : {}) });
  return err;
}

function isIoError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO');
}
