// Paths of the files that travel on a USB stick, checked before anything is read or written, so a
// wrong folder gets a clear zh-CN answer. A missing folder is refused, never made: a stick that is
// not mounted would otherwise have its bundle written to the local disk under the mount point.
// The app's form asks for absolute paths; the command line resolves relative ones first.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { ApiFailure } from '../../../shared/api/result';
import { formatBytes } from '../../../shared/format/bytes';

const bad = (message: string) => new ApiFailure({ code: 'invalid_input', message });

/**
 * The path as meant: surrounding spaces and one pair of surrounding quotes dropped — Windows'
 * 复制文件地址 copies "D:\案卷\case-004" with its quotes, and an IME may turn them into “…”.
 */
export function unquote(path: string): string {
  const p = path.trim();
  const m = /^"(.*)"$/s.exec(p) ?? /^“(.*)”$/s.exec(p) ?? /^'(.*)'$/s.exec(p);
  return m ? m[1]!.trim() : p;
}

function absolute(path: string): string {
  const p = unquote(path);
  if (!isAbsolute(p)) throw bad(`请填写完整路径（从根目录或盘符开始）：${p}`);
  return p;
}

/** Where a file goes: an absolute file path in an existing folder, not an existing folder. */
export function exportTarget(path: string): string {
  const p = absolute(path);
  if (existsSync(p) && statSync(p).isDirectory()) throw bad(`这是一个文件夹，请在末尾加上文件名（如 离线交换包.json）：${p}`);
  const dir = dirname(p);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw bad(`文件夹不存在：${dir}（U 盘是否已插好？）`);
  return p;
}

/**
 * Why a bundle could not be written to `path` (the stick full, read-only or pulled out), in
 * Chinese: nothing was exported and nothing changed here. Not the data folder's disk.
 */
export function writeProblem(err: unknown, path: string, bytes: number): ApiFailure {
  const code = (err as NodeJS.ErrnoException).code;
  const kept = '交换包未导出，待发送的提交仍在队列中';
  const message =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? `目标位置空间不足（交换包约 ${formatBytes(bytes)}）：${path}；${kept}。请清理 U 盘或换一个位置后重试`
      : code === 'EROFS'
        ? `目标位置是只读的（U 盘是否打开了写保护？）：${path}；${kept}`
        : code === 'EACCES' || code === 'EPERM'
          ? `没有权限写入：${path}；${kept}`
          : code === 'ENOENT' || code === 'EIO' || code === 'ENODEV'
            ? `无法写入：${path}（U 盘是否已拔出？）；${kept}`
            : `无法写入：${path}（${(err as Error).message}）；${kept}`;
  return new ApiFailure({ code: 'conflict', message });
}

/** A case bundle to read: an existing .zip file or a package folder. */
export function importSource(path: string): string {
  const p = absolute(path);
  if (!existsSync(p)) throw bad(`找不到文件：${p}`);
  return p;
}

/** The real path (links resolved) of `p`, or of its nearest existing parent plus the rest. */
function real(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    const parent = dirname(p);
    return parent === p ? p : join(real(parent), p.slice(parent.length));
  }
}

/**
 * An offline bundle is carried away on a stick: inside the data folder it would only sit next to the
 * encrypted store, looking protected — and one written plain (--plain, or by an older version) holds
 * the parties' names, ID numbers and addresses in the clear. Refused there (links resolved, so
 * another spelling of the same folder is caught too).
 */
export function outsideDataDir(path: string, dataDir: string): string {
  const fold = (p: string) => (process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p);
  const rel = relative(fold(real(dataDir)), fold(real(path)));
  if (rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)))
    throw bad(`不能导出到数据目录中：离线交换包是要带出本机的文件，含当事人姓名、身份证号和住址，不应留在数据目录里。请保存到 U 盘或“文档”等数据目录以外的文件夹（数据目录：${dataDir}）`);
  return path;
}
