// The central server's wire contract (DESIGN.md §7): request bodies as zod schemas, answers as
// types. Pure (zod only): the server (src/server/protocol.ts re-exports it) and the workstation's
// sync engine (src/main/services/sync) share it.
import { z } from 'zod';
import { AuditHeadReport } from '../audit/head';

export const SHA256_RE = /^[0-9a-f]{64}$/;
const sha256 = z.string().regex(SHA256_RE);

export const Role = z.enum(['reviewer', 'admin']);
export type Role = z.infer<typeof Role>;

export const UserName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}._-]+$/u, '用户名只能包含字母、数字、汉字和 . _ -');

export const LoginRequest = z.object({
  user: UserName,
  password: z.string().min(1).max(1024),
  /** A name for the device, e.g. the laptop's host name. */
  device: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export interface LoginAnswer {
  /** `Authorization: Bearer <token>`; shown once, stored hashed. */
  token: string;
  deviceId: string;
  user: { name: string; role: Role };
}

export const CreateUserRequest = z.object({ name: UserName, role: Role, password: z.string().min(8, '密码至少 8 个字符').max(1024) });
export const AssignRequest = z.object({
  user: UserName,
  /**
   * The admin confirms a reassignment although another reviewer's opinion on the case's current
   * revision was already accepted (without it the server answers 409 naming that opinion).
   */
  force: z.boolean().optional(),
});

/** POST /v1/admin/cases/:id/assign. */
export interface AssignAnswer {
  caseId: string;
  assignedTo: string;
  changed: boolean;
  /** A reassignment confirmed with `force` over these accepted opinions (recorded on the feed entry). */
  forced?: boolean;
  /** e.g. 张明（zhangming）的审核意见书 马市监法审〔2026〕1号. */
  acceptedOpinions?: string[];
}
export const RevokeRequest = z.object({ reason: z.string().min(1).max(500) });

/**
 * GET /v1/admin/case-bundle?user=<reviewer>[&case=<id>…]: an offline bundle (application/zip) of the
 * current revisions of the reviewer's assigned cases — all of them, or the ones named — for the
 * workstation's 导入案卷包. The answer says what it holds in these headers.
 */
export const CaseBundleQuery = z.object({
  user: UserName,
  case: z
    .union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).max(1000)])
    .optional()
    .transform((v) => (v === undefined ? [] : [...new Set(Array.isArray(v) ? v : [v])])),
});
export const CASE_BUNDLE_HEADERS = {
  /** How many case packages the zip holds. */
  cases: 'x-fashen-bundle-cases',
  /** How many files (blobs) the packages list together, and their bytes. */
  files: 'x-fashen-bundle-files',
  bytes: 'x-fashen-bundle-bytes',
  /** 'included' (calendar.json at the root), 'none' (none published) or 'invalid' (published but failing the checks: left out). */
  calendar: 'x-fashen-bundle-calendar',
} as const;

export interface ApiErrorBody {
  error: { code: string; message: string; details?: string[] };
}

// ---- intake ----

export type IntakeAction = 'imported' | 'new_revision' | 'unchanged';
export interface IntakeAnswer {
  action: IntakeAction;
  caseId: string;
  caseNumber: string;
  revision: number;
  revisionHash: string;
  blobs: number;
}

export interface CaseSummary {
  id: string;
  caseNumber: string;
  revision: number;
  revisionHash: string;
  assignedTo: string | null;
  /** The assigned reviewer's 姓名 (null: none set, or not assigned). */
  assignedToDisplayName: string | null;
  updatedSeq: number;
  updatedAt: string;
}

// ---- feed ----

export interface BlobRef {
  sha256: string;
  size: number;
  mime: string;
}

export type FeedKind = 'revision' | 'assigned' | 'unassigned';

export interface FeedEntry {
  seq: number;
  kind: FeedKind;
  caseId: string;
  revision: number;
  at: string;
  /**
   * The case package (case.json as imported, without the files) and the blobs it lists, for the
   * entry's revision; null when the case is no longer assigned to the caller (e.g. `unassigned`).
   */
  case: { caseNumber: string; revisionHash: string; current: boolean; package: unknown; blobs: BlobRef[] } | null;
}

export interface FeedPage {
  entries: FeedEntry[];
  /** Pass as `after` next time (the last seq returned, or the `after` given when nothing came). */
  next: number;
  more: boolean;
}

export const FeedQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

// ---- batch download (POST /v1/blobs/batch) ----

/** Most blobs one batch may ask for, and most bytes it may come to (a single bigger blob: GET /v1/blobs/:sha256). */
export const BLOB_BATCH_MAX_IDS = 256;
export const BLOB_BATCH_MAX_BYTES = 64 * 1024 * 1024;
export const BLOB_BATCH_CONTENT_TYPE = 'application/vnd.fashen.blob-batch';

export const BlobBatchRequest = z.object({
  sha256: z
    .array(sha256)
    .min(1)
    .max(BLOB_BATCH_MAX_IDS)
    .refine((ids) => new Set(ids).size === ids.length, '文件编号不得重复'),
});
export type BlobBatchRequest = z.infer<typeof BlobBatchRequest>;

/**
 * The answer's framing (content type BLOB_BATCH_CONTENT_TYPE, with Content-Length): for each blob,
 * in the order asked, the header line `<sha256> <size>\n` (ASCII, size in decimal) and then exactly
 * `size` bytes; nothing after the last blob.
 */
export const blobFrameHeader = (sha: string, size: number): string => `${sha} ${size}\n`;
/** The longest header line: 64 hex, a space, up to 16 digits, the newline. */
export const BLOB_FRAME_HEADER_MAX = 64 + 1 + 16 + 1;
export const BLOB_FRAME_HEADER_RE = /^([0-9a-f]{64}) (0|[1-9][0-9]{0,15})\n$/;

// ---- submissions ----

export const SubmissionKind = z.enum(['opinion', 'minutes']);

/**
 * A detached signature over the JCS bytes of `payload`, as src/main/services/signing/detached.ts
 * makes it (DetachedSignature). Extra fields (timestamp, …) are kept for the verifier.
 */
export const SubmissionSignature = z
  .object({
    algorithm: z.string().min(1).max(40),
    keyId: z.string().min(1).max(200),
    /** base64 */
    signature: z.string().min(1).max(20_000),
    /** sha256 hex of the JCS bytes */
    contentHash: sha256,
    signedAt: z.string().max(64).optional(),
    /** SPKI PEM of the signing key */
    publicKey: z.string().max(20_000).optional(),
    /** PEM certificates, leaf first */
    chain: z.array(z.string().max(20_000)).max(8).optional(),
  })
  .passthrough();
export type SubmissionSignature = z.infer<typeof SubmissionSignature>;

export const SubmissionRequest = z.object({
  /** Client-generated id: the server accepts a submission once per id. */
  id: z.string().uuid(),
  kind: SubmissionKind,
  caseId: z.string().min(1).max(200),
  caseRevisionHash: sha256,
  payload: z.record(z.string(), z.unknown()),
  signature: SubmissionSignature,
});
export type SubmissionRequest = z.infer<typeof SubmissionRequest>;

export type SubmissionAnswer =
  | { id: string; status: 'accepted'; caseId: string; caseRevisionHash: string; receivedAt: string; repeated?: true }
  | { id: string; status: 'stale'; reason: string; caseId: string; currentRevision: number; currentRevisionHash: string; receivedAt: string; repeated?: true }
  | { id: string; status: 'rejected'; reason: string; receivedAt: string; repeated?: true };

export interface SubmissionSummary {
  id: string;
  user: string;
  kind: string;
  caseId: string;
  /** The case's 案号 and the revision the submission was made on; null when the server has no such case or revision. */
  caseNumber: string | null;
  revision: number | null;
  caseRevisionHash: string;
  status: 'accepted' | 'rejected' | 'stale';
  reason: string | null;
  receivedAt: string;
  /** The submitter's 姓名 (null: none set). */
  userDisplayName: string | null;
  /** An opinion's 文号, round and version (null for other kinds, and for a rejected one: its body is not kept). */
  documentNumber: string | null;
  opinionRound: number | null;
  opinionVersion: number | null;
}

/** GET /v1/admin/users */
export interface UserSummary {
  name: string;
  /** The 姓名 certificates are issued to (null: the account name is used). */
  displayName: string | null;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** Logins (devices) not revoked. */
  devices: number;
  /** Signing certificates not revoked. */
  certificates: number;
}

// ---- certificates ----

export const CertificateRequest = z.object({
  /**
   * The reviewer's public key as PEM: a PKCS#10 request ("CERTIFICATE REQUEST") or a bare key
   * ("PUBLIC KEY"). The private key never leaves the workstation.
   */
  request: z.string().min(40).max(20_000),
  /** The O= of the certificate; the CN is always the account's name. */
  agency: z.string().min(2).max(200).optional(),
});

export interface CertificateAnswer {
  keyId: string;
  user: string;
  status: 'active' | 'revoked';
  chainPem: string;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

// ---- offline bundles (离线交换包) ----

export const OUTBOX_BUNDLE_FORMAT = 'fashen-outbox-bundle';

/**
 * The workstation's outbox carried on a USB stick: the submissions exactly as the online sync
 * would POST them, signed as a whole (detached signature over the JCS bytes of every field but
 * `signature`) by the reviewer's registered key. Imported by an admin; same exactly-once rule.
 */
/** The largest outbox bundle the central system takes (the body of POST /v1/admin/bundles). */
export const OUTBOX_BUNDLE_MAX_BYTES = 256 * 1024 ** 2;

export const OutboxBundle = z
  .object({
    format: z.literal(OUTBOX_BUNDLE_FORMAT),
    version: z.literal(1),
    createdAt: z.string().max(64),
    /** May be empty when the bundle carries only the audit head (an office with nothing to submit reports it by USB). */
    submissions: z.array(SubmissionRequest).max(10_000),
    /** The workstation's audit chain head when the bundle was made (under the signature, like the rest). */
    auditHead: AuditHeadReport.optional(),
    signature: SubmissionSignature,
  })
  .refine((b) => b.submissions.length > 0 || b.auditHead !== undefined, { message: '离线交换包中既没有提交，也没有审计链头', path: ['submissions'] });
export type OutboxBundle = z.infer<typeof OutboxBundle>;

export interface BundleImportAnswer {
  /** The reviewer whose key signed the bundle (the submitter of every submission in it). */
  signer: string;
  keyId: string;
  /** One per submission, in bundle order: the answer the online sync would have got. */
  results: { id: string; httpStatus: number; status: 'accepted' | 'stale' | 'rejected' | 'error'; reason?: string; repeated?: true }[];
  /** The verdict on the carried audit head (as POST /v1/audit/head would give); absent when the bundle has none. */
  auditHead?: { status: 'accepted' | 'repeated' | 'rewritten' | 'unverified'; device: string; seq: number; reason?: string };
}
