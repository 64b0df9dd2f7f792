// What a file really is, from its bytes (file-type), so a lying extension can't fool the viewer.
import { Readable } from 'node:stream';
import { fileTypeFromBuffer, fileTypeFromFile, fileTypeFromStream } from 'file-type';

export async function sniffMime(path: string): Promise<string | null> {
  try {
    return (await fileTypeFromFile(path))?.mime ?? null;
  } catch {
    return null;
  }
}

/** The same from a stream (a decrypting blob stream: the store's files are encrypted). */
export async function sniffMimeStream(stream: Readable): Promise<string | null> {
  try {
    return (await fileTypeFromStream(Readable.toWeb(stream) as ReadableStream<Uint8Array>))?.mime ?? null;
  } catch {
    return null;
  } finally {
    stream.destroy();
  }
}

/** The same from the first bytes of a file (captured while it was staged or downloaded). */
export async function sniffMimeHead(head: Uint8Array): Promise<string | null> {
  try {
    return (await fileTypeFromBuffer(head))?.mime ?? null;
  } catch {
    return null;
  }
}

/**
 * Containers told apart by entries further in than the first bytes (a .docx is a zip whose
 * entries say so; Office 97 files are all CFB): sniff these from the whole stream.
 */
export function headMayNotTell(mime: string | null): boolean {
  return mime === 'application/zip' || mime === 'application/x-cfb';
}

const KIND_NAMES: Record<string, string> = {
  'application/pdf': 'PDF 文档',
  'image/png': 'PNG 图像',
  'image/jpeg': 'JPEG 图像',
  'image/gif': 'GIF 图像',
  'image/webp': 'WebP 图像',
  'video/mp4': 'MP4 视频',
  'audio/mpeg': 'MP3 音频',
  'audio/wav': 'WAV 音频',
  'audio/ogg': 'OGG 音频',
  'video/webm': 'WebM 视频',
  'application/zip': 'ZIP 压缩文件',
  'text/plain': '文本文件',
  'application/msword': 'Word 97-2003 文档',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档（.docx）',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格（.xlsx）',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint 演示文稿（.pptx）',
};

const kindName = (mime: string) => KIND_NAMES[mime] ?? mime;
/** .docx, .xlsx, .pptx: ZIP files with a known inside. */
const isOfficeOpenXml = (mime: string) => mime.startsWith('application/vnd.openxmlformats-officedocument.');

const family = (m: string) => m.split('/')[0];

/** A zh-CN note when the declared type and the bytes disagree in a way that matters. */
export function mimeMismatch(declared: string, detected: string | null): string | null {
  if (!detected || detected === declared) return null;
  // image/jpg vs image/jpeg, audio/x-wav vs audio/wav and the like are the same thing.
  if (family(declared) === family(detected) && family(detected) !== 'application') {
    return declared.replace('x-', '') === detected ? null : `文件扩展名/类型（${kindName(declared)}）与实际内容（${kindName(detected)}）不符，已按实际类型显示`;
  }
  // An Office file whose inside is not there (cut short, or a ZIP renamed): say it is damaged.
  if (isOfficeOpenXml(declared) && detected === 'application/zip') return `文件声明为 ${kindName(declared)}，但内容只是一般的 ZIP 压缩文件，可能已损坏`;
  return `文件声明为 ${kindName(declared)}，实际内容是 ${kindName(detected)}，已按实际类型显示`;
}
