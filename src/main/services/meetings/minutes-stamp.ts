// Timestamps added to signed minutes on their way out (补加时间戳), the counterpart of
// opinions/stamp-record.ts: the stamped submission JSON is stored as a blob, and the minutes row is
// pointed at it (submissionSha256) — in the transaction that replaces the outbox payload, so the
// stored file and the outbox copy never differ. The stamp is on the submitter's signature; in
// minutes signed before the recorder signed the content separately, that was the recorder's stored
// signature, which then carries the timestamp too. The PDF is left as signed: the submission names its sha256 (`pdfSha256`), and a PDF
// signature timestamp would change the file under that signed hash.
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import * as t from '../../db/schema';
import { BlobRepo } from '../../db/repos/blobs';
import type { BlobStore } from '../blob-store';
import type { DetachedSignature } from '../signing/index';
import type { OpinionStampResult } from '../opinions/stamp-record';

/**
 * The minutes are the ones the submission carries (a submission made by 重新签署 has an id of its
 * own). Null when they are no minutes of this workstation: then only the outbox payload changes.
 */
export async function prepareMinutesStamp(
  deps: { db: Db; blobs: BlobStore },
  submissionJson: string,
  stamped: DetachedSignature,
  at: string,
): Promise<OpinionStampResult | null> {
  const minutesId = (JSON.parse(submissionJson) as { content?: { minutes?: { minutesId?: unknown } } }).content?.minutes?.minutesId;
  if (typeof minutesId !== 'string') return null;
  const row = deps.db.select().from(t.meetingMinutes).where(eq(t.meetingMinutes.id, minutesId)).get();
  if (!row?.recorderSignatureJson) return null;
  const staged = await deps.blobs.stage(Readable.from(Buffer.from(submissionJson, 'utf8')));
  await deps.blobs.commit(staged);
  new BlobRepo(deps.db).insertDerived({ sha256: staged.sha256, size: staged.size, mime: 'application/json', derivedFrom: row.contentHash }, at);
  const stored = JSON.parse(row.recorderSignatureJson) as { role: string; name: string; signature?: string };
  const recorderSignatureJson = stored.signature === stamped.signature ? JSON.stringify({ ...stamped, role: stored.role, name: stored.name }) : row.recorderSignatureJson;
  return {
    pdf: 'none',
    apply: (db) => {
      db.update(t.meetingMinutes).set({ submissionSha256: staged.sha256, recorderSignatureJson, updatedAt: at }).where(eq(t.meetingMinutes.id, minutesId)).run();
    },
  };
}
