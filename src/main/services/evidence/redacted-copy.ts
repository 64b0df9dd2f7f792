// Export a redacted copy for publication (公示) from an item's redaction marks.
// The original blob is never modified; the copy is stored as a derived blob so it can be downloaded.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ApiFailure } from '../../../shared/api/result';
import type { RedactedCopy } from '../../../shared/api/evidence';
import { BlobRepo } from '../../db/repos/blobs';
import type { Workstation } from '../../workstation';
import { redactPdf, type RedactionMark } from '../redaction';
import { itemSha } from '../../handlers/evidence';

export async function exportRedactedCopy(ws: Workstation, caseId: string, itemId: string): Promise<RedactedCopy> {
  const { sha256, title, mime } = itemSha(ws, caseId, itemId);
  if (mime !== 'application/pdf') throw new ApiFailure({ code: 'invalid_input', message: '目前只能对 PDF 文件作公示处理' });
  const marks: RedactionMark[] = ws.annotations
    .list(caseId, itemId)
    .filter((a) => a.kind === 'redaction' && (a.anchor.type === 'text' || a.anchor.type === 'area'))
    .map((a) => {
      const anchor = a.anchor as Extract<typeof a.anchor, { page: number }>;
      return { page: anchor.page, rects: anchor.rects, origin: 'top-left' as const, reason: a.redactionReason ?? 'personal', ...(anchor.type === 'text' ? { text: anchor.quote.exact } : {}) };
    });
  if (!marks.length) throw new ApiFailure({ code: 'invalid_input', message: '尚未标记需要隐去的内容：请先在文件中选中文字或框选区域并标记为“个人信息”或“商业秘密”' });
  if ((await ws.integrity.check(sha256)) !== 'ok') throw new ApiFailure({ code: 'conflict', message: '原件校验未通过（已篡改或缺失），不能据此生成公示文本' });
  let result;
  try {
    result = await redactPdf(new Uint8Array(await ws.blobs.read(sha256)), marks, { label: '本件已作公示处理，隐去个人信息和商业秘密' });
  } catch (err) {
    throw new ApiFailure({ code: 'invalid_input', message: (err as Error).message });
  }
  const staged = await ws.blobs.stage(Readable.from(Buffer.from(result.pdf)));
  await ws.blobs.commit(staged);
  const out = createHash('sha256').update(result.pdf).digest('hex');
  new BlobRepo(ws.store.db).insertDerived({ sha256: out, size: result.pdf.byteLength, mime: 'application/pdf', derivedFrom: sha256 }, new Date().toISOString());
  return { sha256: out, fileName: `${title}（公示版）.pdf`, size: result.pdf.byteLength, pagesRasterized: result.pagesRasterized, removedTextItems: result.removedTextItems, remainingOccurrences: result.remainingOccurrences };
}
