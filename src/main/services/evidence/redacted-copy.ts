// Export a redacted copy for publication (公示) from an item's redaction marks.
// The original blob is never modified; the copy is stored as a derived blob so it can be downloaded.
//
// Marks made on an earlier version of a re-imported file: their stored rectangles belong to the old
// pages. A text mark is removed by its quote in the current version (on the page it is found on,
// as the viewer shows it); a quote no longer there is reported, not guessed at. An area mark has
// nothing to locate it by, so the copy is refused until the reviewer has drawn it again.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ApiFailure } from '../../../shared/api/result';
import type { Annotation, RedactedCopy } from '../../../shared/api/evidence';
import { BlobRepo } from '../../db/repos/blobs';
import type { Workstation } from '../../workstation';
import { redactPdf, type RedactionMark } from '../redaction';
import { itemSha } from '../../handlers/evidence';
import { withFileState } from './annotation-file-state';

type PagedAnchor = Extract<Annotation['anchor'], { page: number }>;

interface Plan {
  marks: RedactionMark[];
  reanchored: RedactedCopy['reanchored'];
}

function planMarks(title: string, annotations: Annotation[]): Plan {
  const plan: Plan = { marks: [], reanchored: [] };
  const stale: number[] = [];
  for (const a of annotations) {
    const anchor = a.anchor as PagedAnchor;
    const reason = a.redactionReason ?? 'personal';
    if (!a.fileUpdated) {
      plan.marks.push({ page: anchor.page, rects: anchor.rects, origin: 'top-left', reason, ...(anchor.type === 'text' ? { text: anchor.quote.exact } : {}) });
      continue;
    }
    if (anchor.type !== 'text' || a.fileUpdated.quote === null) {
      stale.push(anchor.page);
      continue;
    }
    const text = anchor.quote.exact;
    if (a.fileUpdated.quote === 'not_found') {
      plan.reanchored.push({ text, from: anchor.page, to: null });
      continue;
    }
    const to = a.fileUpdated.page ?? anchor.page;
    plan.marks.push({ page: to, rects: [], locate: 'text', reason, text });
    plan.reanchored.push({ text, from: anchor.page, to });
  }
  if (stale.length) {
    const pages = [...new Set(stale)].sort((x, y) => x - y).join('、');
    throw new ApiFailure({
      code: 'conflict',
      message: `“${title}”已更新，第 ${pages} 页有 ${stale.length} 处遮盖标记是在旧版本上框选的，在新版本中无法确定位置。请在新版本上核对，删除这些标记并重新框选后再导出公示版。`,
    });
  }
  return plan;
}

export async function exportRedactedCopy(ws: Workstation, caseId: string, itemId: string): Promise<RedactedCopy> {
  const { sha256, title, mime } = itemSha(ws, caseId, itemId);
  if (mime !== 'application/pdf') throw new ApiFailure({ code: 'invalid_input', message: '目前只能对 PDF 文件作公示处理' });
  const redactions = ws.annotations.list(caseId, itemId).filter((a) => a.kind === 'redaction' && (a.anchor.type === 'text' || a.anchor.type === 'area'));
  if (!redactions.length) throw new ApiFailure({ code: 'invalid_input', message: '尚未标记需要隐去的内容：请先在文件中选中文字或框选区域并标记为“个人信息”或“商业秘密”' });
  const { marks, reanchored } = planMarks(title, withFileState(ws, redactions));
  if (!marks.length) throw new ApiFailure({ code: 'invalid_input', message: `“${title}”已更新，遮盖标记的原文在新版本中都未找到，没有可隐去的内容。请在新版本上重新标记。` });
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
  return {
    sha256: out,
    fileName: `${title}（公示版）.pdf`,
    size: result.pdf.byteLength,
    pagesRasterized: result.pagesRasterized,
    removedTextItems: result.removedTextItems,
    remainingOccurrences: result.remainingOccurrences,
    reanchored,
  };
}
