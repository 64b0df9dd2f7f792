// Writing a blob straight into the store's encrypted format as it arrives (sync downloads): the
// file is the same format the store reads, at every size around a chunk boundary and however the
// bytes are split; a partial file holds only whole sealed chunks and no plaintext; resume restores
// the hash from the kept chunks, refuses a tampered or foreign file, and finishes a complete one.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, chunkOffset, encryptedSize } from '../../../src/main/services/cache-crypto/blob-format';
import { decryptRange, verifyEncrypted } from '../../../src/main/services/cache-crypto/blob-io';
import { CacheKey } from '../../../src/main/services/cache-crypto/cache-key';
import { HEAD_BYTES, SealedWriter, isSealedFor, keptPlainBytes } from '../../../src/main/services/cache-crypto/sealed-writer';
import { tempDir } from '../../helpers/package-builder';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const key = CacheKey.generate('unprotected-dev').key;

async function plain(path: string, id: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of decryptRange(path, key, id)) parts.push(p);
  return Buffer.concat(parts);
}

/** Feeds `bytes` in pieces of pseudo-random sizes (network chunks do not align with 64 KiB). */
function feed(w: SealedWriter, bytes: Buffer, from = 0, to = bytes.length): void {
  let at = from;
  let n = 7;
  while (at < to) {
    n = (n * 7919 + 13) % 40_000;
    const next = Math.min(to, at + 1 + n);
    w.write(bytes.subarray(at, next));
    at = next;
  }
}

const containsPlain = (file: Buffer, bytes: Buffer) => {
  for (let at = 0; at + 32 <= bytes.length; at += 4096) if (file.includes(bytes.subarray(at, at + 32))) return true;
  return false;
};

describe('SealedWriter', () => {
  it('writes the store format at every size around a chunk boundary; the head is the first bytes', async () => {
    for (const size of [0, 1, HEAD_BYTES + 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES, 3 * CHUNK_BYTES + 5]) {
      const bytes = randomBytes(size);
      const id = sha(bytes);
      const path = join(tempDir('sealed-'), id);
      const w = SealedWriter.create(path, key, id, size);
      feed(w, bytes);
      const r = w.finish();
      expect(r.sha256).toBe(id);
      expect(r.head.equals(bytes.subarray(0, HEAD_BYTES))).toBe(true);
      expect(statSync(path).size).toBe(encryptedSize(size));
      expect((await plain(path, id)).equals(bytes)).toBe(true);
      expect(await verifyEncrypted(path, key, id)).toBe('ok');
      expect(isSealedFor(path, key, id)).toBe(true);
    }
  });

  it('a cut keeps only whole sealed chunks, no plaintext; resume continues there and gives the same file content', async () => {
    const bytes = randomBytes(5 * CHUNK_BYTES + 321);
    const id = sha(bytes);
    const path = join(tempDir('sealed-'), `${id}.part`);
    const w = SealedWriter.create(path, key, id, bytes.length);
    feed(w, bytes, 0, 2 * CHUNK_BYTES + 5000);
    expect(w.close()).toBe(5000);
    const file = readFileSync(path);
    expect(file.length).toBe(chunkOffset(2));
    expect(keptPlainBytes(file.length, bytes.length)).toBe(2 * CHUNK_BYTES);
    expect(containsPlain(file, bytes)).toBe(false);

    const r = SealedWriter.resume(path, key, id, bytes.length);
    if (typeof r === 'string') throw new Error(r);
    expect(r.start).toBe(2 * CHUNK_BYTES);
    feed(r, bytes, r.start);
    const done = r.finish();
    expect(done.sha256).toBe(id);
    expect(done.head.equals(bytes.subarray(0, HEAD_BYTES))).toBe(true);
    expect((await plain(path, id)).equals(bytes)).toBe(true);
  });

  it('resume of a complete file (a crash before the rename) finishes without new bytes', () => {
    const bytes = randomBytes(CHUNK_BYTES + 10);
    const id = sha(bytes);
    const path = join(tempDir('sealed-'), `${id}.part`);
    const w = SealedWriter.create(path, key, id, bytes.length);
    w.write(bytes);
    w.finish();
    const r = SealedWriter.resume(path, key, id, bytes.length);
    if (typeof r === 'string') throw new Error(r);
    expect(r.written).toBe(bytes.length);
    expect(r.finish().sha256).toBe(id);
  });

  it('resume refuses a tampered kept chunk, a plaintext leftover and a file sealed for another blob or key', () => {
    const bytes = randomBytes(3 * CHUNK_BYTES);
    const id = sha(bytes);
    const dir = tempDir('sealed-');
    const path = join(dir, `${id}.part`);
    const w = SealedWriter.create(path, key, id, bytes.length);
    w.write(bytes.subarray(0, 2 * CHUNK_BYTES + 1));
    w.close();
    const file = readFileSync(path);
    file[chunkOffset(1) + 10] = file[chunkOffset(1) + 10]! ^ 0x80;
    writeFileSync(path, file);
    expect(SealedWriter.resume(path, key, id, bytes.length)).toBe('tampered');

    writeFileSync(path, bytes.subarray(0, 100_000));
    expect(SealedWriter.resume(path, key, id, bytes.length)).toBe('foreign');
    expect(isSealedFor(path, key, id)).toBe(false);

    const other = SealedWriter.create(path, key, sha(Buffer.from('x')), bytes.length);
    other.write(bytes.subarray(0, CHUNK_BYTES + 1));
    other.close();
    expect(SealedWriter.resume(path, key, id, bytes.length)).toBe('foreign');
    const k2 = SealedWriter.create(path, CacheKey.generate('unprotected-dev').key, id, bytes.length);
    k2.write(bytes.subarray(0, CHUNK_BYTES + 1));
    k2.close();
    expect(SealedWriter.resume(path, key, id, bytes.length)).toBe('foreign');
    expect(SealedWriter.resume(join(dir, 'absent'), key, id, bytes.length)).toBe('absent');
  });

  it('wrong bytes are written sealed but finish() reports their real hash; more than the size is refused', () => {
    const bytes = randomBytes(1000);
    const id = sha(randomBytes(1000));
    const path = join(tempDir('sealed-'), `${id}.part`);
    const w = SealedWriter.create(path, key, id, 1000);
    w.write(bytes);
    expect(() => w.write(Buffer.from([1]))).toThrow(RangeError);
    expect(w.finish().sha256).toBe(sha(bytes));
  });
});
