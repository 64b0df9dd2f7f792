// The import's write path for one case package, as better-sqlite3 statements prepared once per
// connection: building each insert through drizzle and preparing it anew cost ~6 ms a case, most
// of an initial sync's main-thread time. The SQL mirrors what the drizzle schema (../schema.ts)
// generated before; drizzle's client-side defaults (status 'pending', round 1, text_state
// 'pending') are written explicitly so nothing depends on the migrations' column defaults.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { CasePackage } from '../../../shared/casefile/schema';

export interface WriteMeta {
  revisionHash: string;
  importedAt: string;
  receivedOn: string;
  packageJson: string;
  replace?: { round: number };
}

export interface WriteBlob {
  sha256: string;
  size: number;
  mime: string;
}

type Param = string | number | null;

/** SQLite stores booleans as 0/1; better-sqlite3 refuses JS booleans. */
const bit = (b: boolean): number => (b ? 1 : 0);

/** The case_file columns a revision sets (insert and replace alike), in the order write() binds them. */
const CASE_COLUMNS = [
  'revision',
  'revision_hash',
  'case_number',
  'cause',
  'agency_code',
  'handling_unit',
  'party_name',
  'submitted_on',
  'violation_start',
  'violation_end',
  'continuing',
  'facts',
  'procedure_json',
  'proposed_decision_json',
  'proposed_fine_fen',
  'offline',
  'imported_at',
];

/** A one-row insert prepared once and run per row inside the caller's transaction. */
function rowInsert(sqlite: Database.Database, table: string, columns: string[]): (row: Param[]) => void {
  const stmt = sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  return (row) => void stmt.run(row);
}

export class CaseFileWriter {
  private readonly agency: Database.Statement;
  private readonly officer: Database.Statement;
  private readonly blob: Database.Statement;
  private readonly insertCase: Database.Statement;
  private readonly updateCase: Database.Statement;
  private readonly deletes: Database.Statement[];
  private readonly revision: (row: Param[]) => void;
  private readonly party: (row: Param[]) => void;
  private readonly caseOfficer: (row: Param[]) => void;
  private readonly document: (row: Param[]) => void;
  private readonly evidence: (row: Param[]) => void;
  private readonly tx: (pkg: CasePackage, meta: WriteMeta, blobs: WriteBlob[], fineFen: number | null, within: (() => void) | undefined) => void;

  constructor(sqlite: Database.Database) {
    this.agency = sqlite.prepare(
      `insert into agency (code, name, short_name, region, level) values (?, ?, ?, ?, ?)
       on conflict (code) do update set name = excluded.name, short_name = excluded.short_name, region = excluded.region, level = excluded.level`,
    );
    this.officer = sqlite.prepare(
      `insert into officer (id, name, credential_no, credential_valid_from, credential_valid_to, legal_qualification, unit) values (?, ?, ?, ?, ?, ?, ?)
       on conflict (id) do update set name = excluded.name, credential_no = excluded.credential_no, credential_valid_from = excluded.credential_valid_from,
         credential_valid_to = excluded.credential_valid_to, legal_qualification = excluded.legal_qualification, unit = excluded.unit`,
    );
    this.blob = sqlite.prepare(
      `insert into blob (sha256, size, mime, stored_at, verified_state, verified_at, detected_mime, page_count, text_state, problem, derived_from)
       values (?, ?, ?, ?, 'ok', ?, null, null, 'pending', null, null)
       on conflict (sha256) do update set verified_state = 'ok', verified_at = excluded.verified_at`,
    );
    this.insertCase = sqlite.prepare(
      `insert into case_file (id, ${CASE_COLUMNS.join(', ')}, status, round) values (?, ${CASE_COLUMNS.map(() => '?').join(', ')}, 'pending', 1)`,
    );
    this.updateCase = sqlite.prepare(
      `update case_file set ${CASE_COLUMNS.map((c) => `${c} = ?`).join(', ')}, status = 'pending', round = ? where id = ?`,
    );
    // The revision's own rows go; reviews, annotations and earlier revisions stay.
    this.deletes = ['party', 'case_officer', 'document', 'evidence'].map((table) => sqlite.prepare(`delete from ${table} where case_id = ?`));
    this.revision = rowInsert(sqlite, 'case_revision', ['case_id', 'revision', 'revision_hash', 'package_json', 'received_on', 'imported_at']);
    this.party = rowInsert(sqlite, 'party', ['case_id', 'position', 'id', 'kind', 'name', 'id_number', 'address', 'legal_representative', 'phone', 'business_scope']);
    this.caseOfficer = rowInsert(sqlite, 'case_officer', ['case_id', 'officer_id', 'is_case_officer']);
    this.document = rowInsert(sqlite, 'document', ['case_id', 'id', 'position', 'kind', 'title', 'doc_number', 'date', 'path', 'sha256']);
    this.evidence = rowInsert(sqlite, 'evidence', ['case_id', 'id', 'position', 'kind', 'title', 'source', 'collected_by_json', 'collected_on', 'proves', 'path', 'sha256']);
    this.tx = sqlite.transaction((pkg: CasePackage, meta: WriteMeta, blobs: WriteBlob[], fineFen: number | null, within: (() => void) | undefined) =>
      this.writeRows(pkg, meta, blobs, fineFen, within),
    );
  }

  /**
   * All rows of one package in one transaction (BEGIN … COMMIT, or a savepoint when the caller is
   * already in one); `within` runs last inside it, and anything it throws rolls everything back.
   */
  write(pkg: CasePackage, meta: WriteMeta, blobs: WriteBlob[], fineFen: number | null, within?: () => void): void {
    this.tx(pkg, meta, blobs, fineFen, within);
  }

  private writeRows(pkg: CasePackage, meta: WriteMeta, blobs: WriteBlob[], fineFen: number | null, within: (() => void) | undefined): void {
    const c = pkg.case;
    const a = c.agency;
    this.agency.run(a.code, a.name, a.shortName, a.region, a.level);
    for (const o of pkg.officers) this.officer.run(o.id, o.name, o.credentialNo, o.credentialValidFrom, o.credentialValidTo, bit(o.legalQualification), o.unit);
    for (const b of blobs) this.blob.run(b.sha256, b.size, b.mime, meta.importedAt, meta.importedAt);
    const firstParty = pkg.parties.find((p) => p.id === c.partyIds[0]) ?? pkg.parties[0]!;
    // In CASE_COLUMNS order.
    const row: Param[] = [
      c.revision,
      meta.revisionHash,
      c.caseNumber,
      c.cause,
      a.code,
      c.handlingUnit,
      firstParty.name,
      c.procedure.submittedForReviewOn,
      c.violationPeriod.start,
      c.violationPeriod.end,
      bit(c.violationPeriod.continuing),
      c.facts,
      JSON.stringify(c.procedure),
      JSON.stringify(c.proposedDecision),
      fineFen,
      1, // offline: an imported case's files are on this workstation
      meta.importedAt,
    ];
    if (meta.replace) {
      for (const del of this.deletes) del.run(c.id);
      this.updateCase.run(...row, meta.replace.round, c.id);
    } else {
      this.insertCase.run(c.id, ...row);
    }
    this.revision([c.id, c.revision, meta.revisionHash, meta.packageJson, meta.receivedOn, meta.importedAt]);
    pkg.parties.forEach((p, position) =>
      this.party([c.id, position, p.id, p.kind, p.name, p.idNumber, p.address, p.legalRepresentative ?? null, p.phone ?? null, p.businessScope ?? null]),
    );
    const caseOfficerIds = new Set(c.caseOfficerIds);
    for (const o of pkg.officers) this.caseOfficer([c.id, o.id, bit(caseOfficerIds.has(o.id))]);
    pkg.documents.forEach((d, position) => this.document([c.id, d.id, position, d.kind, d.title, d.docNumber ?? null, d.date, d.file.path, d.file.sha256]));
    pkg.evidence.forEach((e, position) =>
      this.evidence([c.id, e.id, position, e.kind, e.title, e.source, JSON.stringify(e.collectedBy), e.collectedOn, e.proves, e.file.path, e.file.sha256]),
    );
    within?.();
  }
}
