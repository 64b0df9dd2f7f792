// Writing a sealed bundle: from bytes in memory (the outbox, a JSON file of a few MB) or from a
// stream (a case bundle as it downloads), so the plaintext is never written where the file goes.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { passphraseProblem } from '../../../shared/sync/bundle-passphrase';
import { ChunkSealer } from '../cache-crypto/chunked-gcm';
import { DEFAULT_KDF, deriveKey, encodeHeader, type EnvelopeContent, type EnvelopeHeader, type KdfParams } from './format';

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

/** The header, then the stream in sealed chunks (ChunkSealer: only the last is sealed as final). */
class Sealer extends Transform {
  private readonly chunks: ChunkSealer;

  constructor(key: Buffer, header: EnvelopeHeader) {
    super();
    this.chunks = new ChunkSealer(key, header);
    this.push(header.bytes);
  }

  override _transform(data: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    try {
      for (const part of this.chunks.push(data)) this.push(part);
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }

  override _flush(cb: (err?: Error | null) => void): void {
    try {
      for (const part of this.chunks.finish()) this.push(part);
      cb();
    } catch (err) {
      cb(err as Error);
    }
  }
}

export async function sealBytes(plain: Buffer, passphrase: string, content: EnvelopeContent, kdf: KdfParams = DEFAULT_KDF): Promise<Buffer> {
  const { header, key } = await startSeal(passphrase, content, kdf);
  const chunks = new ChunkSealer(key, header);
  return Buffer.concat([header.bytes, ...chunks.push(plain), ...chunks.finish()]);
}

/** Seals `source` into a new file `dest` (never overwritten: 'wx'), with a key made by startSeal. */
export function sealToFile(source: Readable, dest: string, start: SealStart): Promise<void> {
  return pipeline(source, new Sealer(start.key, start.header), createWriteStream(dest, { flags: 'wx', mode: 0o600 }));
}
