// A folder given to import that is not itself a package (no case.json): a USB stick's folder of
// case folders or .zip files, which a reviewer expects to import in one go. Each package in it is
// imported on its own (case-bundle.ts); this says what the folder holds, one level deep.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface PackageFolder {
  /** The case folders (each holding case.json) and the .zip (or sealed .fashen-cases) files, in name order (case-2 before case-10). */
  entries: { path: string; zip: boolean }[];
}

const byName = new Intl.Collator('zh-CN', { numeric: true }).compare;

const isFile = (p: string) => statSync(p, { throwIfNoEntry: false })?.isFile() === true;

/**
 * What an existing folder without case.json holds: its packages, or (none there) a zh-CN line on
 * what was expected. null: not a folder, a package folder itself, or unreadable (the importer says so).
 */
export function packageFolder(path: string): PackageFolder | { problem: string } | null {
  if (!existsSync(path) || !statSync(path).isDirectory() || existsSync(join(path, 'case.json'))) return null;
  let names: string[];
  try {
    names = readdirSync(path);
  } catch {
    return null;
  }
  const entries = names
    .sort(byName)
    .flatMap((n) => {
      const p = join(path, n);
      // A sealed case bundle (.fashen-cases) goes the way of a .zip: case-bundle.ts knows it by its first bytes.
      if (/\.(zip|fashen-cases)$/i.test(n) && isFile(p)) return [{ path: p, zip: true }];
      return isFile(join(p, 'case.json')) ? [{ path: p, zip: false }] : [];
    });
  if (entries.length) return { entries };
  return { problem: `这个文件夹中没有 case.json，也没有案卷文件夹或 .zip 文件：${path}。请填写案卷文件夹（含有 case.json）、案卷包或中心系统交换包（.zip 文件），或装有它们的文件夹的路径` };
}
