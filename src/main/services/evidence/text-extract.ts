// Extracts the text of every PDF page in the back end (never in the UI thread).
import { classifyPdfError, documentOptions, pdfjs, type PdfProblem } from '../pdfjs-node';

export type Extraction = { ok: true; pages: string[] } | { ok: false; state: PdfProblem; message: string };

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

export async function extractPdfText(data: Uint8Array): Promise<Extraction> {
  if (data.byteLength === 0) return { ok: false, state: 'failed', message: '文件为空（0 字节），不是有效的 PDF' };
  const { getDocument } = await pdfjs();
  const task = getDocument(documentOptions(data));
  try {
    const doc = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items as TextItemLike[]) {
        if (typeof item.str === 'string') text += item.str;
        if (item.hasEOL) text += '\n';
      }
      pages.push(text);
      page.cleanup();
    }
    return { ok: true, pages };
  } catch (err) {
    return { ok: false, ...classifyPdfError(err) };
  } finally {
    await task.destroy();
  }
}
