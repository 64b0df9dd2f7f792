// What the blob links (host /blobs/<sha>, desktop app://fashen/blobs/<sha>) may serve. The records
// the workstation makes — opinion previews and signed versions, meeting minutes, submissions — are
// derived from a content hash rather than from a case file. Copying them out must pass the export
// policy and the audit log (opinions.export, opinions.exportPreview, meetings.exportMinutes), so a
// link serves them only for display inside the app: their PDFs to the viewer's own requests, never
// to a page load, a download or a browser PDF plug-in; their .docx and JSON files (which the app
// never displays) not at all. Case files and copies made from them (the 公示版 made by an approved,
// logged export; masked screen images) are served as before.
import type { BlobRow } from '../../db/repos/blobs';

export const RECORD_DOWNLOAD_REFUSED = '此文件只能在工作台中查看；复制、导出请使用“下载”（按本单位规定须经批准，并记入审计记录）';

/** How the request was made, from the Fetch Metadata headers a browser sets (scripts cannot). */
export interface BlobRequestKind {
  'sec-fetch-mode'?: string | null | undefined;
  'sec-fetch-dest'?: string | null | undefined;
}

/** On every blob answer: a copy cached for the viewer must not be reused for a page load or download. */
export const BLOB_VARY = 'Sec-Fetch-Mode, Sec-Fetch-Dest';

/** A page load, a download (`<a download>`: mode navigate) or an embedded document viewer. */
export function isSavingRequest(h: BlobRequestKind): boolean {
  const dest = h['sec-fetch-dest'] ?? '';
  return h['sec-fetch-mode'] === 'navigate' || ['document', 'iframe', 'frame', 'embed', 'object'].includes(dest);
}

export interface BlobLookup {
  blobKnown(sha256: string): BlobRow | undefined;
}

/** A record made here (derived from a content hash, not from a stored file). */
export function isRecordDocument(cases: BlobLookup, row: BlobRow): boolean {
  return row.derivedFrom !== null && cases.blobKnown(row.derivedFrom) === undefined;
}

export type BlobAccess = { ok: true; row: BlobRow } | { ok: false; status: 403 | 404; message: string };

export function blobAccess(cases: BlobLookup, sha256: string, request: BlobRequestKind): BlobAccess {
  const row = cases.blobKnown(sha256);
  if (!row) return { ok: false, status: 404, message: '未找到' };
  if (isRecordDocument(cases, row) && (row.mime !== 'application/pdf' || isSavingRequest(request))) return { ok: false, status: 403, message: RECORD_DOWNLOAD_REFUSED };
  return { ok: true, row };
}
