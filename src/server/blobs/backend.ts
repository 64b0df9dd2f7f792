// Where blob bytes live: a local folder by default, an S3-compatible object store for deployments
// that outgrow one server. Blobs are content-addressed and immutable; the database holds the index.
import type { Readable } from 'node:stream';

export interface ByteRange {
  /** Inclusive, like HTTP Range. */
  start: number;
  end: number;
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
