// The blob-link rule for records made on the workstation (blob-access.ts): which requests are a
// copy being saved (Fetch Metadata), which blobs are such records, and the desktop's link parser.
import { describe, expect, it } from 'vitest';
import { appBlobSha } from '../../src/main/app/guards/url-policy';
import { blobAccess, isSavingRequest, RECORD_DOWNLOAD_REFUSED } from '../../src/main/services/audit/blob-access';
import type { BlobRow } from '../../src/main/db/repos/blobs';

const sha = (c: string) => c.repeat(64);
const row = (s: string, mime: string, derivedFrom: string | null): BlobRow => ({ sha256: s, size: 10, mime, storedAt: '', verifiedState: 'ok', verifiedAt: '', detectedMime: mime, pageCount: null, textState: 'none', problem: null, derivedFrom });
// A case file, a 公示版 copy made from it, and an opinion's PDF and .docx made from a content hash.
const rows = new Map<string, BlobRow>([
  [sha('a'), row(sha('a'), 'application/pdf', null)],
  [sha('b'), row(sha('b'), 'application/pdf', sha('a'))],
  [sha('c'), row(sha('c'), 'application/pdf', sha('f'))],
  [sha('d'), row(sha('d'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sha('f'))],
]);
const cases = { blobKnown: (s: string) => rows.get(s) };
const VIEWER = { 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' };

describe('blob links of records made here', () => {
  it('tells a page load, a download or an embedded viewer from the in-app viewer', () => {
    expect(isSavingRequest({ 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' })).toBe(true);
    expect(isSavingRequest({ 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'empty' })).toBe(true);
    expect(isSavingRequest({ 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'embed' })).toBe(true);
    expect(isSavingRequest({ 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'iframe' })).toBe(true);
    expect(isSavingRequest(VIEWER)).toBe(false);
    expect(isSavingRequest({ 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' })).toBe(false);
  });

  it('serves case files and copies of them as before; records only to the viewer, their .docx never', () => {
    const page = { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' };
    expect(blobAccess(cases, sha('a'), page)).toMatchObject({ ok: true });
    expect(blobAccess(cases, sha('b'), page)).toMatchObject({ ok: true });
    expect(blobAccess(cases, sha('c'), VIEWER)).toMatchObject({ ok: true });
    expect(blobAccess(cases, sha('c'), page)).toEqual({ ok: false, status: 403, message: RECORD_DOWNLOAD_REFUSED });
    expect(blobAccess(cases, sha('d'), VIEWER)).toEqual({ ok: false, status: 403, message: RECORD_DOWNLOAD_REFUSED });
    expect(blobAccess(cases, sha('e'), VIEWER)).toMatchObject({ ok: false, status: 404 });
  });

  it('finds the sha256 of an app://fashen blob link only', () => {
    expect(appBlobSha(`app://fashen/blobs/${sha('c')}`)).toBe(sha('c'));
    expect(appBlobSha(`app://fashen/blobs/${sha('c')}?x=1`)).toBe(sha('c'));
    expect(appBlobSha(`app://other/blobs/${sha('c')}`)).toBeNull();
    expect(appBlobSha(`app://user@fashen/blobs/${sha('c')}`)).toBeNull();
    expect(appBlobSha(`blob:app://fashen/${sha('c')}`)).toBeNull();
    expect(appBlobSha('app://fashen/blobs/xyz')).toBeNull();
    expect(appBlobSha('not a url')).toBeNull();
  });
});
