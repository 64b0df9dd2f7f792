// The audit log: append-only (SQLite triggers refuse UPDATE and DELETE, migration 0005) and
// hash-chained (chain.ts). An append reads the last hash and writes the next entry under the
// write lock, nested in the caller's transaction when there is one (then the entry commits or
// rolls back with the action it records).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH } from '../../../shared/audit/actions';
import type { AuditHeadReport } from '../../../shared/audit/head';
import type { AuditEntryView, AuditVerifyReport } from '../../../shared/api/audit';
import { ChainVerifier, entryHash, parseDetail, type AuditRow } from './chain';

export interface AppendEntry {
  action: string;
  subject?: string | null;
  detail?: Record<string, unknown>;
  /** When it happened, if not now: an attempt made while the store was closed (lock/lock-audit.ts). */
  at?: string;
}

export interface AuditLogOptions {
  /** The reviewer at the keyboard (the reviewer profile's name). */
  actor: () => string;
  now?: () => Date;
}

const DEVICE_KEY = 'audit_device_id';

export interface PageQuery {
  before?: number | undefined;
  limit: number;
  actions?: readonly string[] | undefined;
  subjects?: readonly string[] | undefined;
  /** ISO instant, inclusive. */
  from?: string | undefined;
  /** ISO instant, exclusive. */
  until?: string | undefined;
}

/** JSON round trip: what is hashed is exactly what a later JSON.parse of detail_json gives back. */
function jsonSafe(detail: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(detail)) as Record<string, unknown>;
}

export function toView(r: AuditRow): AuditEntryView {
  return { seq: r.seq, at: r.at, actor: r.actor, device: r.device, action: r.action, subject: r.subject, detail: parseDetail(r.detail_json) ?? {} };
}

export class AuditLog {
  readonly now: () => Date;
  private deviceId: string | null = null;
  private readonly stmt: {
    last: Database.Statement;
    issued: Database.Statement;
    insert: Database.Statement;
    latestFor: Database.Statement;
    hashAt: Database.Statement;
  };

  constructor(
    private readonly sqlite: Database.Database,
    private readonly opts: AuditLogOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    this.stmt = {
      last: sqlite.prepare('select seq, hash, at from audit order by seq desc limit 1'),
      issued: sqlite.prepare("select seq from sqlite_sequence where name = 'audit'"),
      insert: sqlite.prepare('insert into audit (seq, at, actor, device, action, subject, detail_json, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      latestFor: sqlite.prepare('select * from audit where subject = ? order by seq desc limit 1'),
      hashAt: sqlite.prepare('select hash from audit where seq = ?'),
    };
  }

  /** This install's stable id: made once, kept in settings (several processes may race: first wins). */
  device(): string {
    if (this.deviceId) return this.deviceId;
    const now = this.now().toISOString();
    this.sqlite.prepare('insert or ignore into setting (key, value_json, updated_at) values (?, ?, ?)').run(DEVICE_KEY, JSON.stringify(randomUUID()), now);
    const row = this.sqlite.prepare('select value_json from setting where key = ?').get(DEVICE_KEY) as { value_json: string };
    this.deviceId = JSON.parse(row.value_json) as string;
    return this.deviceId;
  }

  actor(): string {
    return this.opts.actor();
  }

  append(entry: AppendEntry, actor: string = this.actor()): AuditEntryView {
    const device = this.device();
    const write = this.sqlite.transaction(() => {
      const last = this.stmt.last.get() as { seq: number; hash: string } | undefined;
      // Never reuse a seq: AUTOINCREMENT remembers the highest one issued even if rows vanished,
      // so a deletion stays visible as a gap instead of being papered over.
      const seq = Math.max(last?.seq ?? 0, this.issuedSeq()) + 1;
      const content = {
        seq,
        at: entry.at ?? this.now().toISOString(),
        actor,
        device,
        action: entry.action,
        subject: entry.subject ?? null,
        detail: jsonSafe(entry.detail ?? {}),
        prevHash: last?.hash ?? GENESIS_HASH,
      };
      const hash = entryHash(content);
      this.stmt.insert.run(seq, content.at, actor, device, content.action, content.subject, JSON.stringify(content.detail), content.prevHash, hash);
      return { seq, at: content.at, actor, device, action: content.action, subject: content.subject, detail: content.detail };
    });
    return this.sqlite.inTransaction ? write() : write.immediate();
  }

  /** Entries about one subject (a case id), newest first. */
  forSubject(subject: string, limit = 500): AuditEntryView[] {
    const rows = this.sqlite.prepare('select * from audit where subject = ? order by seq desc limit ?').all(subject, limit) as AuditRow[];
    return rows.map(toView);
  }

  /** All entries in seq order (optionally one subject), oldest first. */
  list(opts: { subject?: string; limit?: number } = {}): AuditEntryView[] {
    const limit = opts.limit ?? -1;
    const rows = (opts.subject !== undefined ? this.sqlite.prepare('select * from audit where subject = ? order by seq limit ?').all(opts.subject, limit) : this.sqlite.prepare('select * from audit order by seq limit ?').all(limit)) as AuditRow[];
    return rows.map(toView);
  }

  /**
   * A page of the whole log, newest first: entries before `before` (a seq), optionally only these
   * actions, these subjects, and `at` in [from, until) (ISO instants).
   */
  page(opts: PageQuery): { entries: AuditEntryView[]; more: boolean } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (opts.before !== undefined) where.push('seq < ?'), params.push(opts.before);
    if (opts.actions) where.push(`action in (${opts.actions.map(() => '?').join(',') || 'null'})`), params.push(...opts.actions);
    // One JSON parameter however many cases match; the planner still walks audit_subject_idx per id.
    if (opts.subjects) where.push('subject in (select value from json_each(?))'), params.push(JSON.stringify(opts.subjects));
    // `at` is always toISOString() (UTC, same width), so text order is time order. No index on at:
    // the scan runs newest first and stops at a full page (scripts/bench/audit.ts sizes, ~18 ms worst case).
    if (opts.from !== undefined) where.push('at >= ?'), params.push(opts.from);
    if (opts.until !== undefined) where.push('at < ?'), params.push(opts.until);
    const rows = this.sqlite.prepare(`select * from audit ${where.length ? `where ${where.join(' and ')}` : ''} order by seq desc limit ?`).all(...params, opts.limit + 1) as AuditRow[];
    return { entries: rows.slice(0, opts.limit).map(toView), more: rows.length > opts.limit };
  }

  /** The newest entry about a subject, for folding repeated reads together. */
  latestFor(subject: string): AuditEntryView | null {
    const row = this.stmt.latestFor.get(subject) as AuditRow | undefined;
    return row ? toView(row) : null;
  }

  verify(): AuditVerifyReport {
    const v = new ChainVerifier();
    for (const row of this.sqlite.prepare('select * from audit order by seq').iterate() as IterableIterator<AuditRow>) {
      if (!v.push(row)) break;
    }
    return v.finish(this.issuedSeq());
  }

  /** What the central system is told on each sync. */
  head(): AuditHeadReport {
    const last = this.stmt.last.get() as { seq: number; hash: string; at: string } | undefined;
    return { device: this.device(), seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH, at: last?.at ?? null };
  }

  /** The hash of the entry at `seq` as the log holds it now (null: no such entry), for anchors. */
  hashAt(seq: number): string | null {
    const r = this.stmt.hashAt.get(seq) as { hash: string } | undefined;
    return r?.hash ?? null;
  }

  private issuedSeq(): number {
    const r = this.stmt.issued.get() as { seq: number } | undefined;
    return r?.seq ?? 0;
  }
}
