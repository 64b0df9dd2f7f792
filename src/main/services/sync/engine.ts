// The sync engine (DESIGN.md §7): one run = prepare (central settings, reviewer keys registered or
// revocations reported, timestamps on entries never sent), push the outbox, pull the feed, then take
// the central system's working-day calendar if it has a new one (calendar-sync.ts).
// Shared by the app (sync.* Api), the CLI (`fashen sync`) and the tests; the transport is injected.
import { join } from 'node:path';
import { statusLine, type SyncProgress, type SyncRunResult, type SyncStatus, type SyncSummary } from '../../../shared/sync/status';
import type { ReturnedSubmission } from '../../../shared/sync/returned';
export type { SyncRunResult };
import { BlobRepo } from '../../db/repos/blobs';
import { CaseFileRepo } from '../../db/repos/case-files';
import type { Db } from '../../db/open';
import type { WorkingDayCalendar } from '../../../shared/calendar/working-days';
import type { BlobStore } from '../blob-store';
import type { CaseImporter } from '../importer';
import { asDiskFull, DiskFullError, isDiskFull } from '../disk-space';
import { reportAuditHead, type AuditHeadSource } from './audit-head';
import { BlobFetcher, BlobIntegrityError } from './blob-fetcher';
import { syncCalendar } from './calendar-sync';
import { ProgressMeter } from './progress';
import { preparePush, type SyncKeys } from './prepare';
import { GROUP_HOLD_MS, pull } from './pull';
import { topUpNumberPool, type TopUpResult } from './number-pool';
import { stampNow as stampNowEntry, type StampNowResult } from './stamp-now';
import { push } from './push';
import { DEFAULT_RETRY, type RetryPolicy } from './retry';
import { syncLockPath, tryLock } from './run-lock';
import { KEYS, SyncStateRepo, type Outcome, type RefusedEntry } from './state';
import { readCentralLogin } from './login';
import { isTransportError, type SyncTransport } from './transport';

/** The reason of a run tried with no saved login: over once a login is saved (engine.status). */
export const NOT_LOGGED_IN = '尚未登录中心系统（fashen login）';

/** What the engine needs of the workstation (Workstation satisfies it). */
export interface SyncHost {
  readonly dataDir: string;
  readonly store: { db: Db };
  readonly blobs: BlobStore;
  readonly importer: CaseImporter;
  /** The reviewer's keys (registered with the central system at the start of a run), when there are any. */
  readonly opinions?: { readonly keys: SyncKeys };
  /** The audit log whose chain head is reported after the push (absent: nothing reported). */
  readonly audit?: AuditHeadSource;
  /** The working-day calendar, updated from the central system after the pull (absent: not asked). */
  readonly calendar?: WorkingDayCalendar;
  /** The workstation's date (China time): the year its 文号 are reserved for (number-pool.ts). */
  readonly today?: () => string;
  emit(event: 'sync.progress', payload: SyncProgress): void;
}

export interface SyncEngineOptions {
  /** The transport for one run (e.g. from the saved login); null when not logged in. */
  connect: (override: { server?: string }) => SyncTransport | null;
  retry?: RetryPolicy;
  /** Feed entries per request (default 100) and parallel downloads (default 4). */
  pageSize?: number;
  concurrency?: number;
  /** How long cases whose files are here may wait to be written with the next ones (default GROUP_HOLD_MS). */
  groupHoldMs?: number;
  now?: () => Date;
  /** FASHEN_TSA_URL (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export class SyncBusyError extends Error {
  constructor() {
    super('另一个同步正在进行（应用或命令行）');
    this.name = 'SyncBusyError';
  }
}

function classify(err: unknown, signal: AbortSignal, store: BlobStore): { outcome: Outcome; reason: string } {
  if (signal.aborted) return { outcome: 'cancelled', reason: '同步已取消' };
  const full = asDiskFull(err, store.root, undefined, store.free);
  if (full instanceof DiskFullError) return { outcome: 'error', reason: full.message };
  if (err instanceof BlobIntegrityError) return { outcome: 'error', reason: err.message };
  if (isTransportError(err)) {
    if (err.kind === 'network') return { outcome: 'offline', reason: err.message };
    if (err.status === 401) return { outcome: 'error', reason: '登录已失效，请重新登录中心系统（fashen login）' };
    if (err.status !== null && err.status >= 500) return { outcome: 'error', reason: `中心系统暂时故障：${err.message}` };
    return { outcome: 'error', reason: err.message };
  }
  return { outcome: 'error', reason: `同步失败：${(err as Error).message}` };
}

export class SyncEngine {
  readonly state: SyncStateRepo;
  private readonly cases: CaseFileRepo;
  private readonly fetcher: BlobFetcher;
  private readonly blobRows: BlobRepo;
  private readonly now: () => Date;
  private current: { controller: AbortController; promise: Promise<SyncRunResult> } | null = null;

  constructor(
    private readonly host: SyncHost,
    private readonly opts: SyncEngineOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    this.state = new SyncStateRepo(host.store.db, this.now);
    this.seenOutcome = this.outcomeStamp();
    this.cases = new CaseFileRepo(host.store.db);
    this.blobRows = new BlobRepo(host.store.db);
    this.fetcher = new BlobFetcher(join(host.dataDir, 'sync', 'blobs'), host.blobs);
  }

  get running(): boolean {
    return this.current !== null;
  }

  status(server?: string | null, running = this.current !== null): SyncStatus {
    if (!running) this.noticeOutcomeFromElsewhere();
    const { outcome, error } = this.last();
    const state = running ? '同步中' : outcome === 'synced' ? '已同步' : outcome === 'error' ? '出错' : '离线';
    return {
      state,
      pending: this.state.pendingCount(),
      attention: this.state.attentionCount(),
      lastSyncAt: this.state.get(KEYS.lastSyncAt),
      lastError: error,
      server: server ?? this.state.get(KEYS.server) ?? null,
    };
  }

  /**
   * How the last run ended and why, as stored — except a 尚未登录 error once a login is saved (by the
   * app's form or `fashen login`, which does not open the store): that run is as good as none.
   */
  last(): { outcome: Outcome | null; error: string | null } {
    const outcome = this.state.get(KEYS.lastOutcome) as Outcome | null;
    const error = this.state.get(KEYS.lastError);
    if (outcome === 'error' && error === NOT_LOGGED_IN && readCentralLogin(this.host.dataDir) !== null) return { outcome: null, error: null };
    return { outcome, error };
  }

  /** Logged in (the app's form): a stored 尚未登录 error is forgotten. */
  loggedIn(): void {
    if (this.state.get(KEYS.lastError) !== NOT_LOGGED_IN) return;
    this.state.clear(KEYS.lastError);
    this.state.clear(KEYS.lastOutcome);
  }

  /** The automatic sync of the shell running this workstation (shown in the panel); null: only by hand. */
  auto: { nextAt(): Date | null; poke(): void; settled?(outcome: SyncRunResult['outcome'] | 'threw'): void } | null = null;

  /** The stored outcome this engine last wrote or saw (value and time): another process's run shows as a change. */
  private seenOutcome: string;
  private outcomeStamp(): string {
    return `${this.state.get(KEYS.lastOutcome) ?? ''}@${this.state.updatedAt(KEYS.lastOutcome) ?? ''}`;
  }

  /** A run of `fashen sync` on this folder ended since we last looked: the automatic sync hears of it as of the button's. */
  private noticeOutcomeFromElsewhere(): void {
    const stamp = this.outcomeStamp();
    if (stamp === this.seenOutcome) return;
    this.seenOutcome = stamp;
    const outcome = this.state.get(KEYS.lastOutcome) as Outcome | null;
    if (outcome) this.auto?.settled?.(outcome);
  }

  /** The reviewer's switch for the automatic sync (on unless she turned it off). */
  autoEnabled(): boolean {
    return this.state.get(KEYS.autoSync) !== 'off';
  }

  setAutoEnabled(enabled: boolean): void {
    this.state.set(KEYS.autoSync, enabled ? 'on' : 'off');
    if (enabled) this.auto?.poke();
  }

  /** Runs one sync; a call while one is running joins it. */
  run(opts: { server?: string; signal?: AbortSignal } = {}): Promise<SyncRunResult> {
    if (this.current) return this.current.promise;
    const controller = new AbortController();
    if (opts.signal?.aborted) controller.abort(opts.signal.reason);
    opts.signal?.addEventListener('abort', () => controller.abort(opts.signal!.reason), { once: true });
    const current = { controller, promise: Promise.resolve() as unknown as Promise<SyncRunResult> };
    current.promise = this.runOnce(controller.signal, opts.server).finally(() => {
      if (this.current === current) this.current = null;
    });
    this.current = current;
    // Every run's end reaches the automatic sync (told before any caller hears of it: one of its own
    // is still going then, and it counts that one itself) — a failed 立即同步 puts it on the backoff.
    current.promise.then(
      (r) => this.auto?.settled?.(r.outcome),
      () => this.auto?.settled?.('threw'),
    );
    return current.promise;
  }

  /**
   * Right after signing: a timestamp for the new outbox entry when a TSA is known (stamp-now.ts);
   * otherwise, or on failure, it stays 待加盖时间戳 for the next sync.
   */
  async stampNow(id: string): Promise<StampNowResult> {
    const keys = this.host.opinions?.keys;
    try {
      return await stampNowEntry(
        { db: this.host.store.db, blobs: this.host.blobs, state: this.state, dataDir: this.host.dataDir, env: this.opts.env ?? process.env, trustAnchors: keys?.centralAnchors?.() ?? null, now: this.now },
        id,
      );
    } finally {
      // A new entry is queued (signed opinion or minutes): the automatic sync sends it soon — after
      // the stamping, which holds the sync lock.
      this.auto?.poke();
    }
  }

  /** Right after a login (`fashen login`): the 文号 pool topped up as a run does; never throws for the network's sake. */
  async topUpNumbers(signal: AbortSignal = AbortSignal.timeout(30_000)): Promise<TopUpResult> {
    let transport: SyncTransport | null;
    try {
      transport = this.opts.connect({});
    } catch (err) {
      // A saved login that will not open (another machine's key): a note, as for the network.
      return { reserved: 0, notes: [`未能从中心系统领取文号（${(err as Error).message}）`] };
    }
    if (!transport) return { reserved: 0, notes: [] };
    try {
      return await topUpNumberPool({ transport, db: this.host.store.db, retry: this.opts.retry ?? DEFAULT_RETRY, signal, now: this.now, ...(this.host.today ? { today: this.host.today } : {}) });
    } catch (err) {
      return { reserved: 0, notes: [`未能从中心系统领取文号（${(err as Error).message}）：下次同步时再领取`] };
    } finally {
      await transport.close().catch(() => undefined);
    }
  }

  /** Cancels the running sync; everything done so far stays (each step is atomic). */
  cancel(): boolean {
    if (!this.current) return false;
    this.current.controller.abort(new Error('同步已取消'));
    return true;
  }

  /**
   * A verified download (sealed by the fetcher) replaces a missing or damaged copy in the blob
   * store; a download the fetcher packed (file null) is there already. Either way the file list
   * says 完好 again, as 校验案卷 would.
   */
  private async repair(sha256: string, file: string | null): Promise<void> {
    if (file) await this.host.blobs.commit(await this.host.blobs.stageOwned(file, sha256));
    else if (!this.host.blobs.looksIntact(sha256)) return;
    this.blobRows.setVerified(sha256, 'ok', this.now().toISOString());
  }

  private async runOnce(signal: AbortSignal, server?: string): Promise<SyncRunResult> {
    const summary: SyncSummary = { pulled: 0, sent: 0, stale: 0, rejected: 0, refused: 0, unassigned: 0, bytes: 0 };
    const progress = new ProgressMeter((p) => this.host.emit('sync.progress', p));
    const refused: RefusedEntry[] = [];
    const problems: string[] = [];
    const notes: string[] = [];
    const returned: ReturnedSubmission[] = [];
    const prepProblems: string[] = [];
    let outcome: Outcome = 'synced';
    let reason: string | null = null;
    let transport: SyncTransport | null = null;
    const release = tryLock(syncLockPath(this.host.dataDir));
    if (!release) {
      // Another process is syncing this folder: report it, and leave its state alone.
      const status = { ...this.status(null, false), state: '出错' as const, lastError: new SyncBusyError().message };
      return { outcome: 'error', summary, status, line: statusLine(status), refused, problems, notes };
    }
    try {
      transport = this.opts.connect(server ? { server } : {});
      if (!transport) {
        outcome = 'error';
        reason = NOT_LOGGED_IN;
      } else {
        this.state.set(KEYS.server, transport.server);
        const retry = this.opts.retry ?? DEFAULT_RETRY;
        progress.phase('push', '登记签名密钥、加盖时间戳');
        const prepared = await preparePush({
          transport,
          keys: this.host.opinions?.keys ?? null,
          db: this.host.store.db,
          blobs: this.host.blobs,
          state: this.state,
          env: this.opts.env ?? process.env,
          retry,
          signal,
          now: this.now,
        });
        prepProblems.push(...prepared.problems);
        notes.push(...prepared.notes);
        Object.assign(summary, { enrolled: prepared.enrolled.length, stamped: prepared.stamp.stamped, unstamped: prepared.stamp.unstamped });
        progress.phase('push', '发送待发送的提交');
        const pushed = await push({ transport, state: this.state, retry, signal, holdFrom: prepared.holdFrom });
        Object.assign(summary, { sent: pushed.sent, stale: pushed.stale, rejected: pushed.rejected });
        returned.push(...pushed.returned);
        problems.push(...pushed.problems);
        if (pushed.waiting.length) notes.push(`${pushed.waiting.length} 件提交未送达：中心系统没有该案件或未分配给您，仍在待发送队列中；请联系中心系统管理员导入、分配该案件，之后同步时自动发送`);
        // The audit head after the push: a rewritten history is reported, the pull still runs.
        const head = await reportAuditHead(transport, this.host.audit ?? null, signal, this.state);
        if (head.kind === 'rewritten') prepProblems.push(head.problem);
        if (head.kind === 'unsent') notes.push(head.note);
        progress.phase('pull', '接收案件');
        const pulled = await pull({
          transport,
          state: this.state,
          fetcher: this.fetcher,
          importer: this.host.importer,
          cases: this.cases,
          blobs: this.host.blobs,
          progress,
          retry,
          signal,
          pageSize: this.opts.pageSize ?? 100,
          concurrency: this.opts.concurrency ?? 4,
          holdMs: this.opts.groupHoldMs ?? GROUP_HOLD_MS,
          now: this.now,
          repair: (sha256, file) => this.repair(sha256, file),
          room: (bytes) => this.host.blobs.ensureRoom(bytes),
        });
        Object.assign(summary, { pulled: pulled.pulled, unassigned: pulled.unassigned, refused: pulled.refused.length });
        if (pulled.reassigned.length) summary.reassignedCases = pulled.reassigned.map((r) => r.caseNumber);
        refused.push(...pulled.refused);
        if (this.host.calendar) {
          const cal = await syncCalendar({ transport, state: this.state, dataDir: this.host.dataDir, calendar: this.host.calendar, retry, signal });
          if (cal.updated) Object.assign(summary, { calendarUpdated: cal.updated, calendarSource: cal.source });
          if (cal.note) notes.push(cal.note);
        }
        notes.push(...(await topUpNumberPool({ transport, db: this.host.store.db, retry, signal, now: this.now, ...(this.host.today ? { today: this.host.today } : {}) })).notes);
        this.state.set(KEYS.lastSyncAt, this.now().toISOString());
        if (refused.length || problems.length || prepProblems.length) {
          outcome = 'error';
          reason = [
            ...refused.map((r) => `案卷包被拒收（${r.caseId} 修订 ${r.revision}）：${r.reason}`),
            ...prepProblems,
            ...problems.map((p) => `提交未送达 ${p}`),
          ].join('；');
        }
        problems.unshift(...prepProblems);
      }
    } catch (err) {
      ({ outcome, reason } = classify(err, signal, this.host.blobs));
    } finally {
      await transport?.close().catch(() => undefined);
      release();
    }
    summary.bytes = progress.transferred;
    let kept = true;
    try {
      this.state.set(KEYS.lastOutcome, outcome);
      if (reason) this.state.set(KEYS.lastError, reason);
      else this.state.clear(KEYS.lastError);
    } catch (err) {
      // A disk that filled up during the run: the outcome is told, though it cannot be kept.
      if (!isDiskFull(err)) throw err;
      kept = false;
      ({ outcome, reason } = classify(err, signal, this.host.blobs));
    }
    this.seenOutcome = this.outcomeStamp(); // ours: told to the automatic sync by run()
    progress.phase('done', reason ?? '');
    const stored = this.status(transport?.server ?? null, false);
    const status = kept ? stored : { ...stored, state: '出错' as const, lastError: reason };
    return { outcome, summary, status, line: statusLine(status, summary), refused, problems, notes, returned };
  }
}
