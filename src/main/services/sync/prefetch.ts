// Downloads the blobs of a feed page ahead of the imports: in feed order, `concurrency` at a time,
// while the pull imports the entries one by one in order. So the network (and the server) stays
// busy while a case is being imported, instead of idling between cases.
//
// Nothing changes about what becomes visible: a download is only a verified file in
// <data>/sync/blobs until its entry is imported, and entries are imported (and the cursor moved)
// strictly in feed order. After the first failure no further download starts; the entries whose
// files are all here are still imported, and the pull stops at the first entry that lacks one.
// `close()` stops and waits for every download in flight, so nothing writes into sync/blobs after
// the run has released its lock.
import type { BlobStore } from '../blob-store';
import type { BlobFetcher, WantedBlob } from './blob-fetcher';
import type { ProgressMeter } from './progress';
import { withRetry, type RetryPolicy } from './retry';
import type { SyncTransport } from './transport';

/** Downloaded but not yet imported: at most this many bytes ahead of the entry being imported. */
export const LOOKAHEAD_BYTES = 256 * 1024 * 1024;

export interface PrefetchDeps {
  transport: SyncTransport;
  fetcher: BlobFetcher;
  blobs: BlobStore;
  progress: ProgressMeter;
  retry: RetryPolicy;
  signal: AbortSignal;
  concurrency: number;
  /** Default LOOKAHEAD_BYTES. */
  lookaheadBytes?: number;
}

interface Job {
  blob: WantedBlob;
  /** The first entry (index in the page) that needs it, and its progress label. */
  entry: number;
  label: string;
  settled: Promise<void>;
  resolve(): void;
  reject(err: unknown): void;
  started: boolean;
  /** Its bytes are counted in `ahead` (started for a later entry than the current one). */
  ahead: boolean;
}

function job(blob: WantedBlob, entry: number, label: string): Job {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const settled = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Awaited only when its entry comes; never an unhandled rejection before that.
  settled.catch(() => undefined);
  return { blob, entry, label, settled, resolve, reject, started: false, ahead: false };
}

export class Prefetcher {
  private readonly jobs: Job[] = [];
  private readonly bySha = new Map<string, Job>();
  private readonly stop = new AbortController();
  private readonly signal: AbortSignal;
  private next = 0;
  /** The entry the pull is waiting for or importing; bytes of later entries count as ahead. */
  private current = 0;
  private ahead = 0;
  private failure: { err: unknown } | null = null;
  private wake: (() => void) | null = null;
  private readonly workers: Promise<void>[];

  /** `wanted[i]`: the blobs entry i needs that are not here yet (empty for entries without files). */
  constructor(
    private readonly d: PrefetchDeps,
    wanted: readonly (readonly WantedBlob[])[],
    labels: readonly string[],
  ) {
    this.signal = AbortSignal.any([d.signal, this.stop.signal]);
    wanted.forEach((blobs, entry) => {
      for (const b of blobs) {
        if (this.bySha.has(b.sha256)) continue;
        const j = job(b, entry, labels[entry] ?? '');
        this.bySha.set(b.sha256, j);
        this.jobs.push(j);
      }
    });
    this.workers = Array.from({ length: Math.max(1, Math.min(d.concurrency, this.jobs.length)) }, () => this.work());
  }

  /** Resolves when every blob of the entry is verified in sync/blobs (or already in the store). */
  async ready(entry: number, blobs: readonly WantedBlob[]): Promise<void> {
    this.moveTo(entry);
    await Promise.all(blobs.map((b) => this.bySha.get(b.sha256)?.settled));
  }

  /** The pull is done with entries before `entry`: their bytes no longer count as ahead. */
  moveTo(entry: number): void {
    if (entry <= this.current) return;
    for (const j of this.jobs)
      if (j.ahead && j.entry < entry) {
        j.ahead = false;
        this.ahead -= j.blob.size;
      }
    this.current = entry;
    this.poke();
  }

  /** Stops starting downloads, cancels those in flight (their partial copies stay) and waits for them. */
  async close(): Promise<void> {
    this.stop.abort(new Error('prefetch closed'));
    this.poke();
    await Promise.all(this.workers);
    for (const j of this.jobs) if (!j.started) j.reject(this.failure?.err ?? new Error('prefetch closed'));
  }

  private poke(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private mayStart(j: Job): boolean {
    return j.entry <= this.current || this.ahead + j.blob.size <= (this.d.lookaheadBytes ?? LOOKAHEAD_BYTES);
  }

  private async work(): Promise<void> {
    for (;;) {
      if (this.failure || this.signal.aborted) return;
      const j = this.jobs[this.next];
      if (!j) return;
      if (!this.mayStart(j)) {
        // Far enough ahead: wait until the pull moves on (or the run stops).
        await new Promise<void>((res) => {
          const prev = this.wake;
          this.wake = () => {
            prev?.();
            res();
          };
        });
        continue;
      }
      this.next++;
      j.started = true;
      if (j.entry > this.current) {
        j.ahead = true;
        this.ahead += j.blob.size;
      }
      try {
        await this.fetchOne(j);
        j.resolve();
      } catch (err) {
        this.failure ??= { err };
        j.reject(err);
        // The pull stops at the first entry that lacks a file: later downloads would be wasted.
        for (const k of this.jobs.slice(this.next)) if (!k.started) k.reject(err);
        this.poke();
        return;
      }
    }
  }

  private async fetchOne(j: Job): Promise<void> {
    const { d } = this;
    const sha = j.blob.sha256;
    // Shared with an entry imported moments ago (earlier page): it is good already.
    if (!d.fetcher.verifiedPath(sha) && d.blobs.has(sha) && (await d.blobs.verify(sha)) === 'ok') return;
    await withRetry(d.retry, this.signal, () => d.fetcher.fetch(d.transport, j.blob, this.signal, (n) => d.progress.bytes(n)));
    d.progress.fileDone(j.label);
  }
}
