// The central server's tables (PostgreSQL; PGlite embedded by default). Migrations in ./migrations
// are generated from this file by `npm run db:generate:server` and committed; never edit them after release.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Reviewers (法制审核员) and agency admins. */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** The person's real name (张明), set by the admin: the CN of the certificates the CA issues. */
    displayName: text('display_name'),
    role: text('role', { enum: ['reviewer', 'admin'] }).notNull(),
    /** scrypt$N$r$p$salt$hash (base64), see auth/passwords.ts */
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_name_uq').on(t.name), check('users_role_ck', sql`${t.role} in ('reviewer', 'admin')`)],
);

/** A login on one device; the bearer token is `<id>.<secret>`, only sha256(secret) is kept. */
export const devices = pgTable(
  'devices',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    lastSeenAt: at('last_seen_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [index('devices_user_idx').on(t.userId)],
);

/** One row per case: its current revision, denormalised for listing and the feed. */
export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    caseNumber: text('case_number').notNull(),
    currentRevision: integer('current_revision').notNull(),
    revisionHash: text('revision_hash').notNull(),
    /** case.json of the current revision, canonical JSON (JCS) text — exactly what the hash covers. */
    packageJson: text('package_json').notNull(),
    assignedTo: integer('assigned_to').references(() => users.id),
    /** Feed seq of the current assignment: the assignee's feed starts there for this case. */
    assignedSeq: bigint('assigned_seq', { mode: 'number' }),
    updatedSeq: bigint('updated_seq', { mode: 'number' }).notNull(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cases_number_uq').on(t.caseNumber), index('cases_assigned_idx').on(t.assignedTo)],
);

export const caseRevisions = pgTable(
  'case_revisions',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    revision: integer('revision').notNull(),
    revisionHash: text('revision_hash').notNull(),
    packageJson: text('package_json').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
    receivedBy: integer('received_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.revision] }), index('case_revisions_hash_idx').on(t.revisionHash)],
);

/** Content-addressed files; the bytes live in the BlobBackend under backend_key. */
export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  backendKey: text('backend_key').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** Which blobs each revision lists: decides who may download a blob. */
export const caseBlobs = pgTable(
  'case_blobs',
  {
    caseId: text('case_id').notNull(),
    revision: integer('revision').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.revision, t.sha256] }), index('case_blobs_sha_idx').on(t.sha256)],
);

export const FEED_KINDS = ['revision', 'assigned', 'unassigned'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/**
 * The change feed. Rows are written under one advisory lock per transaction (db/feed-lock.ts), so
 * seq order is commit order and a client's `after` cursor never skips a row committed late.
 * `revision` rows concern whoever the case is assigned to; `assigned`/`unassigned` name the user.
 */
export const feed = pgTable(
  'feed',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    revision: integer('revision').notNull(),
    kind: text('kind', { enum: FEED_KINDS }).notNull(),
    userId: integer('user_id').references(() => users.id),
    /**
     * `assigned` only: the admin confirmed the reassignment although another reviewer's opinion on
     * the current revision had been accepted (routes/admin.ts); a second accepted opinion follows knowingly.
     */
    forced: boolean('forced').notNull().default(false),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('feed_case_idx').on(t.caseId), index('feed_user_idx').on(t.userId), check('feed_kind_ck', sql`${t.kind} in ('revision', 'assigned', 'unassigned')`)],
);

export const SUBMISSION_KINDS = ['opinion', 'minutes', 'bundle'] as const;
export const SUBMISSION_STATUSES = ['accepted', 'rejected', 'stale'] as const;

/** Signed submissions keyed by the client's id: the first answer is final and repeated verbatim. */
export const submissions = pgTable(
  'submissions',
  {
    clientId: text('client_id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    deviceId: text('device_id').notNull(),
    kind: text('kind', { enum: SUBMISSION_KINDS }).notNull(),
    caseId: text('case_id').notNull(),
    caseRevisionHash: text('case_revision_hash').notNull(),
    /** sha256 of the canonical request: a reused id with another body is a conflict. */
    requestHash: text('request_hash').notNull(),
    /** The signed payload and signature (null for rejected submissions: a forged body is not kept). */
    payload: jsonb('payload'),
    signature: jsonb('signature'),
    status: text('status', { enum: SUBMISSION_STATUSES }).notNull(),
    reason: text('reason'),
    httpStatus: integer('http_status').notNull(),
    firstAnswer: jsonb('first_answer').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [index('submissions_case_idx').on(t.caseId), check('submissions_status_ck', sql`${t.status} in ('accepted', 'rejected', 'stale')`)],
);

/** Reviewer signing keys and their certificates (the server is the development CA). */
export const certificates = pgTable(
  'certificates',
  {
    keyId: text('key_id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    publicKeyPem: text('public_key_pem').notNull(),
    /** Leaf first, then the issuing CA. */
    chainPem: text('chain_pem').notNull(),
    status: text('status', { enum: ['active', 'revoked'] }).notNull().default('active'),
    issuedAt: at('issued_at').notNull().defaultNow(),
    revokedAt: at('revoked_at'),
    revokeReason: text('revoke_reason'),
  },
  (t) => [index('certificates_user_idx').on(t.userId)],
);

export const AUDIT_HEAD_STATUSES = ['accepted', 'rewritten'] as const;

/**
 * Audit chain heads reported by workstations on each sync (src/server/audit). `device` is the
 * workstation's install id (the device of its audit entries), not the login's device record:
 * it stays the same across logins. A head that goes back in seq, or another hash at a known seq,
 * is kept as `rewritten` — the evidence that a local history was changed.
 */
export const auditHeads = pgTable(
  'audit_heads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    device: text('device').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    /** When the workstation says its last entry was written (its own clock). */
    reportedAt: text('reported_at'),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The login (devices.id) the report came through. */
    loginDevice: text('login_device').notNull(),
    status: text('status', { enum: AUDIT_HEAD_STATUSES }).notNull(),
    /** For a rewrite: what did not match (evidence for the admin). */
    reason: text('reason'),
    receivedAt: at('received_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audit_heads_uq').on(t.device, t.seq, t.hash), index('audit_heads_user_idx').on(t.userId), check('audit_heads_status_ck', sql`${t.status} in ('accepted', 'rewritten')`)],
);

/**
 * 文号 counters, one per agency (the case packages' agency.code: the server keeps no agency list of
 * its own) and year: `last` is the last number handed out. One upsert hands out a block atomically.
 */
export const documentNumberCounters = pgTable(
  'document_number_counters',
  {
    agency: text('agency').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agency, t.year] })],
);

/** Who got which block of 文号 (inclusive), for which device, when. */
export const documentNumberBlocks = pgTable(
  'document_number_blocks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agency: text('agency').notNull(),
    year: integer('year').notNull(),
    first: integer('first').notNull(),
    last: integer('last').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    deviceId: text('device_id').notNull(),
    reservedAt: at('reserved_at').notNull().defaultNow(),
  },
  (t) => [index('document_number_blocks_user_idx').on(t.userId, t.agency, t.year)],
);

/**
 * The 文号 of accepted opinions: the primary key makes one number one opinion, also when two
 * server instances accept at the same moment. `number` is null for a 文号 not in the usual form.
 */
export const opinionNumbers = pgTable(
  'opinion_numbers',
  {
    agency: text('agency').notNull(),
    documentNumber: text('document_number').notNull(),
    year: integer('year'),
    number: integer('number'),
    clientId: text('client_id').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    acceptedAt: at('accepted_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agency, t.documentNumber] }), index('opinion_numbers_year_idx').on(t.agency, t.year)],
);
