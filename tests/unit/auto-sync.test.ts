// The automatic sync's schedule, on a clock the test moves: first run after the workstation
// opens, a quarter of an hour after a good run, a doubling backoff (capped, with jitter) while the
// central system is unreachable, soon after a poke (and once more when poked during a run), never
// while logged out, nothing after stop — which waits for a run still going.
import { describe, expect, it } from 'vitest';
import { AutoSync, AUTO_SYNC_DEFAULTS } from '../../src/main/services/sync/auto-sync';
import { ManualTimers } from '../helpers/manual-timers';
import type { SyncRunResult } from '../../src/shared/sync/status';

/** Manual timers with a step that fires the next timer and lets the run's promise settle. */
class Clock extends ManualTimers {
  async fire(): Promise<void> {
    const at = this.next();
    if (at === null) throw new Error('no timer');
    this.advance(at - this.now);
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
}

const result = (outcome: SyncRunResult['outcome']) => ({ outcome, summary: { pulled: 0, sent: 0, stale: 0, rejected: 0, refused: 0, unassigned: 0, bytes: 0 } }) as unknown as SyncRunResult;

function setup(outcomes: SyncRunResult['outcome'][], ready = () => true) {
  const clock = new Clock();
  const runs: number[] = [];
  const auto = new AutoSync({
    timers: clock,
    now: () => clock.now,
    random: () => 0.5, // jitter ×1
    ready,
    run: async () => {
      runs.push(clock.now);
      return result(outcomes.shift() ?? 'synced');
    },
  });
  return { clock, runs, auto };
}

const { firstMs, soonMs, idleMs, retryMinMs, retryMaxMs } = AUTO_SYNC_DEFAULTS;

describe('AutoSync', () => {
  it('runs after the workstation opens, then every quarter of an hour while all is well', async () => {
    const { clock, runs, auto } = setup([]);
    auto.start();
    await clock.fire();
    await clock.fire();
    await clock.fire();
    expect(runs).toEqual([firstMs, firstMs + idleMs, firstMs + 2 * idleMs]);
  });

  it('offline: retries after 1, 2, 4 minutes, then every 5 (the cap); back to the quarter hour once through', async () => {
    const { clock, runs, auto } = setup(['offline', 'offline', 'offline', 'error', 'offline', 'synced']);
    auto.start();
    for (let i = 0; i < 7; i++) await clock.fire();
    const gaps = runs.slice(1).map((t, i) => t - runs[i]!);
    expect(gaps).toEqual([retryMinMs, 2 * retryMinMs, 4 * retryMinMs, retryMaxMs, retryMaxMs, idleMs]);
  });

  it('jitter spreads a retry over ×0.75 … ×1.25', () => {
    const lo = new AutoSync({ run: async () => result('synced'), ready: () => true, random: () => 0 });
    const hi = new AutoSync({ run: async () => result('synced'), ready: () => true, random: () => 0.999999 });
    expect(lo.nextDelay('offline')).toBe(0.75 * retryMinMs);
    expect(hi.nextDelay('offline')).toBe(1.25 * retryMinMs);
    expect(lo.nextDelay('synced')).toBe(idleMs);
  });

  it('a poke (signed, logged in) brings the next run to a few seconds and forgets the backoff', async () => {
    const { clock, runs, auto } = setup(['offline', 'offline', 'offline']);
    auto.start();
    await clock.fire();
    await clock.fire();
    await clock.fire(); // three failures: the next try would be 4 minutes away
    expect(clock.next()! - clock.now).toBe(4 * retryMinMs);
    auto.poke();
    expect(clock.next()! - clock.now).toBe(soonMs);
    await clock.fire(); // synced
    expect(runs).toHaveLength(4);
    expect(clock.next()! - clock.now).toBe(idleMs);
  });

  it('poked again and again (a flapping line, one sign after another): the run is not pushed back', async () => {
    const { clock, runs, auto } = setup(['offline']);
    auto.start();
    await clock.fire(); // offline: the next try a minute away
    auto.poke();
    const due = clock.next()!;
    expect(due - clock.now).toBe(soonMs);
    for (let i = 0; i < 5; i++) {
      clock.advance(soonMs / 10);
      auto.poke();
      expect(clock.next()).toBe(due);
    }
    clock.advance(due - clock.now);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(runs).toEqual([firstMs, due]);
  });

  it('poked while a run goes on: one more run right after it (what was signed meanwhile goes out)', async () => {
    const clock = new Clock();
    let release!: (r: SyncRunResult) => void;
    let runs = 0;
    const auto = new AutoSync({
      timers: clock,
      ready: () => true,
      run: () => {
        runs++;
        return runs === 1 ? new Promise((r) => (release = r)) : Promise.resolve(result('synced'));
      },
    });
    auto.start();
    await clock.fire();
    auto.poke();
    expect(clock.pending()).toBe(0); // nothing scheduled while running
    release(result('synced'));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(clock.next()! - clock.now).toBe(soonMs);
    await clock.fire();
    expect(runs).toBe(2);
  });

  it('logged out: no run, only a look again later; after a login poke it runs', async () => {
    let loggedIn = false;
    const { clock, runs, auto } = setup([], () => loggedIn);
    auto.start();
    await clock.fire();
    await clock.fire();
    expect(runs).toEqual([]);
    loggedIn = true;
    auto.poke();
    await clock.fire();
    expect(runs).toHaveLength(1);
  });

  it('a run that throws is retried as an offline one and reported', async () => {
    const clock = new Clock();
    const errors: unknown[] = [];
    let n = 0;
    const auto = new AutoSync({
      timers: clock,
      random: () => 0.5,
      ready: () => true,
      onError: (e) => errors.push(e),
      run: async () => {
        if (++n === 1) throw new Error('store closed');
        return result('synced');
      },
    });
    auto.start();
    await clock.fire();
    expect(errors).toHaveLength(1);
    expect(clock.next()! - clock.now).toBe(retryMinMs);
  });

  it('stop: nothing more is scheduled, and it resolves only when the run going on has ended', async () => {
    const clock = new Clock();
    let release!: (r: SyncRunResult) => void;
    const auto = new AutoSync({ timers: clock, ready: () => true, run: () => new Promise((r) => (release = r)) });
    auto.start();
    await clock.fire();
    let stopped = false;
    const stopping = auto.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release(result('synced'));
    await stopping;
    expect(stopped).toBe(true);
    expect(clock.pending()).toBe(0);
    auto.poke();
    expect(clock.pending()).toBe(0);
  });

  describe('a run started elsewhere (立即同步, `fashen sync`) moves the schedule as its own would', () => {
    it('a failed manual run: retries after 1, 2 minutes instead of at the quarter-hour slot; a success goes back to it', async () => {
      const { clock, runs, auto } = setup(['synced', 'offline', 'synced']);
      auto.start();
      await clock.fire(); // synced: the next run a quarter hour away
      expect(clock.next()! - clock.now).toBe(idleMs);
      clock.advance(60_000);
      auto.settled('offline'); // 立即同步 while the central system is unreachable
      expect(clock.next()! - clock.now).toBe(retryMinMs);
      auto.settled('error'); // once more by hand: counted, but the retry already due is not put off
      expect(clock.next()! - clock.now).toBe(retryMinMs);
      await clock.fire(); // the automatic retry, still offline: the third failure, 4 minutes
      expect(clock.next()! - clock.now).toBe(4 * retryMinMs);
      auto.settled('synced'); // by hand, through: backoff forgotten
      expect(clock.next()! - clock.now).toBe(idleMs);
      await clock.fire();
      expect(runs).toHaveLength(3);
      expect(clock.next()! - clock.now).toBe(idleMs);
    });

    it('never later than a run already due; a run a poke asked for is not pushed back by a success', async () => {
      const { clock, auto } = setup([]);
      auto.start(); // due in firstMs
      auto.settled('offline');
      expect(clock.next()! - clock.now).toBe(firstMs); // sooner than the minute
      await clock.fire();
      auto.poke(); // signed meanwhile
      auto.settled('synced');
      expect(clock.next()! - clock.now).toBe(soonMs);
    });

    it('ignored while a run of its own goes on (that run was joined and is counted once), and after stop', async () => {
      const clock = new Clock();
      let release!: (r: SyncRunResult) => void;
      const auto = new AutoSync({ timers: clock, random: () => 0.5, ready: () => true, run: () => new Promise((r) => (release = r)) });
      auto.start();
      await clock.fire();
      auto.settled('offline');
      expect(clock.pending()).toBe(0);
      release(result('offline'));
      for (let i = 0; i < 5; i++) await Promise.resolve();
      expect(clock.next()! - clock.now).toBe(retryMinMs); // one failure, not two
      await auto.stop();
      auto.settled('offline');
      expect(clock.pending()).toBe(0);
    });
  });
});
