// Redaction's use of pdf.js: opening with zh-CN errors, and the glyph widths of a page's fonts.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { documentOptions, pdfjs as loadPdfjs } from '../pdfjs-node';

/** Every failure of a redaction carries a zh-CN message meant for the user. */
export class RedactionError extends Error {
  override name = 'RedactionError';
}

/**
 * Open a PDF with pdf.js. `data` is copied first: pdf.js may take ownership of (detach) the
 * buffer it is given, and the caller's bytes must stay untouched.
 */
export async function openWithPdfjs(data: Uint8Array): Promise<{ doc: PDFDocumentProxy; close: () => Promise<void> }> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({ ...documentOptions(data.slice()), verbosity: pdfjs.VerbosityLevel.ERRORS });
  try {
    const doc = await task.promise;
    return { doc, close: () => task.destroy() };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string } | null)?.name;
    if (name === 'PasswordException') throw new RedactionError('PDF 已加密，无法作公示处理');
    const detail = err instanceof Error ? err.message : String(err);
    throw new RedactionError(`无法读取 PDF：${name === 'InvalidPDFException' ? '文件不是有效的 PDF 或已损坏' : '文件已损坏'}（${detail}）`);
  }
}

interface GlyphLike {
  unicode?: string;
  width?: number;
}

/**
 * Advance widths (1/1000 em) of the characters each font of the page actually shows, read from
 * the page's operator list: font loaded name → code point → width. Lets the text-item geometry
 * place characters with the page's real metrics instead of guessing.
 */
export async function glyphWidths(page: PDFPageProxy): Promise<Map<string, Map<number, number>>> {
  const { OPS } = await loadPdfjs();
  const ops = await page.getOperatorList();
  const out = new Map<string, Map<number, number>>();
  let current: Map<number, number> | undefined;
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.setFont) {
      const name = String(args?.[0]);
      current = out.get(name) ?? new Map<number, number>();
      out.set(name, current);
    } else if (fn === OPS.showText && current && Array.isArray(args?.[0])) {
      for (const g of args[0] as (GlyphLike | number)[]) {
        if (typeof g !== 'object' || !g || typeof g.unicode !== 'string' || typeof g.width !== 'number') continue;
        const cps = Array.from(g.unicode);
        if (cps.length === 1) current.set(cps[0]!.codePointAt(0)!, g.width);
      }
    }
  });
  return out;
}
