// The sync engine's rows: `sync_state` (cursor, last outcome) and the `outbox` of signed
// submissions. Every change is one statement, so a crash between two of them leaves each row
// either before or after — never half-way.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import * as t from '../../db/schema';
import type { RefusedEntry, SyncOutcome } from '../../../shared/sync/status';

export type OutboxRow = typeof t.outbox.$inferSelect;
export type OutboxState = OutboxRow['state'];

/** The kinds the central system takes as submissions (audit heads travel elsewhere). */
export const SUBMISSION_KINDS = ['opinion', 'minutes'] as const;

export const KEYS = {
  cursor: 'feed_cursor',
  lastSyncAt: 'last_sync_at',
  lastOutcome: 'last_outcome',
  lastError: 'last_error',
  refused: 'refused_entries',
  server: 'server_url',
  /** The TSA the central system named at the last sync ('' = none), for stamping right after signing. */
  tsa: 'central_tsa_url',
  /** ETag of the calendar update taken last (GET /v1/calendar with If-None-Match). */
  calendarEtag: 'central_calendar_etag',
  /** 'off': the reviewer switched the automatic sync off (absent: on). */
  autoSync: 'auto_sync',
  /** The reviewer of the login ended last (written at logout, read while logged out: whose bundles to take). */
  lastLoginUser: 'last_login_user',
  /** Stale or rejected submissions the reviewer marked 知道了 (JSON list of outbox ids): kept in the history, no longer counted. */
  acknowledged: 'acknowledged_answers',
} as const;

/** A later submission of the same case and kind in one of these states settles a stale or rejected one (the central system has it). */
const RESOLVING: readonly OutboxState[] = ['sent', 'accepted'];

/** Why a stale or rejected submission no longer needs attention (null: it still does). */
export type Handled = 'superseded' | 'acknowledged' | null;

/** `b` was made after `a` (the order of the queue: createdAt, then id). */
export const madeAfter = (b: OutboxRow, a: OutboxRow) => b.createdAt > a.createdAt || (b.createdAt === a.createdAt && b.id > a.id);

/**
 * A stale or rejected submission needs attention until it is dealt with: a later submission of the
 * same kind for the same case was accepted by the central system, or the reviewer marked it 知道了.
 * It stays in the history with its reason either way.
 */
export function handledOf(row: OutboxRow, sameCase: readonly OutboxRow[], acknowledged: ReadonlySet<string>): Handled {
  if (row.caseId !== null && sameCase.some((o) => o.id !== row.id && o.kind === row.kind && o.caseId === row.caseId && RESOLVING.includes(o.state) && madeAfter(o, row))) return 'superseded';
  if (acknowledged.has(row.id)) return 'acknowledged';
  return null;
}

export type Outcome = SyncOutcome;
export type { RefusedEntry };

export class SyncStateRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Prepared once: a pull reads and moves the cursor for every case (building them each time cost more than running them). */
  private statements: ReturnType<SyncStateRepo['prepare']> | null = null;

  private prepare() {
    const key = sql.placeholder('key');
    const value = sql.placeholder('value');
    const updatedAt = sql.placeholder('updatedAt');
    return {
      get: this.db.select({ v: t.syncState.value }).from(t.syncState).where(eq(t.syncState.key, key)).prepare(),
      set: this.db
        .insert(t.syncState)
        .values({ key, value, updatedAt })
        .onConflictDoUpdate({ target: t.syncState.key, set: { value: sql`${value}`, updatedAt: sql`${updatedAt}` } })
        .prepare(),
    };
  }

  get(key: string): string | null {
    this.statements ??= this.prepare();
    return this.statements.get.get({ key })?.v ?? null;
  }

  /** When the key was last written (ISO), null when absent. */
  updatedAt(key: string): string | null {
    return this.db.select({ at: t.syncState.updatedAt }).from(t.syncState).where(eq(t.syncState.key, key)).get()?.at ?? null;
  }

  set(key: string, value: string): void {
    this.statements ??= this.prepare();
    this.statements.set.run({ key, value, updatedAt: this.now().toISOString() });
  }

  clear(key: string): void {
    this.db.delete(t.syncState).where(eq(t.syncState.key, key)).run();
  }

  cursor(): number {
    const v = Number(this.get(KEYS.cursor) ?? 0);
    return Number.isSafeInteger(v) && v >= 0 ? v : 0;
  }

  /** Moves forward only (a late duplicate of an earlier page can never move it back). */
  advanceCursor(seq: number): void {
    if (seq > this.cursor()) this.set(KEYS.cursor, String(seq));
  }

  refused(): RefusedEntry[] {
    try {
      return JSON.parse(this.get(KEYS.refused) ?? '[]') as RefusedEntry[];
    } catch {
      return [];
    }
  }

  /** Remember a refused feed entry (the newest 100) so the reviewer can be told why. */
  addRefused(e: RefusedEntry): void {
    const list = this.refused().filter((r) => r.seq !== e.seq);
    list.push(e);
    this.set(KEYS.refused, JSON.stringify(list.slice(-100)));
  }

  // ---- outbox ----

  /** Submissions still waiting for the server's confirmation, oldest first. */
  queued(): OutboxRow[] {
    return this.db
      .select()
      .from(t.outbox)
      .where(and(eq(t.outbox.state, 'queued'), inArray(t.outbox.kind, [...SUBMISSION_KINDS])))
      .orderBy(asc(t.outbox.createdAt), asc(t.outbox.id))
      .all();
  }

  pendingCount(): number {
    return this.db.select({ n: count() }).from(t.outbox).where(and(eq(t.outbox.state, 'queued'), inArray(t.outbox.kind, [...SUBMISSION_KINDS]))).get()?.n ?? 0;
  }

  /** Stale or rejected submissions not yet dealt with (handledOf): the 「N 件需处理」 of the status line. */
  attentionCount(): number {
    const rows = this.db
      .select()
      .from(t.outbox)
      .where(and(inArray(t.outbox.state, ['rejected', 'stale']), inArray(t.outbox.kind, [...SUBMISSION_KINDS])))
      .all();
    if (!rows.length) return 0;
    const byCase = this.byCase([...new Set(rows.map((r) => r.caseId).filter((id): id is string => id !== null))]);
    const acked = this.acknowledged();
    return rows.filter((r) => handledOf(r, (r.caseId && byCase.get(r.caseId)) || [], acked) === null).length;
  }

  /** Every submission of these cases, by case, oldest first. */
  byCase(caseIds: string[]): Map<string, OutboxRow[]> {
    const byCase = new Map<string, OutboxRow[]>();
    for (const o of this.submissionsForCases(caseIds)) byCase.set(o.caseId!, [...(byCase.get(o.caseId!) ?? []), o]);
    return byCase;
  }

  acknowledged(): Set<string> {
    try {
      const v: unknown = JSON.parse(this.get(KEYS.acknowledged) ?? '[]');
      return new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    } catch {
      return new Set();
    }
  }

  /**
   * The reviewer's 知道了 on a stale or rejected submission: no longer counted (the row and its reason
   * stay). False when there is no such submission. Ids of rows gone from the outbox are dropped.
   */
  acknowledge(id: string): boolean {
    const row = this.byId(id);
    if (!row || (row.state !== 'stale' && row.state !== 'rejected')) return false;
    const ids = [...this.acknowledged(), id];
    const known = new Set(
      this.db
        .select({ id: t.outbox.id })
        .from(t.outbox)
        .where(inArray(t.outbox.id, ids))
        .all()
        .map((r) => r.id),
    );
    this.set(KEYS.acknowledged, JSON.stringify([...new Set(ids)].filter((x) => known.has(x))));
    return true;
  }

  /**
   * Counted before the request leaves (or the entry is written into an offline bundle), so that
   * `attempts > 0` means "the server may have this body": from then on the entry is never changed
   * (no timestamp added afterwards), whatever happens to the process in between.
   */
  beginAttempt(id: string): void {
    this.db
      .update(t.outbox)
      .set({ attempts: sql`${t.outbox.attempts} + 1`, updatedAt: this.now().toISOString() })
      .where(and(eq(t.outbox.id, id), eq(t.outbox.state, 'queued')))
      .run();
  }

  /** Written into an offline bundle that reached the disk (its attempt was counted by beginAttempt). */
  markExported(ids: readonly string[]): void {
    if (!ids.length) return;
    this.db.update(t.outbox).set({ exportedAt: this.now().toISOString() }).where(and(inArray(t.outbox.id, [...ids]), eq(t.outbox.state, 'queued'))).run();
  }

  /** The server's confirmed answer: one statement, and only for a row still queued. */
  settle(id: string, state: Exclude<OutboxState, 'queued' | 'sent'>, reason: string | null): boolean {
    const r = this.db
      .update(t.outbox)
      .set({ state, lastError: reason, updatedAt: this.now().toISOString() })
      .where(and(eq(t.outbox.id, id), eq(t.outbox.state, 'queued')))
      .run();
    return r.changes === 1;
  }

  /** A try that got no confirmation (counted by beginAttempt): stays queued, with the reason shown to the reviewer. */
  attemptFailed(id: string, reason: string): void {
    this.db
      .update(t.outbox)
      .set({ lastError: reason, updatedAt: this.now().toISOString() })
      .where(and(eq(t.outbox.id, id), eq(t.outbox.state, 'queued')))
      .run();
  }

  byId(id: string): OutboxRow | undefined {
    return this.db.select().from(t.outbox).where(eq(t.outbox.id, id)).get();
  }

  // ---- read-only views for the sync panel ----

  /** Submissions in these states with their case as held here: oldest first (queue order) or last answered first. */
  listWithCase(states: OutboxState[], order: 'oldest' | 'newest', limit: number): OutboxWithCase[] {
    return this.db
      .select({ row: t.outbox, local: { caseNumber: t.cases.caseNumber, partyName: t.cases.partyName, cause: t.cases.cause, revision: t.cases.revision, round: t.cases.round } })
      .from(t.outbox)
      .leftJoin(t.cases, eq(t.outbox.caseId, t.cases.id))
      .where(and(inArray(t.outbox.state, states), inArray(t.outbox.kind, [...SUBMISSION_KINDS])))
      .orderBy(...(order === 'oldest' ? [asc(t.outbox.createdAt), asc(t.outbox.id)] : [desc(t.outbox.updatedAt), desc(t.outbox.id)]))
      .limit(limit)
      .all()
      .map(({ row, local }) => ({ row, local: local?.caseNumber == null ? null : (local as LocalCase) }));
  }

  /** Every submission for these cases, oldest first (what followed a stale or rejected one). */
  submissionsForCases(caseIds: string[]): OutboxRow[] {
    if (!caseIds.length) return [];
    return this.db
      .select()
      .from(t.outbox)
      .where(and(inArray(t.outbox.caseId, caseIds), inArray(t.outbox.kind, [...SUBMISSION_KINDS])))
      .orderBy(asc(t.outbox.createdAt), asc(t.outbox.id))
      .all();
  }

  /** Revision and round of these cases as held here (absent ids are not here). */
  localRevisions(caseIds: string[]): Map<string, { revision: number; round: number }> {
    if (!caseIds.length) return new Map();
    const rows = this.db.select({ id: t.cases.id, revision: t.cases.revision, round: t.cases.round }).from(t.cases).where(inArray(t.cases.id, caseIds)).all();
    return new Map(rows.map((r) => [r.id, { revision: r.revision, round: r.round }]));
  }
}

export interface LocalCase {
  caseNumber: string;
  partyName: string;
  cause: string;
  revision: number;
  round: number;
}

export interface OutboxWithCase {
  row: OutboxRow;
  /** The case as held here, null when it is not on this workstation. */
  local: LocalCase | null;
}
