// Where blob bytes live: a local folder by default, an S3-compatible object store for deployments
// that outgrow one server. Blobs are content-addressed and immutable; the database holds the index.
import type { Readable } from 'node:stream';

export interface ByteRange {
  /** Inclusive, like HTTP Range. */
  start: number;
  end: number;
}

/** `length` bytes of a stored blob from `position`, to be read to `offset` of a buffer. */
export interface BlobPiece {
  sha256: string;
  position: number;
  length: number;
  offset: number;
}

/** How far a readPieces got: `pieces` read whole, then `bytes` of the next; `error` if it failed to read (none: it was shorter). */
export interface PiecesRead {
  pieces: number;
  bytes: number;
  error?: Error;
}

export interface BlobBackend {
  readonly name: string;
  /**
   * Store `size` bytes read from `open()` under `sha256`, verifying the hash before the blob becomes
   * visible. Idempotent: an existing blob is left as it is ('exists').
   */
  put(sha256: string, size: number, open: () => Readable): Promise<'stored' | 'exists'>;
  /** Size of a stored blob, or null. */
  head(sha256: string): Promise<{ size: number } | null>;
  exists(sha256: string): Promise<boolean>;
  get(sha256: string, range?: ByteRange): Promise<Readable>;
  /**
   * Optional: reads pieces of stored blobs into `into` (memory over a SharedArrayBuffer), in order,
   * stopping at the first that cannot be read whole (missing, shorter) — for an answer that sends many
   * blobs (blob-frames.ts): one call fills a slab with many small blobs. A backend without it (S3) is
   * read through get().
   */
  readPieces?(into: Buffer, pieces: readonly BlobPiece[]): Promise<PiecesRead>;
  /** The key the backend stores a blob under (recorded in the blobs table). */
  keyOf(sha256: string): string;
}

export class BlobIntegrityError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`blob hash mismatch: expected ${expected}, got ${actual}`);
    this.name = 'BlobIntegrityError';
  }
}

export function assertSha256(sha256: string): void {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`invalid sha256: ${JSON.stringify(sha256)}`);
}
