// Automatic sync while the app runs (DESIGN.md: "work queues up and syncs when a connection
// returns"): a reviewer in a county office should not have to remember 立即同步 once the network
// is back. While logged in, one run shortly after the workstation opens, again soon after she
// signs something or logs in, every `idleMs` after a good run, and — while the central system is
// unreachable — on a backoff from `retryMinMs` doubling up to `retryMaxMs` (with jitter, so the
// offices of one county do not all knock at the same second when a line comes back). Each run is
// the same SyncEngine run as the button's (a run already going is joined, not doubled). A run
// started elsewhere (the button, `fashen sync`) is reported by the engine (`settled`) and moves the
// schedule the same way: a failed 立即同步 retries after a minute, not at the old quarter-hour slot.
import type { SyncRunResult } from '../../../shared/sync/status';
import { realTimers, type Timers } from '../timers';

export interface AutoSyncOptions {
  /** One sync run (the shells: through the engine; what it did is recorded by `onRun`). */
  run(): Promise<SyncRunResult>;
  /** Whether a run makes sense now (a saved login). Asked at every turn: logging in later is seen. */
  ready(): boolean;
  /** Told of every automatic run's result (the audit chain records the runs that changed something). */
  onRun?(result: SyncRunResult): void;
  onError?(err: unknown): void;
  timers?: Timers;
  random?: () => number;
  now?: () => number;
}

export interface AutoSyncTiming {
  /** After the workstation opens. */
  firstMs?: number;
  /** After a sign, a login, the connection coming back or the computer waking (poke). */
  soonMs?: number;
  idleMs?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
}

export const AUTO_SYNC_DEFAULTS = { firstMs: 10_000, soonMs: 3_000, idleMs: 15 * 60_000, retryMinMs: 60_000, retryMaxMs: 5 * 60_000 } as const;

export class AutoSync {
  private timer: unknown = null;
  private dueAt: number | null = null;
  /** The run going on (awaited by stop: the store must not close under it). */
  private running: Promise<void> | null = null;
  private stopped = true;
  private failures = 0;
  /** A poke while a run goes on: one more run right after it (the entry signed meanwhile goes out). */
  private again = false;
  /** The run due was asked for by a poke (something to send): a run ended elsewhere does not push it back. */
  private poked = false;
  private readonly timers: Timers;
  private readonly t: Required<AutoSyncTiming>;

  constructor(private readonly opts: AutoSyncOptions & AutoSyncTiming) {
    this.timers = opts.timers ?? realTimers;
    const given = Object.entries(opts).filter(([k, v]) => k in AUTO_SYNC_DEFAULTS && typeof v === 'number');
    this.t = { ...AUTO_SYNC_DEFAULTS, ...Object.fromEntries(given) };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.failures = 0;
    this.schedule(this.t.firstMs);
  }

  /** No more runs; resolves when a run going on has ended (the caller cancels it first if in a hurry). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.again = false;
    this.clear();
    await this.running;
  }

  /** Something to send, a login, a connection back: a run soon, the backoff forgotten. */
  poke(): void {
    if (this.stopped) return;
    this.failures = 0;
    if (this.running) {
      this.again = true;
      return;
    }
    // Never later than a run already due sooner: a flapping line pokes again and again.
    if (this.dueAt !== null && this.dueAt <= this.now() + this.t.soonMs) return;
    this.schedule(this.t.soonMs, true);
  }

  /**
   * A run not started here ended (立即同步, or `fashen sync` on the same folder as the store shows it):
   * it moves the schedule as one of ours would — a failure onto the backoff (1, 2, 4 … minutes, never
   * later than a run already due), a success back to the quarter hour (the backoff forgotten; a run
   * a poke asked for stays). Ignored while a run of ours goes on: it joined that one and counts it.
   */
  settled(outcome: SyncRunResult['outcome'] | 'threw'): void {
    if (this.stopped || this.running) return;
    const ok = outcome === 'synced' || outcome === 'cancelled';
    this.failures = ok ? 0 : this.failures + 1;
    const ms = this.nextDelay(outcome);
    const sooner = this.dueAt !== null && this.dueAt <= this.now() + ms;
    if (sooner && (!ok || this.poked)) return;
    this.schedule(ms);
  }

  /** When the next automatic run is due (null: one is going on, or stopped). */
  nextAt(): Date | null {
    return this.dueAt === null ? null : new Date(this.dueAt);
  }

  /** The delay before the next run after one that ended `outcome` (exposed for the status text and tests). */
  nextDelay(outcome: SyncRunResult['outcome'] | 'threw'): number {
    if (outcome === 'synced' || outcome === 'cancelled') return this.t.idleMs;
    const base = Math.min(this.t.retryMaxMs, this.t.retryMinMs * 2 ** Math.max(0, this.failures - 1));
    // ×[0.75, 1.25): spread, never past the cap by more than a quarter.
    return Math.round(base * (0.75 + 0.5 * (this.opts.random ?? Math.random)()));
  }

  private schedule(ms: number, poked = false): void {
    this.clear();
    if (this.stopped) return;
    this.poked = poked;
    this.dueAt = this.now() + ms;
    this.timer = this.timers.setTimeout(() => this.turn(), ms);
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private clear(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = null;
  }

  private turn(): void {
    this.timer = null;
    this.dueAt = null;
    if (this.stopped || this.running) return;
    if (!this.opts.ready()) return this.schedule(this.t.idleMs);
    this.running = this.runOnce().finally(() => {
      this.running = null;
    });
  }

  private async runOnce(): Promise<void> {
    let outcome: SyncRunResult['outcome'] | 'threw';
    try {
      const result = await this.opts.run();
      outcome = result.outcome;
      this.opts.onRun?.(result);
    } catch (err) {
      outcome = 'threw';
      this.opts.onError?.(err);
    }
    if (this.stopped) return;
    this.failures = outcome === 'synced' || outcome === 'cancelled' ? 0 : this.failures + 1;
    if (this.again) {
      this.again = false;
      return this.schedule(this.t.soonMs, true);
    }
    this.schedule(this.nextDelay(outcome));
  }
}
