// Timestamps added to signed minutes on their way out (补加时间戳), the counterpart of
// opinions/stamp-record.ts: the stamped submission JSON is stored as a blob, and the minutes row is
// pointed at it (submissionSha256) with the recorder's stored signature carrying the timestamp — in
// the transaction that replaces the outbox payload, so the stored file and the outbox copy never
// differ. The PDF is left as signed: the submission names its sha256 (`pdfSha256`), and a PDF
// signature timestamp would change the file under that signed hash.
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import * as t from '../../db/schema';
import { BlobRepo } from '../../db/repos/blobs';
import type { BlobStore } from '../blob-store';
import type { DetachedSignature } from '../signing/index';
import type { OpinionStampResult } from '../opinions/stamp-record';

/** Null when `minutesId` is no minutes of this workstation: then only the outbox payload changes. */
export async function prepareMinutesStamp(
  deps: { db: Db; blobs: BlobStore },
  minutesId: string,
  submissionJson: string,
  stamped: DetachedSignature,
  at: string,
): Promise<OpinionStampResult | null> {
  const row = deps.db.select().from(t.meetingMinutes).where(eq(t.meetingMinutes.id, minutesId)).get();
  if (!row?.recorderSignatureJson) return null;
  const staged = await deps.blobs.stage(Readable.from(Buffer.from(submissionJson, 'utf8')));
  await deps.blobs.commit(staged);
  new BlobRepo(deps.db).insertDerived({ sha256: staged.sha256, size: staged.size, mime: 'application/json', derivedFrom: row.contentHash }, at);
  const stored = JSON.parse(row.recorderSignatureJson) as { role: string; name: string };
  const recorderSignatureJson = JSON.stringify({ ...stamped, role: stored.role, name: stored.name });
  return {
    pdf: 'none',
    apply: (db) => {
      db.update(t.meetingMinutes).set({ submissionSha256: staged.sha256, recorderSignatureJson, updatedAt: at }).where(eq(t.meetingMinutes.id, minutesId)).run();
    },
  };
}
