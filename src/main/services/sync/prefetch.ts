// Downloads the blobs of a feed page ahead of the imports: in feed order, `concurrency` requests at
// a time, while the pull imports the entries one by one in order. So the network (and the server)
// stays busy while a case is being imported, instead of idling between cases. When the transport
// has batch downloads, one request asks for consecutive blobs (of one entry or a few) up to
// BATCH_BYTES; after a failure in a batch, the rest of it is fetched blob by blob (with retries, the
// one cut off resumed with Range).
//
// Nothing changes about what becomes visible: a download is only a verified file in
// <data>/sync/blobs until its entry is imported, and entries are imported (and the cursor moved)
// strictly in feed order. After the first failure no further download starts; the entries whose
// files are all here are still imported, and the pull stops at the first entry that lacks one.
// `close()` stops and waits for every download in flight, so nothing writes into sync/blobs after
// the run has released its lock.
import { BLOB_BATCH_MAX_IDS } from '../../../shared/sync/protocol';
import type { BlobStore } from '../blob-store';
import { BlobIntegrityError, type BlobFetcher, type WantedBlob } from './blob-fetcher';
import type { ProgressMeter } from './progress';
import { withRetry, type RetryPolicy } from './retry';
import type { SyncTransport } from './transport';

/** Downloaded but not yet imported: at most this many bytes ahead of the entry being imported. */
export const LOOKAHEAD_BYTES = 256 * 1024 * 1024;

/** One batch request (transport.blobs) asks for consecutive blobs up to about this many bytes. */
export const BATCH_BYTES = 16 * 1024 * 1024;

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
  /** Throws unless this many bytes fit on the disk: asked before each request, so the pull stops there. */
  room?: (bytes: number) => void;
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
  /** The store held a copy when the pull asked for it: a bad one (a repair), never a reason to skip it. */
  badCopy: boolean;
  /** Resolved: the blob is here. */
  done: boolean;
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
  const j: Job = { blob, entry, label, settled, resolve: () => ((j.done = true), resolve()), reject, started: false, ahead: false, badCopy: false, done: false };
  return j;
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
        j.badCopy = b.local ? b.local === 'bad' : d.blobs.has(b.sha256);
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

  /** Whether every one of these blobs is here already (ready() would not wait). */
  isReady(blobs: readonly WantedBlob[]): boolean {
    return blobs.every((b) => this.bySha.get(b.sha256)?.done ?? true);
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
      const group = [this.claim(j)];
      if (this.d.transport.blobs && !this.d.fetcher.hasPartial(j.blob.sha256)) {
        // One request for the following blobs too (of this entry and the next ones), as long as
        // each may start and the request stays under BATCH_BYTES; a partial copy is resumed alone.
        let bytes = j.blob.size;
        for (
          let k = this.jobs[this.next];
          k && group.length < BLOB_BATCH_MAX_IDS && bytes + k.blob.size <= BATCH_BYTES && this.mayStart(k) && !this.d.fetcher.hasPartial(k.blob.sha256);
          k = this.jobs[this.next]
        ) {
          bytes += k.blob.size;
          group.push(this.claim(k));
        }
      }
      try {
        this.d.room?.(group.reduce((n, k) => n + k.blob.size, 0));
        if (group.length > 1) await this.fetchGroup(group);
        else await this.fetchOne(j);
      } catch (err) {
        this.failure ??= { err };
        // The pull stops at the first entry that lacks a file: later downloads would be wasted.
        for (const k of group) k.reject(err);
        for (const k of this.jobs.slice(this.next)) if (!k.started) k.reject(err);
        this.poke();
        return;
      }
    }
  }

  private claim(j: Job): Job {
    this.next++;
    j.started = true;
    if (j.entry > this.current) {
      j.ahead = true;
      this.ahead += j.blob.size;
    }
    return j;
  }

  /**
   * Already in the blob store (shared with an entry imported moments ago): nothing to fetch. A blob
   * the pull found missing or bad when it planned this page is not looked for again: the page's
   * entries share one job per blob, so nothing else here stores it meanwhile.
   */
  private stored(j: Job): boolean {
    return !j.badCopy && !j.blob.local && !this.d.fetcher.verifiedPath(j.blob.sha256) && this.d.blobs.looksIntact(j.blob.sha256);
  }

  private async fetchOne(j: Job): Promise<void> {
    const { d } = this;
    if (!this.stored(j)) {
      await withRetry(d.retry, this.signal, () => d.fetcher.fetch(d.transport, j.blob, this.signal, (n) => d.progress.bytes(n)));
      d.progress.fileDone(j.label);
    }
    j.resolve();
  }

  /**
   * A batch download; each job is ready as soon as its blob is in. On a failure other than a bad
   * blob, what is left is fetched one by one (retried as usual, the blob cut off resumed with Range).
   */
  private async fetchGroup(group: Job[]): Promise<void> {
    const { d } = this;
    const todo = group.filter((j) => (this.stored(j) ? (j.resolve(), false) : true));
    const byShaDone = new Set<string>();
    if (todo.length > 1) {
      try {
        await d.fetcher.fetchBatch(d.transport, todo.map((j) => j.blob), this.signal, (n) => d.progress.bytes(n), (b) => {
          const j = todo.find((x) => x.blob.sha256 === b.sha256)!;
          byShaDone.add(b.sha256);
          d.progress.fileDone(j.label);
          j.resolve();
        });
      } catch (err) {
        if (err instanceof BlobIntegrityError || this.signal.aborted) throw err;
      }
    }
    for (const j of todo) {
      if (byShaDone.has(j.blob.sha256)) continue;
      this.signal.throwIfAborted();
      await this.fetchOne(j);
    }
  }
}
