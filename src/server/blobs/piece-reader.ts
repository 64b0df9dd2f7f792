// Reads pieces of many files into shared memory on a few worker threads, one message per call.
// Why: through node:fs every open, read and close is its own trip to libuv's thread pool and back
// (a thread woken, the event loop woken): ~50 µs of CPU each on this server's VM, three per small
// blob — most of the server's CPU for a batch answer (blob-frames.ts), where the bytes themselves
// cost a tenth of that. A worker does the same calls synchronously, a slab's worth of files at a
// time, so the event loop never waits on the disk and pays one message per slab, not three per blob.
import { Worker } from 'node:worker_threads';
import type { PiecesRead } from './backend';

/** `length` bytes of the file at `path` from `position`, to be read to `offset` of the buffer. */
export interface FilePiece {
  path: string;
  position: number;
  length: number;
  offset: number;
}

// Plain JavaScript, run with eval: no worker entry file to build into the server's bundle and the tests.
export const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { closeSync, openSync, readSync } = require('node:fs');
parentPort.on('message', ({ buffer, byteOffset, pieces }) => {
  const into = new Uint8Array(buffer, byteOffset);
  let done = 0, bytes = 0, error;
  for (; done < pieces.length; done++) {
    const [path, position, length, offset] = pieces[done];
    let fd = -1;
    bytes = 0;
    try {
      fd = openSync(path, 'r');
      while (bytes < length) {
        const n = readSync(fd, into, offset + bytes, length - bytes, position + bytes);
        if (n === 0) break;
        bytes += n;
      }
    } catch (err) {
      error = { message: err.message, code: err.code };
    } finally {
      if (fd >= 0) try { closeSync(fd); } catch {}
    }
    if (error || bytes < length) break;
  }
  parentPort.postMessage({ pieces: done, bytes: done === pieces.length ? 0 : bytes, error });
});
`;

/** At most this many workers (libuv's pool has 4 threads): one call at a time each, the rest queued. */
const MAX_WORKERS = 4;

interface Job {
  message: { buffer: SharedArrayBuffer; byteOffset: number; pieces: [string, number, number, number][] };
  resolve(read: PiecesRead): void;
  reject(err: Error): void;
}

interface Reply {
  pieces: number;
  bytes: number;
  error?: { message: string; code?: string };
}

export class PieceReaders {
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  /** Every live worker, and the call it is on (null: idle). */
  private readonly workers = new Map<Worker, Job | null>();

  /** `source`: the threads' code (tests give one that dies on a given path). */
  constructor(private readonly source = WORKER_SOURCE) {}

  read(into: Buffer, pieces: readonly FilePiece[]): Promise<PiecesRead> {
    if (!(into.buffer instanceof SharedArrayBuffer)) return Promise.reject(new Error('pieces are read into memory shared with the reader threads (a SharedArrayBuffer)'));
    const bad = pieces.find((p) => p.position < 0 || p.offset < 0 || p.length < 0 || p.offset + p.length > into.length);
    if (bad) return Promise.reject(new Error(`piece of ${bad.path} outside the buffer`));
    return new Promise((resolve, reject) => {
      this.queue.push({ message: { buffer: into.buffer as SharedArrayBuffer, byteOffset: into.byteOffset, pieces: pieces.map((p) => [p.path, p.position, p.length, p.offset]) }, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    while (this.queue.length > 0) {
      let worker: Worker | null;
      try {
        worker = this.idle.pop() ?? (this.workers.size < MAX_WORKERS ? this.spawn() : null);
      } catch (err) {
        this.queue.shift()!.reject(err as Error); // no thread to be had (resources): this call fails, not the process
        continue;
      }
      if (!worker) return;
      const job = this.queue.shift()!;
      this.workers.set(worker, job);
      worker.ref();
      worker.postMessage(job.message);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(this.source, { eval: true });
    this.workers.set(worker, null);
    worker.on('message', (r: Reply) => this.answered(worker, r));
    // A worker that dies takes only its call with it; the next call starts another.
    worker.on('error', (err) => this.lost(worker, err));
    worker.on('exit', (code) => this.lost(worker, new Error(`blob reader thread exited (${code})`)));
    return worker;
  }

  private answered(worker: Worker, r: Reply): void {
    const job = this.workers.get(worker);
    this.workers.set(worker, null);
    worker.unref(); // an idle worker does not keep the process alive
    this.idle.push(worker);
    job?.resolve({ pieces: r.pieces, bytes: r.bytes, ...(r.error ? { error: Object.assign(new Error(r.error.message), { code: r.error.code }) } : {}) });
    this.next();
  }

  private lost(worker: Worker, err: Error): void {
    if (!this.workers.has(worker)) return; // 'exit' after 'error'
    const job = this.workers.get(worker);
    this.workers.delete(worker);
    const i = this.idle.indexOf(worker);
    if (i >= 0) this.idle.splice(i, 1);
    job?.reject(err);
    this.next();
  }
}

let readers: PieceReaders | null = null;

/** Reads `pieces` into `into` (over a SharedArrayBuffer), in order, stopping at the first that cannot be read whole. */
export function readFilePieces(into: Buffer, pieces: readonly FilePiece[]): Promise<PiecesRead> {
  readers ??= new PieceReaders();
  return readers.read(into, pieces);
}
