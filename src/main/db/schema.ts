// The local store (DESIGN.md §4). Nested structures that are read whole (procedure, proposed
// decision) are JSON columns; everything the queue filters or sorts on is a real column.
import { sqliteTable, text, integer, primaryKey, index, uniqueIndex, foreignKey } from 'drizzle-orm/sqlite-core';

export const agencies = sqliteTable('agency', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  region: text('region').notNull(),
  level: text('level', { enum: ['province', 'city', 'county'] }).notNull(),
});

export const officers = sqliteTable('officer', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  credentialNo: text('credential_no').notNull(), // 执法证号
  credentialValidFrom: text('credential_valid_from').notNull(),
  credentialValidTo: text('credential_valid_to').notNull(),
  legalQualification: integer('legal_qualification', { mode: 'boolean' }).notNull().default(false),
  unit: text('unit').notNull(),
});

export const cases = sqliteTable(
  'case_file',
  {
    id: text('id').primaryKey(),
    revision: integer('revision').notNull(),
    revisionHash: text('revision_hash').notNull(),
    caseNumber: text('case_number').notNull(),
    cause: text('cause').notNull(),
    agencyCode: text('agency_code')
      .notNull()
      .references(() => agencies.code),
    handlingUnit: text('handling_unit').notNull(),
    partyName: text('party_name').notNull(), // first party, denormalised for the queue
    submittedOn: text('submitted_on').notNull(),
    violationStart: text('violation_start').notNull(),
    violationEnd: text('violation_end').notNull(),
    continuing: integer('continuing', { mode: 'boolean' }).notNull().default(false),
    facts: text('facts').notNull(),
    procedureJson: text('procedure_json').notNull(),
    proposedDecisionJson: text('proposed_decision_json').notNull(),
    proposedFineFen: integer('proposed_fine_fen'),
    status: text('status', { enum: ['pending', 'in_review', 'returned', 'concluded'] }).notNull().default('pending'),
    round: integer('round').notNull().default(1),
    offline: integer('offline', { mode: 'boolean' }).notNull().default(false),
    importedAt: text('imported_at').notNull(),
  },
  // case_agency_idx: the agencies of the cases held here are asked at every sync (the 文号 top-up);
  // without it that is a scan of every case row, ~140 ms at 10,000 cases.
  (t) => [uniqueIndex('case_number_uq').on(t.caseNumber), index('case_submitted_idx').on(t.submittedOn), index('case_status_idx').on(t.status), index('case_agency_idx').on(t.agencyCode)],
);

export const parties = sqliteTable(
  'party',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['natural', 'legal', 'other'] }).notNull(),
    name: text('name').notNull(),
    idNumber: text('id_number').notNull(),
    address: text('address').notNull(),
    legalRepresentative: text('legal_representative'),
    phone: text('phone'),
    businessScope: text('business_scope'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.id] })],
);

export const caseOfficers = sqliteTable(
  'case_officer',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    officerId: text('officer_id')
      .notNull()
      .references(() => officers.id),
    isCaseOfficer: integer('is_case_officer', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.officerId] })],
);

export const blobs = sqliteTable('blob', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mime: text('mime').notNull(),
  storedAt: text('stored_at').notNull(),
  /** Last verification result: 'ok' | 'tampered' | 'missing'. */
  verifiedState: text('verified_state', { enum: ['ok', 'tampered', 'missing'] }).notNull().default('ok'),
  verifiedAt: text('verified_at').notNull(),
  /** Type sniffed from the bytes (file-type), null when unknown. */
  detectedMime: text('detected_mime'),
  pageCount: integer('page_count'),
  textState: text('text_state', { enum: ['pending', 'done', 'failed', 'encrypted', 'none'] }).notNull().default('pending'),
  problem: text('problem'),
  /** Derived copies (e.g. redacted for publication) are not part of any case package. */
  derivedFrom: text('derived_from'),
});

/**
 * Blobs kept in pack files (services/blob-pack) rather than a file each: where each one lies. A row
 * is written only after the entry's bytes are durable, so a row never points at missing bytes.
 */
export const blobPackEntries = sqliteTable(
  'blob_pack_entry',
  {
    sha256: text('sha256').primaryKey(),
    pack: text('pack').notNull(),
    offset: integer('offset').notNull(),
    length: integer('length').notNull(),
  },
  (t) => [index('blob_pack_entry_pack_idx').on(t.pack)],
);

/** Extracted text of each PDF page, per blob (content-addressed, shared across cases). */
export const pageTexts = sqliteTable(
  'page_text',
  {
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256, { onDelete: 'cascade' }),
    page: integer('page').notNull(),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('page_text_uq').on(t.sha256, t.page)],
);

export const documents = sqliteTable(
  'document',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number'),
    date: text('date').notNull(),
    path: text('path').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.id] }), index('document_sha_idx').on(t.sha256)],
);

export const evidence = sqliteTable(
  'evidence',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    source: text('source').notNull(),
    collectedByJson: text('collected_by_json').notNull(),
    collectedOn: text('collected_on').notNull(),
    proves: text('proves').notNull(),
    path: text('path').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => blobs.sha256),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.id] }), index('evidence_sha_idx').on(t.sha256)],
);

/** Highlights and notes on documents/evidence (issue 3 fills in the anchoring). */
export const annotations = sqliteTable(
  'annotation',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    sha256: text('sha256'),
    kind: text('kind', { enum: ['highlight', 'note', 'redaction'] }).notNull().default('highlight'),
    page: integer('page'),
    anchorJson: text('anchor_json').notNull(),
    note: text('note').notNull().default(''),
    reviewPoint: text('review_point'),
    redactionReason: text('redaction_reason', { enum: ['personal', 'trade_secret'] }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('annotation_case_idx').on(t.caseId)],
);

/** Every revision of a case file as received (canonical package JSON), for rounds and diffs. */
export const caseRevisions = sqliteTable(
  'case_revision',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    revisionHash: text('revision_hash').notNull(),
    packageJson: text('package_json').notNull(),
    receivedOn: text('received_on').notNull(),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.revision] })],
);

/** One review round of a case: per-point findings, citations and the conclusion. */
export const reviews = sqliteTable(
  'review',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    caseRevisionHash: text('case_revision_hash').notNull(),
    /** The reviewer's per-point decisions, notes and citations. */
    findingsJson: text('findings_json').notNull().default('[]'),
    /** Automatic checks the reviewer did not follow, each with its reason. */
    overridesJson: text('overrides_json').notNull().default('[]'),
    /** The automatic findings as they stood when the round was concluded. */
    autoFindingsJson: text('auto_findings_json'),
    conclusion: text('conclusion'),
    opinionText: text('opinion_text'),
    reviewerId: text('reviewer_id'),
    startedAt: text('started_at').notNull(),
    updatedAt: text('updated_at'),
    concludedAt: text('concluded_at'),
  },
  (t) => [uniqueIndex('review_case_round_uq').on(t.caseId, t.round)],
);

export const opinions = sqliteTable('opinion', {
  id: text('id').primaryKey(),
  reviewId: text('review_id')
    .notNull()
    .references(() => reviews.id),
  contentJson: text('content_json').notNull(),
  contentHash: text('content_hash').notNull(),
  docxSha256: text('docx_sha256'),
  pdfSha256: text('pdf_sha256'),
  signatureJson: text('signature_json'),
  createdAt: text('created_at').notNull(),
});

/**
 * 负责人集体讨论 (issue 7). Every record is written the moment it is made, so a meeting
 * interrupted by a crash resumes where it stopped. What lists and checks query is a column;
 * the people and the quorum rule, read whole, are `state_json` ({ v: 1, host, reporter,
 * recorder, attendees, quorum }, see repos/meetings.ts).
 */
export const meetings = sqliteTable(
  'meeting',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    heldOn: text('held_on').notNull(),
    place: text('place').notNull(),
    stateJson: text('state_json').notNull(),
    startedAt: text('started_at'),
    endedAt: text('ended_at'),
    state: text('state', { enum: ['draft', 'running', 'ended', 'signed'] }).notNull().default('draft'),
    /** The presenter's position (null while draft). */
    agendaIndex: integer('agenda_index'),
    topic: text('topic'),
    evidenceJson: text('evidence_json'),
    /** Bumped by every change; the audience window follows it. */
    revision: integer('revision').notNull().default(0),
    createdAt: text('created_at').notNull().default(''),
    updatedAt: text('updated_at').notNull().default(''),
  },
  (t) => [index('meeting_state_idx').on(t.state)],
);

/** The agenda: one row per case, in order, with the discussion record and the conclusion. */
export const meetingCases = sqliteTable(
  'meeting_case',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    position: integer('position').notNull(),
    /** The case revision and review round the meeting decides on (fixed at start). */
    revisionHash: text('revision_hash'),
    round: integer('round'),
    /** The concluded review as it stood at the start ({ type, text, concludedAt, points }). */
    reviewJson: text('review_json'),
    notes: text('notes').notNull().default(''),
    conclusionText: text('conclusion_text'),
    followsReview: integer('follows_review', { mode: 'boolean' }),
    differingReason: text('differing_reason'),
    concludedAt: text('concluded_at'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.caseId] }), index('meeting_case_case_idx').on(t.caseId)],
);

/** Each attendee's opinion on each case (同意 / 不同意 / 补充意见), entered by the recorder. */
export const meetingOpinions = sqliteTable(
  'meeting_opinion',
  {
    meetingId: text('meeting_id').notNull(),
    caseId: text('case_id').notNull(),
    attendeeId: text('attendee_id').notNull(),
    kind: text('kind', { enum: ['同意', '不同意', '补充意见'] }).notNull(),
    text: text('text').notNull().default(''),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.caseId, t.attendeeId] }),
    foreignKey({ columns: [t.meetingId, t.caseId], foreignColumns: [meetingCases.meetingId, meetingCases.caseId] }).onDelete('cascade'),
  ],
);

/**
 * 集体讨论记录, one per case of a meeting: the content as previewed (frozen by the first
 * signature), the rendered files, and the recorder's and host's signatures in order.
 */
export const meetingMinutes = sqliteTable(
  'meeting_minutes',
  {
    id: text('id').primaryKey(), // minutesId (uuid), also the outbox submission id
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    contentJson: text('content_json').notNull(),
    contentHash: text('content_hash').notNull(),
    docxSha256: text('docx_sha256').notNull(),
    /** Unsigned preview, then signed by the recorder, then by both (incremental update). */
    pdfSha256: text('pdf_sha256').notNull(),
    recorderSignatureJson: text('recorder_signature_json'),
    hostSignatureJson: text('host_signature_json'),
    submissionSha256: text('submission_sha256'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('meeting_minutes_case_uq').on(t.meetingId, t.caseId), index('meeting_minutes_case_idx').on(t.caseId)],
);

/** Signed submissions waiting for the central system; never dropped silently. */
export const outbox = sqliteTable('outbox', {
  id: text('id').primaryKey(), // client-generated submission id
  kind: text('kind', { enum: ['opinion', 'minutes', 'audit_head'] }).notNull(),
  caseId: text('case_id'),
  payloadJson: text('payload_json').notNull(),
  state: text('state', { enum: ['queued', 'sent', 'accepted', 'rejected', 'stale'] }).notNull().default('queued'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  /** Last written into an offline bundle (the attempts count it too): shown as 已导出, not as a failed try. */
  exportedAt: text('exported_at'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Workstation settings (reviewer profile, preferences) as JSON values. */
export const settings = sqliteTable('setting', {
  key: text('key').primaryKey(),
  valueJson: text('value_json').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(), // e.g. 'feed_cursor', 'server_url'
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Append-only, hash-chained audit log (services/audit). Migration 0005 adds triggers that refuse
 * UPDATE and DELETE; `subject` is the case id for everything about a case (the case's trail).
 */
export const audit = sqliteTable(
  'audit',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    device: text('device').notNull(),
    action: text('action').notNull(),
    subject: text('subject'),
    detailJson: text('detail_json').notNull().default('{}'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_subject_idx').on(t.subject, t.seq)],
);
