// bundle.json at the root of a case bundle made by the central system (GET /v1/admin/case-bundle):
// which revisions the bundle carries and the central system's first answers to the reviewer's
// submissions, signed (detached, over the JCS bytes of every field but `signature`) with the
// central system's bundle key, which workstations learn from GET /v1/config at an online sync.
// Verified, it lets an office that never connects take a case's new revision as a new round and
// see its submissions answered, as a sync would; unverified, neither (see case-bundle.ts). It also
// pins what else the bundle holds: only the listed revisions and the calendar with the listed hash
// are taken from a verified bundle, so nothing added or swapped on the stick rides on the signature.
import { z } from 'zod';
import { SubmissionAnswerSchema } from './answers';
import { SHA256_RE, SubmissionSignature } from './protocol';

export const CASE_BUNDLE_FORMAT = 'fashen-case-bundle';
export const CASE_BUNDLE_MANIFEST = 'bundle.json';

export const CaseBundleManifest = z.object({
  format: z.literal(CASE_BUNDLE_FORMAT),
  version: z.literal(1),
  createdAt: z.string().max(64),
  /** The reviewer the bundle was made for. */
  reviewer: z.string().min(1).max(200),
  cases: z.array(z.object({ id: z.string().min(1).max(200), revision: z.number().int().positive(), revisionHash: z.string().regex(SHA256_RE) })).max(100_000),
  /** The first answer to each of the reviewer's submissions the central system holds. */
  answers: z.array(SubmissionAnswerSchema).max(100_000),
  /** The sha256 of the calendar.json at the bundle's root, byte for byte; null: the bundle carries none. */
  calendar: z.object({ sha256: z.string().regex(SHA256_RE) }).nullable(),
  signature: SubmissionSignature,
});
export type CaseBundleManifest = z.infer<typeof CaseBundleManifest>;

/** The central system's bundle key, as GET /v1/config tells it. */
export const BundleSignerInfo = z.object({ keyId: z.string().regex(/^[0-9a-f]{32}$/), publicKeyPem: z.string().min(40).max(20_000) });
export type BundleSignerInfo = z.infer<typeof BundleSignerInfo>;
