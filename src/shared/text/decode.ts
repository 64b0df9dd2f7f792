// Bytes of a text file as a string: UTF-8 when it is valid UTF-8 (BOM or not), else GB18030.
// Shared by the pane that shows text evidence and the search index that holds its text, so what
// is found is what is shown: the same first TEXT_PREVIEW_BYTES, decoded the same way.
export const TEXT_PREVIEW_BYTES = 2 * 1024 * 1024;

// The WHATWG Encoding API is in every runtime this code runs in (Node, Chromium), though not in
// the ES library src/shared is checked against: declared here, for this module only.
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };

/** Files shown and indexed as plain text (chat logs, exported records, CSV, JSON, XML). */
export const isTextMime = (mime: string): boolean => /^text\/(plain|csv)|^application\/(json|xml)$|^text\/xml$/.test(mime.toLowerCase());

/** A Word document (.docx): its text is indexed and shown as a text preview; the file itself is exported. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Bytes that are not text whatever their label says (an image or a database named .txt): a NUL
 * byte, or many control characters, in the first 8 KiB. UTF-16 (which has NULs) is told by its BOM first.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16(bytes)) return false;
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > head.length * 0.1;
}

/** Windows Notepad's 「Unicode」 is UTF-16 with a byte-order mark. */
function utf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const wide = utf16(bytes);
  // (an odd byte left by a cut preview is dropped)
  if (wide) return { text: new TextDecoder(wide).decode(bytes.subarray(0, bytes.length - (bytes.length % 2))), encoding: wide === 'utf-16le' ? 'UTF-16' : 'UTF-16BE' };
  // A preview cut at its limit may split the last UTF-8 character: up to 3 bytes are let go.
  for (let cut = 0; cut <= Math.min(3, bytes.length); cut++) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut)), encoding: 'UTF-8' };
    } catch {
      // try a shorter tail, then GB18030
    }
  }
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
}
