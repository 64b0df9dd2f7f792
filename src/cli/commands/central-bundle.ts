// `fashen central bundle <reviewer> [case id…] [--out file.zip]`: the offline bundle of a reviewer's
// assigned cases (GET /v1/admin/case-bundle) written to a file for a USB stick. Downloaded beside
// the target as .part, its listing checked against what the server said it holds, then renamed:
// a file under the target name is always a whole bundle. An existing file is never overwritten.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportTarget } from '../../main/services/sync/bundle-paths';
import { CALENDAR_FILE } from '../../shared/calendar/calendar-file';
import { formatBytes } from '../../shared/format/bytes';
import { chinaToday } from '../../shared/format/date';
import { listZipEntries, openZipFile } from '../../main/services/zip-read';
import { SealedFile } from '../../main/services/bundle-envelope/open';
import { sealToFile, startSeal } from '../../main/services/bundle-envelope/seal';
import { openSealedZip } from '../../main/services/bundle-envelope/sealed-zip';
import { passphraseProblem } from '../../shared/sync/bundle-passphrase';
import type { BundleSeal } from '../../main/services/sync/bundle';
import { CASE_BUNDLE_HEADERS } from '../../server/protocol';
import type { Io } from '../main';
import { CentralError, type CentralClient } from './central-client';

export interface CaseBundleWritten {
  path: string;
  /** Sealed with the bundle passphrase (false: --plain). */
  encrypted: boolean;
  cases: number;
  files: number;
  bytes: number;
  calendar: 'included' | 'none' | 'invalid';
}

/** The default file name in the current folder: 案卷交换包-<reviewer>-<China date>.fashen-cases (sealed: not a .zip any more), or .zip when plain. */
export const defaultBundleName = (user: string, now = new Date(), plain = false) => `案卷交换包-${user}-${chinaToday(now)}.${plain ? 'zip' : 'fashen-cases'}`;


async function openSealed(path: string, passphrase: string) {
  const file = await SealedFile.open(path, passphrase, 'case-bundle');
  return openSealedZip(file).catch(async (err: unknown) => {
    await file.close();
    throw err;
  });
}

/** What the zip holds: its case folders and whether calendar.json is at the root. */
async function listing(path: string, seal: BundleSeal): Promise<{ cases: number; calendar: boolean }> {
  const zip = seal === 'plain' ? await openZipFile(path) : await openSealed(path, seal.passphrase);
  try {
    const names = (await listZipEntries(zip)).map((e) => e.fileName);
    return { cases: names.filter((n) => /^[^/]+\/case\.json$/.test(n)).length, calendar: names.includes(CALENDAR_FILE) };
  } finally {
    zip.close();
  }
}

/** `seal`: the passphrase the admin tells the reviewer (by phone, never on the stick), or plain only on request. */
export async function writeCaseBundle(c: CentralClient, user: string, caseIds: string[], out: string, seal: BundleSeal): Promise<CaseBundleWritten> {
  const weak = seal === 'plain' ? null : passphraseProblem(seal.passphrase);
  if (weak) throw new CentralError(weak, null);
  if (existsSync(out)) throw new CentralError(`${out} 已存在，未覆盖；请换一个文件名（--out）或先移走它`, null);
  try {
    exportTarget(resolve(out)); // the folder must be there: a stick not mounted is not made on the local disk
  } catch (err) {
    throw new CentralError((err as Error).message, null);
  }
  const part = `${out}.part`;
  rmSync(part, { force: true }); // a download cut off earlier
  const query = new URLSearchParams({ user });
  for (const id of caseIds) query.append('case', id);
  try {
    // Sealed as it downloads: the plaintext never lands beside the target (often the stick itself).
    const sealing = seal === 'plain' ? null : await startSeal(seal.passphrase, 'case-bundle');
    const headers = await c.download(`/v1/admin/case-bundle?${query}`, part, sealing ? (body, to) => sealToFile(body, to, sealing) : undefined);
    const said = {
      cases: Number(headers.get(CASE_BUNDLE_HEADERS.cases)),
      files: Number(headers.get(CASE_BUNDLE_HEADERS.files)),
      bytes: Number(headers.get(CASE_BUNDLE_HEADERS.bytes)),
      calendar: (headers.get(CASE_BUNDLE_HEADERS.calendar) ?? 'none') as CaseBundleWritten['calendar'],
    };
    let held: { cases: number; calendar: boolean };
    try {
      held = await listing(part, seal);
    } catch (err) {
      throw new CentralError(`下载的交换包无法读取（不是完整的 .zip）：${(err as Error).message}`, null);
    }
    if (held.cases !== said.cases || held.calendar !== (said.calendar === 'included'))
      throw new CentralError(`下载的交换包与中心系统所述不符（应有 ${said.cases} 个案卷，实有 ${held.cases} 个），未保存`, null);
    renameSync(part, out);
    return { path: out, encrypted: seal !== 'plain', ...said };
  } finally {
    rmSync(part, { force: true });
  }
}

export function printCaseBundle(w: CaseBundleWritten, user: string, io: Io, json: boolean): void {
  if (json) {
    io.out(`${JSON.stringify(w, null, 2)}\n`);
    return;
  }
  io.out(`已生成案卷交换包 ${w.path}：审核员 ${user} 的 ${w.cases} 个案卷，${w.files} 个文件，${formatBytes(w.bytes)}\n`);
  if (w.calendar === 'included') io.out('  含工作日历（calendar.json），导入时一并更新工作站的节假日安排\n');
  else if (w.calendar === 'invalid') io.err('  注意：中心系统上的工作日历数据有误，未放入交换包（fashen central calendar set 重新发布）\n');
  else io.out('  未含工作日历（中心系统尚未发布）\n');
  if (w.encrypted) io.out('  已用交换包口令加密：口令请另行告知审核员（电话或当面），不要写在 U 盘上；工作站导入时输入\n');
  else io.err('  注意：未加密的交换包（--plain），含当事人姓名与身份证号，U 盘丢失即泄露\n');
  io.out('  在工作站上用“同步 → 导入案卷包”导入；之后联网同步时这些案卷不会重复下载\n');
}
