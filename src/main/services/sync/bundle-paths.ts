// Paths of the files that travel on a USB stick, checked before anything is read or written, so a
// wrong folder gets a clear zh-CN answer. A missing folder is refused, never made: a stick that is
// not mounted would otherwise have its bundle written to the local disk under the mount point.
// The app's form asks for absolute paths; the command line resolves relative ones first.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute } from 'node:path';
import { ApiFailure } from '../../../shared/api/result';

const bad = (message: string) => new ApiFailure({ code: 'invalid_input', message });

function absolute(path: string): string {
  const p = path.trim();
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

/** A case bundle to read: an existing .zip file or a package folder. */
export function importSource(path: string): string {
  const p = absolute(path);
  if (!existsSync(p)) throw bad(`找不到文件：${p}`);
  return p;
}
