// Writing a sealed bundle: from bytes in memory (the outbox, a JSON file of a few MB) or from a
// stream (a case bundle as it downloads), so the plaintext is never written where the file goes.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { passphraseProblem } from '../../../shared/sync/bundle-passphrase';
import { CHUNK_BYTES, DEFAULT_KDF, deriveKey, encodeHeader, sealChunk, type EnvelopeContent, type EnvelopeHeader, type KdfParams } from './format';

/** A file's header and key, derived before any data flows (scrypt takes a moment; a download would not wait). */
export interface SealStart {
  header: EnvelopeHeader;
  key: Buffer;
}

export async function startSeal(passphrase: string, content: EnvelopeContent, kdf: KdfParams = DEFAULT_KDF): Promise<SealStart> {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new Error(problem);
  const header = encodeHeader(content, kdf, randomBytes(16), randomBytes(8));
  return { header, key: await deriveKey(passphrase, header) };
}

/** Cuts a byte stream into sealed chunks; a full chunk waits for more data so only the last is sealed as final. */
class Sealer extends Transform {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private fill = 0;
  private index = 0;

  constructor(
    private readonly key: Buffer,
    private readonly header: EnvelopeHeader,
  ) {
    super();
    this.push(header.bytes);
  }

  override _transform(data: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    try {
      let off = 0;
      while (off < data.length) {
        if (this.fill === CHUNK_BYTES) this.flushChunk(false);
        const take = Math.min(CHUNK_BYTES - this.fill, data.length - off);
        data.copy(this.buf, this.fill, off, off + take);
        this.fill += take;
        off += take;
      }
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }

  override _flush(cb: (err?: Error | null) => void): void {
    try {
      this.flushChunk(true);
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }

  private flushChunk(final: boolean): void {
    this.push(sealChunk(this.key, this.header, this.index++, final, this.buf.subarray(0, this.fill)));
    this.fill = 0;
  }
}

export async function sealBytes(plain: Buffer, passphrase: string, content: EnvelopeContent, kdf: KdfParams = DEFAULT_KDF): Promise<Buffer> {
  const { header, key } = await startSeal(passphrase, content, kdf);
  const parts: Buffer[] = [header.bytes];
  const n = Math.max(1, Math.ceil(plain.length / CHUNK_BYTES));
  for (let i = 0; i < n; i++) parts.push(sealChunk(key, header, i, i === n - 1, plain.subarray(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES)));
  return Buffer.concat(parts);
}

/** Seals `source` into a new file `dest` (never overwritten: 'wx'), with a key made by startSeal. */
export function sealToFile(source: Readable, dest: string, start: SealStart): Promise<void> {
  return pipeline(source, new Sealer(start.key, start.header), createWriteStream(dest, { flags: 'wx', mode: 0o600 }));
}
