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
} as const;

export type Outcome = SyncOutcome;
export type { RefusedEntry };

export class SyncStateRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(key: string): string | null {
    return this.db.select({ v: t.syncState.value }).from(t.syncState).where(eq(t.syncState.key, key)).get()?.v ?? null;
  }

  set(key: string, value: string): void {
    const updatedAt = this.now().toISOString();
    this.db.insert(t.syncState).values({ key, value, updatedAt }).onConflictDoUpdate({ target: t.syncState.key, set: { value, updatedAt } }).run();
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

  attentionCount(): number {
    return this.db.select({ n: count() }).from(t.outbox).where(inArray(t.outbox.state, ['rejected', 'stale'])).get()?.n ?? 0;
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
