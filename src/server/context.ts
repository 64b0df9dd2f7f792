// What every route module gets: the database, the blob store, the injected verifier and CA.
import type { AuthCache } from './auth/cache';
import type { ScryptCost } from './auth/passwords';
import type { BlobBackend } from './blobs/backend';
import type { BundleSigner } from './bundle-signer';
import type { CertificateIssuer } from './certificates/issuer';
import type { TimestampAuthority } from './certificates/dev-tsa';
import type { ServerDb } from './db/open';
import type { SubmissionVerifier } from './submissions/verifier';
import { BLOB_BATCH_MAX_BYTES } from '../shared/sync/protocol';

export interface Limits {
  /** Case package uploads (.zip), streamed to disk. */
  packageBytes: number;
  /** The files a package lists, unpacked (bounds what a small, highly compressed zip can become). */
  unpackedBytes: number;
  /** One submission (signed JSON). */
  submissionBytes: number;
  /** Any other JSON body. */
  jsonBytes: number;
  /** The blobs of one POST /v1/blobs/batch together (more: 413, ask in smaller batches). */
  batchBytes: number;
}

export const DEFAULT_LIMITS: Limits = { packageBytes: 2 * 1024 ** 3, unpackedBytes: 8 * 1024 ** 3, submissionBytes: 16 * 1024 ** 2, jsonBytes: 1024 ** 2, batchBytes: BLOB_BATCH_MAX_BYTES };

export interface ServerContext {
  db: ServerDb;
  blobs: BlobBackend;
  verifier: SubmissionVerifier;
  /** The development CA; null: certificates cannot be requested (registry lookups still work). */
  issuer: CertificateIssuer | null;
  /** The development TSA served at POST /v1/tsa; null: not offered. */
  tsa: TimestampAuthority | null;
  /** The TSA workstations are told to use (GET /v1/config): a URL, '/v1/tsa', or null. */
  tsaUrl: string | null;
  /** Roots trusted for reviewer certificates and timestamps (also told to workstations). */
  trustAnchors: readonly string[];
  /** Holds calendar.json and updates/ (optional). */
  dataDir: string | null;
  /** Temporary files (uploads, staging); best on the same disk as the blobs. */
  workDir: string;
  limits: Limits;
  /** Device authentication remembered for a few seconds; logout and revocation must forget(). */
  auth: AuthCache;
  passwordCost: ScryptCost;
  now: () => Date;
  /** Signs the bundle.json of the case bundles this server makes (its public half in GET /v1/config). */
  bundleSigner: BundleSigner;
}
