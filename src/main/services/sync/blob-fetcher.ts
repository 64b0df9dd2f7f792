// Downloads blobs by sha256 into <data>/sync/blobs: `<sha>.part` grows across interrupted runs and
// resumes with Range + If-Range; only a copy whose sha256 and size match becomes `<sha>` (verified),
// and only verified copies are handed to the importer. File names are built from a checked sha256,
// never from anything else the server says.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SHA256_RE } from '../../../shared/sync/protocol';
import { TransportError, type SyncTransport } from './transport';

export class BlobIntegrityError extends Error {
  constructor(
    readonly sha256: string,
    message: string,
  ) {
    super(message);
    this.name = 'BlobIntegrityError';
  }
}

export interface WantedBlob {
  sha256: string;
  size: number;
}

async function hashFile(path: string, hash: Hash): Promise<void> {
  await pipeline(createReadStream(path), async function* (src) {
    for await (const c of src) hash.update(c as Buffer);
  });
}

export class BlobFetcher {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private name(sha256: string): string {
    if (!SHA256_RE.test(sha256)) throw new BlobIntegrityError(sha256.slice(0, 80), `文件编号无效：${sha256.slice(0, 80)}`);
    return join(this.dir, sha256);
  }

  /** The verified copy, if one is here. */
  verifiedPath(sha256: string): string | null {
    const p = this.name(sha256);
    return existsSync(p) ? p : null;
  }

  /** Bytes already on disk for this blob (partial or verified), for progress totals. */
  haveBytes(blob: WantedBlob): number {
    const p = this.name(blob.sha256);
    if (existsSync(p)) return blob.size;
    return existsSync(`${p}.part`) ? Math.min(statSync(`${p}.part`).size, blob.size) : 0;
  }

  /** After a complete pull nothing here is needed any more (everything fetched was imported). */
  clear(): void {
    for (const f of readdirSync(this.dir)) if (/^[0-9a-f]{64}(\.part|\.etag)?$/.test(f)) rmSync(join(this.dir, f), { force: true });
  }

  remove(sha256: string): void {
    const p = this.name(sha256);
    for (const f of [p, `${p}.part`, `${p}.etag`]) rmSync(f, { force: true });
  }

  /**
   * Fetch one blob (resuming a partial copy) and verify it; returns the verified file's path.
   * Network trouble leaves the partial copy for the next attempt; a copy with the wrong hash or
   * size is deleted and reported as BlobIntegrityError (it never reaches the importer).
   */
  async fetch(transport: SyncTransport, blob: WantedBlob, signal: AbortSignal, onBytes: (n: number) => void): Promise<string> {
    const final = this.name(blob.sha256);
    if (existsSync(final)) return final;
    const part = `${final}.part`;
    const etagFile = `${final}.etag`;
    let have = existsSync(part) ? statSync(part).size : 0;
    if (have > blob.size) {
      rmSync(part, { force: true });
      have = 0;
    }
    const hash = createHash('sha256');
    if (have > 0) await hashFile(part, hash);
    if (have === blob.size) return this.finish(blob, part, etagFile, final, hash);

    const etag = existsSync(etagFile) ? readFileSync(etagFile, 'utf8').trim() : `"${blob.sha256}"`;
    const res = await transport.blob(blob.sha256, have > 0 ? { start: have, ifRange: etag } : null, signal);
    const restart = res.status === 200;
    if (res.status === 206 && res.start !== have) throw new TransportError('protocol', `中央系统返回的分段起点不符（应为 ${have}，实际 ${res.start}）`);
    if (res.size !== blob.size) {
      this.remove(blob.sha256);
      throw new BlobIntegrityError(blob.sha256, `中央系统提供的文件大小不符：${blob.sha256.slice(0, 12)}…（应为 ${blob.size} 字节，实际 ${res.size} 字节）`);
    }
    if (restart && have > 0) {
      onBytes(-have);
      have = 0;
    }
    const out = restart ? createHash('sha256') : hash;
    // The validator for a later If-Range; the usual one (the quoted sha256) needs no file.
    if (res.etag && res.etag !== `"${blob.sha256}"`) writeFileSync(etagFile, res.etag);
    else if (restart) rmSync(etagFile, { force: true });
    const fh = await open(part, restart ? 'w' : 'a');
    let written = have;
    try {
      for await (const chunk of res.body) {
        written += chunk.length;
        if (written > blob.size) throw new BlobIntegrityError(blob.sha256, `中央系统提供的文件超过声明的大小：${blob.sha256.slice(0, 12)}…`);
        out.update(chunk);
        await fh.write(chunk);
        onBytes(chunk.length);
      }
    } catch (err) {
      if (err instanceof BlobIntegrityError) {
        await fh.close();
        this.remove(blob.sha256);
        throw err;
      }
      if (signal.aborted) throw signal.reason;
      throw new TransportError('network', `文件下载中断：${(err as Error).message}`);
    } finally {
      await fh.close().catch(() => undefined);
    }
    if (written < blob.size) throw new TransportError('network', `文件下载中断：${blob.sha256.slice(0, 12)}…（${written}/${blob.size} 字节）`);
    return this.finish(blob, part, etagFile, final, out);
  }

  private finish(blob: WantedBlob, part: string, etagFile: string, final: string, hash: Hash): string {
    const actual = hash.digest('hex');
    if (actual !== blob.sha256) {
      this.remove(blob.sha256);
      throw new BlobIntegrityError(blob.sha256, `文件校验值不符，已丢弃：应为 ${blob.sha256.slice(0, 12)}…，实际 ${actual.slice(0, 12)}…`);
    }
    renameSync(part, final);
    rmSync(etagFile, { force: true });
    return final;
  }
}
