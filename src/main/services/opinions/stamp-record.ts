// Timestamps added to a signed opinion on its way out (补加时间戳): the sync stamps the submission's
// detached signature before the first send; this brings the opinion's own record along — the
// stamped submission JSON and the PDF with a signature timestamp are stored as blobs, and the
// record is pointed at them in the same transaction that replaces the outbox payload. Nothing that
// was signed changes: a timestamp is an unsigned addition (see signing/stamp-later.ts).
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import * as t from '../../db/schema';
import { BlobRepo } from '../../db/repos/blobs';
import type { BlobStore } from '../blob-store';
import { stampPendingPdf, type DetachedSignature, type TimestampClient } from '../signing/index';

async function storeBlob(db: Db, blobs: BlobStore, bytes: Uint8Array, mime: string, derivedFrom: string, at: string): Promise<string> {
  const staged = await blobs.stage(Readable.from(Buffer.from(bytes)));
  await blobs.commit(staged);
  new BlobRepo(db).insertDerived({ sha256: staged.sha256, size: staged.size, mime, derivedFrom }, at);
  return staged.sha256;
}

export interface OpinionStampResult {
  /** Applies the record change; run it in the transaction that replaces the outbox payload. */
  apply(db: Db): void;
  /** The PDF's own signature timestamp: granted, or why not (the PDF then stays 待加盖时间戳). */
  pdf: 'granted' | { pending: string } | 'none';
}

/**
 * Prepares the opinion record for a stamped submission. Null when `opinionId` is no opinion of this
 * workstation (e.g. meeting minutes): then only the outbox payload changes.
 */
export async function prepareOpinionStamp(
  deps: { db: Db; blobs: BlobStore },
  opinionId: string,
  submissionJson: string,
  stamped: DetachedSignature,
  client: TimestampClient,
  at: string,
): Promise<OpinionStampResult | null> {
  const row = deps.db.select().from(t.opinions).where(eq(t.opinions.id, opinionId)).get();
  if (!row) return null;
  let pdfSha256 = row.pdfSha256;
  let pdf: OpinionStampResult['pdf'] = 'none';
  if (pdfSha256 && deps.blobs.has(pdfSha256)) {
    const stampedPdf = await stampPendingPdf(new Uint8Array(await deps.blobs.read(pdfSha256)), client);
    const first = stampedPdf.results[0];
    if (first?.status === 'granted') {
      pdfSha256 = await storeBlob(deps.db, deps.blobs, stampedPdf.bytes, 'application/pdf', row.contentHash, at);
      pdf = 'granted';
    } else if (first) pdf = { pending: first.reason };
  }
  const submissionSha256 = await storeBlob(deps.db, deps.blobs, new TextEncoder().encode(submissionJson), 'application/json', row.contentHash, at);
  const signatureJson = JSON.stringify({ ...stamped, submissionSha256 });
  return {
    pdf,
    apply: (db) => {
      db.update(t.opinions).set({ pdfSha256, signatureJson }).where(eq(t.opinions.id, opinionId)).run();
    },
  };
}
