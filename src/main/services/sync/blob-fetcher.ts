// Downloads blobs by sha256 into <data>/sync/blobs, written straight in the blob store's encrypted
// format (cache-crypto/sealed-writer.ts: hashed while they arrive, sealed chunk by chunk with the
// store's key, bound to the expected sha256) — no plaintext ever reaches the disk. `<sha>.part`
// keeps whole chunks across interrupted runs and resumes with Range + If-Range; only a copy whose
// sha256 and size match becomes `<sha>` (verified), which the importer then takes over by link
// without decrypting it again (GCM authenticates it on every later read). File names are built
// from a checked sha256, never from anything else the server says. Plaintext leftovers of an
// earlier version are deleted when met.
//
// A batch (many whole blobs in one answer: the initial sync) goes into a pack of the store instead
// (blob-pack/): one file per batch, not one per blob. Its entries are committed — made durable,
// then indexed as blobs of the store — when the batch ends or is cut, and only then reported done;
// the blob being received when a batch is cut is dropped from the pack and fetched on its own.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHA256_RE } from '../../../shared/sync/protocol';
import type { PackEntryWriter, PackWriter } from '../blob-pack/pack-file';
import { BlobTamperedError } from '../cache-crypto/blob-format';
import { keptPlainBytes, type SealedWriter } from '../cache-crypto/sealed-writer';
import type { BlobStore } from '../blob-store';
import { TransportError, type SyncTransport } from './transport';

const YIELD_EVERY = 256 * 1024;

export class BlobIntegrityError extends Error {
  constructor(
    readonly sha256: string,
    message: string,
  ) {
    super(message);
    this.name = 'BlobIntegrityError';
  }
}

/** A body into a writer (a file's or a pack entry's), refusing bytes past the blob's size. */
async function pump(blob: WantedBlob, body: AsyncIterable<Uint8Array>, w: { readonly written: number; write(data: Uint8Array): void }, onBytes: (n: number) => void): Promise<void> {
  let sinceYield = 0;
  for await (const chunk of body) {
    if (w.written + chunk.length > blob.size) throw new BlobIntegrityError(blob.sha256, `中心系统提供的文件超过声明的大小：${blob.sha256.slice(0, 12)}…`);
    w.write(chunk);
    onBytes(chunk.length);
    // A body already in memory never yields: let timers and a cancel in every few MB.
    if ((sinceYield += chunk.length) >= YIELD_EVERY) {
      sinceYield = 0;
      await new Promise<void>((r) => setImmediate(r));
    }
  }
}

export interface WantedBlob {
  sha256: string;
  size: number;
  /** What the pull found in the store when it planned: a bad copy (a repair) or none. Absent: not looked at. */
  local?: 'bad' | 'none';
}

export class BlobFetcher {
  /** First plaintext bytes of the downloads finished in this process (type sniffing at import). */
  private readonly heads = new Map<string, Buffer>();
  /** Final copies known to be sealed for this key (checked once per process). */
  private readonly sealed = new Set<string>();
  /** Writers of downloads cut off by the network in this run: a retry continues exactly there. */
  private readonly interrupted = new Map<string, SealedWriter>();
  /** Blobs a batch put into the store's packs in this run (committed: durable, indexed, sha256 checked). */
  private readonly packed = new Set<string>();
  /**
   * The blobs that may have a file here (`<sha>`, `.part`, `.etag`): those the folder held when the
   * run began (scan()) and every one this process has started a file for since; null before a scan,
   * when every question asks the disk. Only a sync run writes here, under the sync lock, so an
   * initial sync's 20,000 packed blobs cost no file-system lookups in this folder at all.
   */
  private known: Set<string> | null = null;

  constructor(
    readonly dir: string,
    /** The store whose format and key the downloads are sealed in. */
    private readonly store: Pick<BlobStore, 'newSealed' | 'resumeSealed' | 'isSealed' | 'packWriter' | 'commitPack' | 'closePack'>,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Read the folder once at the start of a run (see `known`). */
  scan(): void {
    this.known = new Set();
    for (const f of readdirSync(this.dir)) {
      const m = /^([0-9a-f]{64})(\.part|\.etag)?$/.exec(f);
      if (m) this.known.add(m[1]!);
    }
  }

  private mayHaveFile(sha256: string): boolean {
    return this.known === null || this.known.has(sha256);
  }

  /** A file for this blob is about to be created here. */
  private touch(sha256: string): void {
    this.known?.add(sha256);
  }

  private name(sha256: string): string {
    if (!SHA256_RE.test(sha256)) throw new BlobIntegrityError(sha256.slice(0, 80), `文件编号无效：${sha256.slice(0, 80)}`);
    return join(this.dir, sha256);
  }

  /** The verified (encrypted) copy, if one is here; a plaintext leftover of an earlier version is deleted. */
  verifiedPath(sha256: string): string | null {
    const p = this.name(sha256);
    if (!this.mayHaveFile(sha256)) return null;
    if (this.sealed.has(sha256)) {
      if (existsSync(p)) return p;
      this.sealed.delete(sha256);
      return null;
    }
    if (!existsSync(p)) return null;
    if (!this.store.isSealed(p, sha256)) {
      this.remove(sha256);
      return null;
    }
    this.sealed.add(sha256);
    return p;
  }

  /** The first plaintext bytes of a download finished in this process (else null: read them from the store). */
  headOf(sha256: string): Buffer | null {
    return this.heads.get(sha256) ?? null;
  }

  /** Plaintext bytes already on disk for this blob (verified, or whole chunks of a partial copy), for progress totals. */
  haveBytes(blob: WantedBlob): number {
    if (this.verifiedPath(blob.sha256)) return blob.size;
    if (!this.mayHaveFile(blob.sha256)) return 0;
    const part = `${this.name(blob.sha256)}.part`;
    return existsSync(part) ? keptPlainBytes(statSync(part).size, blob.size) : 0;
  }

  /** Whether a partial copy waits to be resumed (a batch download would start it over). */
  hasPartial(sha256: string): boolean {
    return this.mayHaveFile(sha256) && existsSync(`${this.name(sha256)}.part`);
  }

  /** After a complete pull nothing here is needed any more (everything fetched was imported). */
  clear(): void {
    for (const f of readdirSync(this.dir)) if (/^[0-9a-f]{64}(\.part|\.etag)?$/.test(f)) rmSync(join(this.dir, f), { force: true });
    this.release();
    this.heads.clear();
    this.sealed.clear();
    if (this.known) this.known.clear();
  }

  /** Put into a pack of the store by a batch of this run: verified as it was written, nothing to check again. */
  packedNow(sha256: string): boolean {
    return this.packed.has(sha256);
  }

  remove(sha256: string): void {
    const p = this.name(sha256);
    this.interrupted.get(sha256)?.close();
    this.interrupted.delete(sha256);
    if (this.mayHaveFile(sha256)) for (const f of [p, `${p}.part`, `${p}.etag`]) rmSync(f, { force: true });
    this.known?.delete(sha256);
    this.heads.delete(sha256);
    this.sealed.delete(sha256);
    this.packed.delete(sha256);
  }

  /**
   * Fetch one blob (resuming a partial copy) and verify it; returns the verified file's path.
   * Network trouble leaves the partial copy for the next attempt — within this run exactly where
   * it stopped (the writer is kept open), in a later run from its last whole chunk; a copy with the
   * wrong hash or size is deleted and reported as BlobIntegrityError (it never reaches the
   * importer); a partial copy that fails authentication is dropped and fetched anew.
   */
  async fetch(transport: SyncTransport, blob: WantedBlob, signal: AbortSignal, onBytes: (n: number) => void): Promise<string> {
    const final = this.verifiedPath(blob.sha256);
    if (final) return final;
    const path = this.name(blob.sha256);
    this.touch(blob.sha256);
    const part = `${path}.part`;
    const etagFile = `${path}.etag`;
    let w = this.interrupted.get(blob.sha256);
    this.interrupted.delete(blob.sha256);
    if (!w) {
      const before = existsSync(part) ? keptPlainBytes(statSync(part).size, blob.size) : 0;
      w = this.resume(blob, part);
      if (w.start < before) onBytes(w.start - before);
    }
    return this.guard(blob, w, signal, onBytes, async (writer) => {
      if (writer.written === blob.size) return this.finish(blob, writer);
      const have = writer.written;
      const etag = existsSync(etagFile) ? readFileSync(etagFile, 'utf8').trim() : `"${blob.sha256}"`;
      const res = await transport.blob(blob.sha256, have > 0 ? { start: have, ifRange: etag } : null, signal);
      if (res.status === 206 && res.start !== have) throw new TransportError('protocol', `中心系统返回的分段起点不符（应为 ${have}，实际 ${res.start}）`);
      if (res.size !== blob.size) throw new BlobIntegrityError(blob.sha256, `中心系统提供的文件大小不符：${blob.sha256.slice(0, 12)}…（应为 ${blob.size} 字节，实际 ${res.size} 字节）`);
      // The validator for a later If-Range; the usual one (the quoted sha256) needs no file.
      if (res.etag && res.etag !== `"${blob.sha256}"`) writeFileSync(etagFile, res.etag);
      else if (res.status === 200) rmSync(etagFile, { force: true });
      if (res.status === 200 && have > 0) {
        // The server sent the whole blob (its bytes changed, or it ignores ranges): start over, under a new nonce prefix.
        onBytes(-have);
        writer.close();
        writer = this.store.newSealed(part, blob.sha256, blob.size);
      }
      return { writer, body: res.body };
    });
  }

  /**
   * Many whole blobs in one request (transport.blobs), each written like fetch() does. `onDone`
   * is told of each verified blob as soon as it is in; the first failure is thrown (the caller
   * fetches what is left with fetch(), which continues the one cut off where it stopped).
   */
  async fetchBatch(transport: SyncTransport, blobs: readonly WantedBlob[], signal: AbortSignal, onBytes: (n: number) => void, onDone: (blob: WantedBlob) => void): Promise<void> {
    if (!transport.blobs) throw new Error('transport has no batch download');
    const todo = blobs.filter((b) => (this.verifiedPath(b.sha256) ? (onDone(b), false) : true));
    if (!todo.length) return;
    const pack = this.store.packWriter();
    if (pack) return this.fetchIntoPack(transport, todo, pack, signal, onBytes, onDone);
    let i = 0;
    for await (const item of transport.blobs(todo.map((b) => b.sha256), signal)) {
      const blob = this.batchItem(todo[i++], item);
      const path = this.name(blob.sha256);
      rmSync(`${path}.etag`, { force: true });
      this.touch(blob.sha256);
      this.interrupted.get(blob.sha256)?.close();
      this.interrupted.delete(blob.sha256);
      const w = this.store.newSealed(`${path}.part`, blob.sha256, blob.size);
      await this.guard(blob, w, signal, onBytes, async (writer) => ({ writer, body: item.body }));
      onDone(blob);
    }
    if (i < todo.length) throw new TransportError('protocol', `中心系统批量返回的文件不全（${i}/${todo.length}）`);
  }

  /** The blob a batch answer's next item must be (the one asked for in that place, of its size). */
  private batchItem(blob: WantedBlob | undefined, item: { sha256: string; size: number }): WantedBlob {
    if (!blob || item.sha256 !== blob.sha256) throw new TransportError('protocol', '中心系统批量返回的文件与请求的顺序不符');
    if (item.size !== blob.size) {
      this.remove(blob.sha256);
      throw new BlobIntegrityError(blob.sha256, `中心系统提供的文件大小不符：${blob.sha256.slice(0, 12)}…（应为 ${blob.size} 字节，实际 ${item.size} 字节）`);
    }
    return blob;
  }

  /** fetchBatch into a pack of the store: the finished entries committed and reported at the end, or when the batch is cut. */
  private async fetchIntoPack(
    transport: SyncTransport,
    todo: readonly WantedBlob[],
    pack: PackWriter,
    signal: AbortSignal,
    onBytes: (n: number) => void,
    onDone: (blob: WantedBlob) => void,
  ): Promise<void> {
    const finished: WantedBlob[] = [];
    let i = 0;
    try {
      for await (const item of transport.blobs!(todo.map((b) => b.sha256), signal)) {
        const blob = this.batchItem(todo[i++], item);
        // A partial copy from an earlier run is superseded by the whole blob arriving here.
        this.remove(blob.sha256);
        const e = pack.begin(blob.sha256, blob.size);
        await this.receive(blob, e, item.body, signal, onBytes);
        let head: Buffer;
        try {
          head = e.finish().head;
        } catch (err) {
          if (!(err instanceof BlobTamperedError)) throw err;
          onBytes(-blob.size); // dropped: not counted as downloaded
          throw new BlobIntegrityError(blob.sha256, `文件校验值不符，已丢弃：${blob.sha256.slice(0, 12)}…`);
        }
        this.heads.set(blob.sha256, head);
        finished.push(blob);
      }
    } finally {
      // What arrived whole is kept, whatever ended the batch.
      try {
        await this.store.commitPack(pack);
      } finally {
        this.store.closePack(pack);
      }
      for (const b of finished) {
        this.packed.add(b.sha256);
        onDone(b);
      }
    }
    if (i < todo.length) throw new TransportError('protocol', `中心系统批量返回的文件不全（${i}/${todo.length}）`);
  }

  /** One blob's body into a pack entry; on any failure the entry is dropped and its bytes taken off the progress. */
  private async receive(blob: WantedBlob, e: PackEntryWriter, body: AsyncIterable<Uint8Array>, signal: AbortSignal, onBytes: (n: number) => void): Promise<void> {
    try {
      await pump(blob, body, e, onBytes);
      if (e.written < blob.size) throw new TransportError('network', `文件下载中断：${blob.sha256.slice(0, 12)}…（${e.written}/${blob.size} 字节）`);
    } catch (err) {
      const cut = !(err instanceof BlobIntegrityError) && (signal.aborted || !(err instanceof TransportError) || err.kind === 'network');
      if (!cut) {
        onBytes(-e.written);
        e.abort();
        throw err;
      }
      // Cut or cancelled: the bytes in so far move out into a partial copy, as a download of its
      // own would have left them — a retry in this run continues exactly there (fetch()), a later
      // run from its last whole chunk.
      this.touch(blob.sha256);
      const w = e.detach(`${this.name(blob.sha256)}.part`);
      if (signal.aborted) {
        onBytes(-w.close());
        throw signal.reason;
      }
      this.interrupted.set(blob.sha256, w);
      throw err instanceof TransportError ? err : new TransportError('network', `文件下载中断：${(err as Error).message}`);
    }
  }

  /** At the end of a feed page: closes the writers of downloads cut off (their partial chunk is dropped; whole chunks stay). */
  release(): void {
    for (const w of this.interrupted.values()) w.close();
    this.interrupted.clear();
    // Imported by now, or to be looked at afresh by the next run.
    this.packed.clear();
  }

  /** A writer for the partial copy: resumed when it authenticates, else (old plaintext, tampered) a new one. */
  private resume(blob: WantedBlob, part: string): SealedWriter {
    const r = this.store.resumeSealed(part, blob.sha256, blob.size);
    if (typeof r !== 'string') return r;
    if (r !== 'absent') rmSync(`${this.name(blob.sha256)}.etag`, { force: true });
    return this.store.newSealed(part, blob.sha256, blob.size);
  }

  /**
   * Runs one download into a writer: `start` asks for the bytes (or finishes at once), then the
   * body is written and the blob finished. A network failure keeps the writer for the next try in
   * this run; a bad blob deletes every copy; anything else closes it (whole chunks stay on disk).
   */
  private async guard(
    blob: WantedBlob,
    first: SealedWriter,
    signal: AbortSignal,
    onBytes: (n: number) => void,
    start: (w: SealedWriter) => Promise<string | { writer: SealedWriter; body: AsyncIterable<Uint8Array> }>,
  ): Promise<string> {
    let w = first;
    try {
      const got = await start(w);
      if (typeof got === 'string') return got;
      w = got.writer;
      try {
        await pump(blob, got.body, w, onBytes);
      } catch (err) {
        if (err instanceof BlobIntegrityError || signal.aborted) throw err;
        if (err instanceof TransportError && err.kind !== 'network') throw err;
        throw new TransportError('network', `文件下载中断：${(err as Error).message}`);
      }
      if (w.written < blob.size) throw new TransportError('network', `文件下载中断：${blob.sha256.slice(0, 12)}…（${w.written}/${blob.size} 字节）`);
      return this.finish(blob, w);
    } catch (err) {
      if (err instanceof BlobIntegrityError) {
        // Every byte of it is deleted: none counts as downloaded.
        onBytes(-w.written);
        w.close();
        this.remove(blob.sha256);
      } else if (err instanceof TransportError && err.kind === 'network' && !signal.aborted) {
        this.interrupted.set(blob.sha256, w);
      } else {
        // Only whole chunks stay on disk: the bytes of the chunk being filled will come again.
        onBytes(-w.close());
      }
      if (signal.aborted && !(err instanceof BlobIntegrityError)) throw signal.reason;
      throw err;
    }
  }

  private finish(blob: WantedBlob, w: SealedWriter): string {
    const { sha256: actual, head } = w.finish();
    const path = this.name(blob.sha256);
    if (actual !== blob.sha256) {
      this.remove(blob.sha256);
      throw new BlobIntegrityError(blob.sha256, `文件校验值不符，已丢弃：应为 ${blob.sha256.slice(0, 12)}…，实际 ${actual.slice(0, 12)}…`);
    }
    renameSync(`${path}.part`, path);
    rmSync(`${path}.etag`, { force: true });
    this.heads.set(blob.sha256, head);
    this.sealed.add(blob.sha256);
    return path;
  }
}
