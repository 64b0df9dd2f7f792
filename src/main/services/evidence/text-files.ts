// The text of evidence that is not a PDF but is text all the same — plain-text records (chat logs,
// exports: 电子数据) and Word documents (.docx) — for the search index and the pane's text preview.
// A .docx is read with mammoth (a maintained .docx reader; its raw-text mode keeps the paragraphs
// and drops formatting and images), never rendered as HTML: evidence files are not trusted.
import mammoth from 'mammoth';
import { decodeText, DOCX_MIME, isTextMime, looksBinary, TEXT_PREVIEW_BYTES } from '../../../shared/text/decode';

/** Word documents larger than this are not read for their text (guards memory; the file stays). */
export const MAX_DOCX_BYTES = 64 * 1024 * 1024;

export type TextKind = 'text' | 'docx';

export function textKindOf(mime: string | null): TextKind | null {
  if (!mime) return null;
  if (mime === DOCX_MIME) return 'docx';
  return isTextMime(mime) ? 'text' : null;
}

export type TextExtraction = { ok: true; text: string } | { ok: false; message: string };

/** A text file's first TEXT_PREVIEW_BYTES as the pane shows them (UTF-8, else GB18030). */
export function plainText(bytes: Uint8Array): TextExtraction {
  if (looksBinary(bytes)) return { ok: false, message: '文件标为文本，但内容不是文本（含二进制数据），未建立全文索引' };
  return { ok: true, text: decodeText(bytes.subarray(0, TEXT_PREVIEW_BYTES)).text };
}

/** The paragraphs of a .docx as text, one per line; a file that is not a readable .docx says so. */
export async function docxText(bytes: Buffer): Promise<TextExtraction> {
  if (bytes.length > MAX_DOCX_BYTES) return { ok: false, message: `Word 文档超过 ${MAX_DOCX_BYTES / 1024 / 1024} MB，未提取文字` };
  try {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    // mammoth ends every paragraph with a blank line; one line per paragraph reads as the document does.
    return { ok: true, text: value.replace(/\n{2,}/g, '\n').trim() };
  } catch {
    return { ok: false, message: '无法读取 Word 文档的文字（文件损坏或不是 .docx 格式）' };
  }
}
