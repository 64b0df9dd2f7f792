// Timestamps before the first send (补加时间戳). A submission signed offline is marked 待加盖时间戳;
// before the push, each queued entry that has never left this workstation (attempts = 0: no try
// started, not in an offline bundle) gets an RFC 3161 timestamp over its signature, and its outbox
// payload is replaced by the stamped one — in one statement guarded by `attempts = 0`, together with
// the opinion's or minutes' record (stamped submission JSON, and an opinion's PDF). An entry that may already be on the server
// is never touched: the server must never see two bodies under one id (it would answer 409).
//  - No TSA configured: entries go out as they are; the run says how many lack a timestamp.
//  - TSA configured but failing: the first such entry and everything after it wait (the outbox goes
//    in order); the next sync tries again. Never a local clock reading in place of a timestamp.
//  - A token the central system would not trust (its TSA chain does not reach the central system's
//    trust anchors) is not used: the submission would be refused for good.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import * as t from '../../db/schema';
import type { BlobStore } from '../blob-store';
import { prepareMinutesStamp } from '../meetings/minutes-stamp';
import { prepareOpinionStamp } from '../opinions/stamp-record';
import { checkTimestampToken } from '../signing/cms-verify';
import { stampDetached, type DetachedSignature, type TimestampClient } from '../signing/index';
import { sha256 } from '../signing/pem';
import type { OutboxRow, SyncStateRepo } from './state';

export interface StampOutcome {
  /** Entries stamped in this run. */
  stamped: number;
  /** Entries that go out without a timestamp because no TSA is configured. */
  unstamped: number;
  /** The first entry that waits for its timestamp (the push stops there), or null. */
  holdFrom: string | null;
  /** How many wait, and why (zh-CN). */
  held: number;
  reason: string | null;
  /** Opinion PDFs whose own signature could not be stamped (the submission was). */
  pdfPending: number;
}

interface SubmissionFile {
  format?: unknown;
  version?: unknown;
  content?: unknown;
  signature?: DetachedSignature;
}

type Unstamped = SubmissionFile & { signature: DetachedSignature };

/** The submission of a queued entry that never left and still lacks a timestamp; else null. */
function unstamped(row: OutboxRow): Unstamped | null {
  if (row.attempts > 0 || row.state !== 'queued') return null;
  let f: SubmissionFile;
  try {
    f = JSON.parse(row.payloadJson) as SubmissionFile;
  } catch {
    return null; // the push reports it
  }
  if (!f || f.format !== 'fashen-signed-submission' || !f.signature || typeof f.signature.signature !== 'string') return null;
  return f.signature.timestamp?.status === 'granted' ? null : (f as Unstamped);
}

/** What stamping one entry came to. */
export type EntryStamp = { status: 'stamped'; pdfPending: boolean } | { status: 'skipped' } | { status: 'lost' } | { status: 'failed'; reason: string };

/**
 * Stamps one queued entry that never left (attempts = 0), with its record (opinion or minutes) in
 * the same transaction as the outbox payload. `commit` wraps that transaction (the signing-time
 * stamp takes the sync lock there); 'lost' means the entry changed or went out meanwhile.
 */
export async function stampEntry(
  deps: { db: Db; blobs: BlobStore; trustAnchors: readonly string[] | null; now: () => Date },
  row: OutboxRow,
  client: TimestampClient,
  commit: (write: () => boolean) => boolean = (write) => write(),
): Promise<EntryStamp> {
  const file = unstamped(row);
  return file ? stampFile(deps, row, file, client, commit) : { status: 'skipped' };
}

async function stampFile(
  deps: { db: Db; blobs: BlobStore; trustAnchors: readonly string[] | null; now: () => Date },
  row: OutboxRow,
  file: Unstamped,
  client: TimestampClient,
  commit: (write: () => boolean) => boolean = (write) => write(),
): Promise<EntryStamp> {
  const stamped = await stampDetached(file.signature, client);
  if (stamped.timestamp?.status !== 'granted') return { status: 'failed', reason: stamped.timestamp?.reason ?? '时间戳服务未给出时间戳' };
  if (deps.trustAnchors) {
    const digest = new Uint8Array(sha256(Buffer.from(stamped.signature, 'base64')));
    const check = await checkTimestampToken(new Uint8Array(Buffer.from(stamped.timestamp.token, 'base64')), digest, { trustAnchors: deps.trustAnchors });
    if (check.status !== 'valid') return { status: 'failed', reason: `时间戳不被中心系统信任（${check.status === 'invalid' ? check.reason : '无法验证'}）` };
  }
  const payloadJson = JSON.stringify({ ...file, signature: stamped }, null, 2);
  const at = deps.now().toISOString();
  const record =
    row.kind === 'minutes'
      ? await prepareMinutesStamp(deps, payloadJson, stamped, at)
      : await prepareOpinionStamp(deps, row.id, payloadJson, stamped, client, at);
  const changed = commit(() =>
    deps.db.transaction((tx) => {
      const r = tx
        .update(t.outbox)
        .set({ payloadJson, updatedAt: at })
        .where(and(eq(t.outbox.id, row.id), eq(t.outbox.state, 'queued'), eq(t.outbox.attempts, 0), eq(t.outbox.payloadJson, row.payloadJson)))
        .run();
      if (r.changes === 1) record?.apply(tx as unknown as Db);
      return r.changes === 1;
    }),
  );
  if (!changed) return { status: 'lost' };
  return { status: 'stamped', pdfPending: !!record && record.pdf !== 'granted' && record.pdf !== 'none' };
}

export async function stampOutbox(deps: {
  db: Db;
  blobs: BlobStore;
  state: SyncStateRepo;
  /** null: no TSA configured. */
  client: TimestampClient | null;
  /** The central system's trust anchors, when known: a token must verify against them. */
  trustAnchors: readonly string[] | null;
  signal: AbortSignal;
  now: () => Date;
}): Promise<StampOutcome> {
  const out: StampOutcome = { stamped: 0, unstamped: 0, holdFrom: null, held: 0, reason: null, pdfPending: 0 };
  const rows = deps.state.queued();
  for (const [i, row] of rows.entries()) {
    deps.signal.throwIfAborted();
    const file = unstamped(row);
    if (!file) continue;
    if (!deps.client) {
      out.unstamped++;
      continue;
    }
    const r = await stampFile(deps, row, file, deps.client);
    if (r.status === 'failed') {
      // This one and everything queued after it wait: the push keeps the outbox order.
      out.holdFrom = row.id;
      out.held = rows.length - i;
      out.reason = r.reason;
      break;
    }
    if (r.status === 'stamped') {
      out.stamped++;
      if (r.pdfPending) out.pdfPending++;
    }
  }
  return out;
}
