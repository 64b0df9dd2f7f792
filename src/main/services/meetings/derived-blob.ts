// Files the meeting produces (masked screen images, minutes PDF/.docx, submissions) go into the
// content-addressed blob store as derived blobs, so they can be served and verified like any other.
import { Readable } from 'node:stream';
import { BlobRepo } from '../../db/repos/blobs';
import type { Workstation } from '../../workstation';

export async function storeDerivedBlob(ws: Workstation, bytes: Uint8Array, mime: string, derivedFrom: string): Promise<string> {
  const staged = await ws.blobs.stage(Readable.from(Buffer.from(bytes)));
  await ws.blobs.commit(staged);
  new BlobRepo(ws.store.db).insertDerived({ sha256: staged.sha256, size: staged.size, mime, derivedFrom }, new Date().toISOString());
  return staged.sha256;
}
