// Progress of one sync: files and bytes done of the known total, speed over a sliding window,
// time remaining at that speed. Emission is throttled (the UI needs a few updates a second).
import type { SyncProgress } from '../../../shared/sync/status';

const WINDOW_MS = 3_000;
const EMIT_EVERY_MS = 200;
const SLOT_MS = 50;

export class ProgressMeter {
  private p: SyncProgress = { phase: 'push', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, speed: 0, remaining: null, label: '' };
  private samples: { at: number; bytes: number }[] = [];
  private lastEmit = 0;
  /** Bytes moved over the wire in this run. */
  transferred = 0;

  constructor(
    private readonly emit: (p: SyncProgress) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  phase(phase: SyncProgress['phase'], label = ''): void {
    this.p = { ...this.p, phase, label };
    this.flush(true);
  }

  addFiles(n: number, bytes: number): void {
    this.p.filesTotal += n;
    this.p.bytesTotal += bytes;
    this.flush(false);
  }

  fileDone(label: string): void {
    this.p.filesDone += 1;
    this.p.label = label;
    this.flush(false);
  }

  /** Bytes already here from an earlier, interrupted run (not counted as transferred). */
  resumed(n: number): void {
    this.p.bytesDone += n;
  }

  /** Bytes received (negative when a partial copy had to be dropped). */
  bytes(n: number): void {
    this.p.bytesDone += n;
    if (n > 0) this.transferred += n;
    const at = this.clock();
    // Received chunks are counted into slots of SLOT_MS: one sample per chunk was ~130,000 of them
    // for 2 GB, and dropping the oldest one at a time cost ~0.5 s of an initial sync.
    const last = this.samples[this.samples.length - 1];
    if (last && at - last.at < SLOT_MS) last.bytes += Math.max(n, 0);
    else this.samples.push({ at, bytes: Math.max(n, 0) });
    while (this.samples.length && this.samples[0]!.at < at - WINDOW_MS) this.samples.shift();
    this.flush(false);
  }

  snapshot(): SyncProgress {
    const at = this.clock();
    const recent = this.samples.filter((s) => s.at >= at - WINDOW_MS);
    const span = recent.length ? Math.max(at - recent[0]!.at, 250) : 0;
    const speed = span ? Math.round((recent.reduce((n, s) => n + s.bytes, 0) * 1000) / span) : 0;
    const left = Math.max(this.p.bytesTotal - this.p.bytesDone, 0);
    return { ...this.p, speed, remaining: speed > 0 ? Math.ceil(left / speed) : left === 0 ? 0 : null };
  }

  private flush(force: boolean): void {
    const at = this.clock();
    if (!force && at - this.lastEmit < EMIT_EVERY_MS) return;
    this.lastEmit = at;
    this.emit(this.snapshot());
  }
}
