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

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
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
