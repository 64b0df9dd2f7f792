// The sync's progress meter: speed over the last 3 s, time remaining at that speed, and a bounded
// number of samples however many chunks arrive (one per chunk was ~130,000 for 2 GB).
import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../../src/main/services/sync/progress';
import type { SyncProgress } from '../../src/shared/sync/status';

function meter() {
  let now = 0;
  const emitted: SyncProgress[] = [];
  const m = new ProgressMeter((p) => emitted.push(p), () => now);
  return { m, emitted, at: (t: number) => void (now = t) };
}

describe('ProgressMeter', () => {
  it('gives the speed over the last three seconds and the time left at it', () => {
    const { m, at } = meter();
    m.addFiles(10, 10_000_000);
    // 1 MB/s for 2 s in 1,000 chunks of 2 kB.
    for (let i = 0; i < 1000; i++) {
      at(i * 2);
      m.bytes(2_000);
    }
    at(2_000);
    const p = m.snapshot();
    expect(p.bytesDone).toBe(2_000_000);
    expect(p.speed).toBeGreaterThan(950_000);
    expect(p.speed).toBeLessThan(1_050_000);
    expect(p.remaining).toBe(Math.ceil(8_000_000 / p.speed));
    expect(m.transferred).toBe(2_000_000);
  });

  it('forgets what came more than three seconds ago', () => {
    const { m, at } = meter();
    m.addFiles(1, 100_000_000);
    at(0);
    m.bytes(50_000_000);
    at(10_000);
    m.bytes(1_000);
    at(10_500);
    expect(m.snapshot().speed).toBe(2_000); // 1 kB over the 500 ms since, not the 50 MB of before
  });

  it('keeps few samples however many chunks arrive', () => {
    const { m, at } = meter();
    m.addFiles(1, 1e9);
    for (let i = 0; i < 100_000; i++) {
      at(i * 0.1); // 100,000 chunks in 10 s
      m.bytes(10_000);
    }
    const samples = (m as unknown as { samples: unknown[] }).samples;
    expect(samples.length).toBeLessThanOrEqual(3_000 / 50 + 1);
    expect(m.snapshot().bytesDone).toBe(1e9);
  });

  it('a dropped partial copy counts back, not as transferred', () => {
    const { m } = meter();
    m.addFiles(1, 1_000);
    m.bytes(600);
    m.bytes(-600);
    expect(m.snapshot().bytesDone).toBe(0);
    expect(m.transferred).toBe(600);
  });
});
