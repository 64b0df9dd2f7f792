// Timers a test moves by hand (never wall time): the inactivity lock, the automatic sync.
import type { Timers } from '../../src/main/services/timers';

export class ManualTimers implements Timers {
  now = 0;
  private seq = 0;
  private readonly due = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    this.due.set(++this.seq, { at: this.now + ms, fn });
    return this.seq;
  }

  clearTimeout(h: unknown): void {
    this.due.delete(h as number);
  }

  /** Moves the clock by `ms`, firing what falls due on the way, in order. */
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.due].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > this.now) continue;
      this.due.delete(id);
      t.fn();
    }
  }

  /** When the next timer falls due (null: none pending). */
  next(): number | null {
    const ats = [...this.due.values()].map((d) => d.at);
    return ats.length ? Math.min(...ats) : null;
  }

  pending(): number {
    return this.due.size;
  }
}
