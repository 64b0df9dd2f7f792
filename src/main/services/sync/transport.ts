// The sync transport (DESIGN.md §7): how the engine talks to the central system. One interface,
// two implementations: HTTP (http-transport.ts) and in memory (memory-transport.ts, for tests).
import { AUDIT_ANCHOR_REQUIRED_CODE, type AuditHeadAnswer, type AuditHeadReport } from '../../../shared/audit/head';
import type { FeedPage, SubmissionAnswer, SubmissionRequest } from '../../../shared/sync/protocol';

export interface BlobRange {
  /** First byte wanted (the size of the partial copy). */
  start: number;
  /** Validator of the partial copy (its ETag): a server with other bytes answers 200 in full. */
  ifRange: string;
}

export interface BlobResponse {
  /** 206: the bytes from `start`; 200: the whole blob (the partial copy must be dropped). */
  status: 200 | 206;
  start: number;
  /** Total size of the blob. */
  size: number;
  etag: string | null;
  body: AsyncIterable<Uint8Array>;
}

/**
 * One blob of a batch download (POST /v1/blobs/batch). `body` yields exactly `size` bytes; it must
 * be read to its end (or the iteration abandoned) before the next blob is asked for.
 */
export interface BatchedBlob {
  sha256: string;
  size: number;
  body: AsyncIterable<Uint8Array>;
}

/** The server's answer to a submission: 200 (accepted / stale) and 422 (rejected) carry one. */
export interface SubmitResponse {
  status: number;
  answer: SubmissionAnswer;
}

/** GET /v1/calendar: the working-day calendar the central system hands out. */
export type CalendarAnswer =
  /** The server hands out none (an older server, or no schedule published there). */
  | { kind: 'none' }
  /** The same as the one asked with If-None-Match. */
  | { kind: 'unchanged' }
  /** The answer's JSON, not yet checked (the caller checks it as the server does). */
  | { kind: 'data'; value: unknown; etag: string | null };

export interface SyncTransport {
  /** The central system's address, for the status line. */
  readonly server: string;
  feed(after: number, limit: number, signal: AbortSignal): Promise<FeedPage>;
  blob(sha256: string, range: BlobRange | null, signal: AbortSignal): Promise<BlobResponse>;
  /**
   * Many whole blobs in one request, in the order asked (for the initial sync: one request per
   * case instead of one per file). All must be visible to the caller or the request fails as a
   * whole (TransportError http 404/403) before any bytes; a cut mid-stream throws a 'network'
   * TransportError from the iteration — blobs already yielded in full stay good, the one in hand
   * is resumed later with blob() and Range. Optional: without it the fetcher uses blob().
   */
  blobs?(sha256s: readonly string[], signal: AbortSignal): AsyncIterable<BatchedBlob>;
  submit(request: SubmissionRequest, signal: AbortSignal): Promise<SubmitResponse>;
  /**
   * POST /v1/audit/head: 200 accepted/repeated; a rewritten history is a TransportError 409
   * `audit_history_rewritten`; a head the server cannot check without an anchor is AuditAnchorRequired.
   */
  auditHead(head: AuditHeadReport, signal: AbortSignal): Promise<AuditHeadAnswer>;
  /** The calendar update, asked with the validator of the one taken last (optional: not every transport has one). */
  calendar?(etag: string | null, signal: AbortSignal): Promise<CalendarAnswer>;
  close(): Promise<void>;
}

export type TransportErrorKind =
  /** Connection refused/reset/cut, timeouts: the network, worth retrying. */
  | 'network'
  /** An HTTP error status; `status` and `code` say which. */
  | 'http'
  /** The server answered something that is not the protocol (bad JSON, wrong range, too big). */
  | 'protocol';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'TransportError';
  }

  /** Network trouble and server errors (5xx, 429, a body digest that did not survive transit). */
  get retryable(): boolean {
    if (this.kind === 'network') return true;
    if (this.kind === 'http') return this.status! >= 500 || this.status === 429 || this.status === 408 || this.code === 'digest_mismatch';
    return false;
  }

  /**
   * Nothing listens at the address (ECONNREFUSED, answered at once): the central system is not
   * running, so retrying within the run only makes the reviewer wait (the automatic sync tries again
   * in minutes). Still network trouble for everything else (离线, the push stops).
   */
  get refused(): boolean {
    return this.kind === 'network' && this.code === 'ECONNREFUSED';
  }
}

export const isTransportError = (e: unknown): e is TransportError => e instanceof TransportError;

/** 409 `audit_anchor_required`: the central system needs the current hash at `seq` to judge the head. */
export class AuditAnchorRequired extends TransportError {
  constructor(
    readonly seq: number,
    message: string,
  ) {
    super('http', message, 409, AUDIT_ANCHOR_REQUIRED_CODE);
    this.name = 'AuditAnchorRequired';
  }
}
