// 导出原件: an item's original file copied out of the workstation, for a format it cannot show
// (.docx, TIFF, H.265). Like every export it passes the approval policy and the audit log (rules.ts);
// the hash is checked first, so a changed file is never handed out as the original.
import { extname } from 'node:path';
import { EXPORT_ORIGINAL_MAX_BYTES, type OriginalExport } from '../../../shared/api/evidence';
import { ApiFailure } from '../../../shared/api/result';
import type { Workstation } from '../../workstation';
import { itemSha } from '../../handlers/evidence';

const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

export async function exportOriginal(ws: Workstation, caseId: string, itemId: string): Promise<OriginalExport> {
  const item = itemSha(ws, caseId, itemId);
  if (item.size === null || !ws.blobs.has(item.sha256)) throw new ApiFailure({ code: 'not_found', message: `“${item.title}”的文件不在本机，请先同步或导入案卷` });
  if (item.size > EXPORT_ORIGINAL_MAX_BYTES)
    throw new ApiFailure({ code: 'conflict', message: `“${item.title}”有 ${(item.size / 1024 / 1024).toFixed(0)} MB，超过经工作台导出的上限 ${EXPORT_ORIGINAL_MAX_BYTES / 1024 / 1024} MB；请向承办机构索取原件` });
  const state = await ws.integrity.check(item.sha256, true);
  if (state !== 'ok') throw new ApiFailure({ code: 'conflict', message: `“${item.title}”的文件与案卷记录的哈希值不符（${state === 'missing' ? '缺失' : '已被改动'}），不能作为原件导出` });
  const bytes = await ws.blobs.read(item.sha256);
  const fileName = `${item.title.replace(UNSAFE, '_').slice(0, 80)}${extname(item.path)}`;
  return { sha256: item.sha256, mime: item.mime, size: bytes.length, fileName, base64: Buffer.from(bytes).toString('base64') };
}
