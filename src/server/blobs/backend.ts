// Where blob bytes live: a local folder by default, an S3-compatible object store for deployments
// that outgrow one server. Blobs are content-addressed and immutable; the database holds the index.
import type { Readable } from 'node:stream';

export interface ByteRange {
  /** Inclusive, like HTTP Range. */
  start: number;
  end: number;
}

/** A stored blob open for positional reads (a node:fs/promises FileHandle is one). */
export interface BlobFile {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
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
   * Optional: the blob open for reads at any position (rejects when it is missing), for an answer that
   * sends many blobs — one open, a few large reads and one close per blob instead of a stream each
   * (blob-frames.ts). A backend without it (S3) is read through get().
   */
  open?(sha256: string): Promise<BlobFile>;
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
