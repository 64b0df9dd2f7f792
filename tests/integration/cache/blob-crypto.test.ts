// The encrypted blob format: round trips at every size around a chunk boundary, Range reads that
// cross chunk boundaries, and every way of tampering — a flipped byte, chunks swapped, the file
// cut short or lengthened, one blob's file put in another's place, a file sealed by another key —
// is 已篡改. Staging never writes plaintext and refuses content that differs from what was expected.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, openSync, readdirSync, readFileSync, readSync, statSync, truncateSync, writeFileSync, writeSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BlobStore, BlobTamperedError } from '../../../src/main/services/blob-store';
import { CHUNK_BYTES, HEADER_BYTES, TAG_BYTES, chunkOffset, encryptedSize } from '../../../src/main/services/cache-crypto/blob-format';
import { CacheKey } from '../../../src/main/services/cache-crypto/cache-key';
import { tempDir } from '../../helpers/package-builder';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function store(key = CacheKey.generate('unprotected-dev').key): BlobStore {
  return new BlobStore(join(tempDir('blobs-'), 'blobs'), key);
}

async function put(s: BlobStore, bytes: Buffer, expected: string | undefined = sha(bytes)): Promise<string> {
  const staged = await s.stage(Readable.from([bytes]), expected);
  await s.commit(staged);
  return staged.sha256;
}

async function collect(r: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of r) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

function flip(path: string, at: number): void {
  const fd = openSync(path, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, at);
  b[0] = b[0]! ^ 0x01;
  writeSync(fd, b, 0, 1, at);
  closeSync(fd);
}

describe('encrypted blobs', () => {
  it('round-trips every size around the chunk boundaries, and the file holds no plaintext', async () => {
    const s = store();
    for (const n of [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 5]) {
      const bytes = randomBytes(n);
      const id = await put(s, bytes);
      expect(id).toBe(sha(bytes));
      expect(s.size(id)).toBe(n);
      expect(statSync(s.pathOf(id)).size).toBe(encryptedSize(n));
      expect((await s.read(id)).equals(bytes)).toBe(true);
      expect(await s.verify(id)).toBe('ok');
      if (n >= 64) expect(readFileSync(s.pathOf(id)).includes(bytes.subarray(0, 64))).toBe(false);
    }
  });

  it('reads any Range, decrypting only the chunks it covers', async () => {
    const s = store();
    const bytes = randomBytes(4 * CHUNK_BYTES + 123);
    const id = await put(s, bytes);
    const C = CHUNK_BYTES;
    const ranges = [
      [0, 0],
      [C - 1, C],
      [C - 10, 2 * C + 10],
      [2 * C, 3 * C - 1],
      [3 * C + 1, 4 * C + 122],
      [4 * C + 122, 4 * C + 122],
      [17, 4 * C + 100],
    ] as const;
    for (const [start, end] of ranges) {
      expect((await collect(s.open(id, { start, end }))).equals(bytes.subarray(start, end + 1)), `${start}-${end}`).toBe(true);
    }
    // A damaged last chunk does not stop a read of the first: only the chunks needed are opened.
    flip(s.pathOf(id), chunkOffset(4) + 3);
    expect((await collect(s.open(id, { start: 0, end: C - 1 }))).equals(bytes.subarray(0, C))).toBe(true);
    await expect(collect(s.open(id, { start: C, end: 4 * C + 5 }))).rejects.toBeInstanceOf(BlobTamperedError);
  });

  it('a flipped byte anywhere — header, ciphertext, tag — is 已篡改', async () => {
    const bytes = randomBytes(2 * CHUNK_BYTES + 9);
    for (const at of [0, 9, 15, 25, 40, HEADER_BYTES, HEADER_BYTES + CHUNK_BYTES + 3, chunkOffset(1) + 100, encryptedSize(bytes.length) - 1]) {
      const t = store();
      const tid = await put(t, bytes);
      flip(t.pathOf(tid), at);
      expect(await t.verify(tid), `byte ${at}`).toBe('tampered');
      await expect(t.read(tid)).rejects.toBeInstanceOf(BlobTamperedError);
    }
  });

  it('chunks swapped, the file cut at a chunk boundary or lengthened: 已篡改', async () => {
    const bytes = randomBytes(3 * CHUNK_BYTES);
    const sealed = CHUNK_BYTES + TAG_BYTES;
    {
      const s = store();
      const id = await put(s, bytes);
      const f = readFileSync(s.pathOf(id));
      const swapped = Buffer.concat([f.subarray(0, HEADER_BYTES), f.subarray(HEADER_BYTES + sealed, HEADER_BYTES + 2 * sealed), f.subarray(HEADER_BYTES, HEADER_BYTES + sealed), f.subarray(HEADER_BYTES + 2 * sealed)]);
      writeFileSync(s.pathOf(id), swapped);
      expect(await s.verify(id)).toBe('tampered');
    }
    {
      const s = store();
      const id = await put(s, bytes);
      truncateSync(s.pathOf(id), HEADER_BYTES + 2 * sealed); // two whole chunks left, the last without the final flag
      expect(await s.verify(id)).toBe('tampered');
      // The chunk now last was not sealed as the final one: a read reaching it fails.
      await expect(collect(s.open(id, { start: CHUNK_BYTES + 5, end: CHUNK_BYTES + 9 }))).rejects.toBeInstanceOf(BlobTamperedError);
    }
    {
      const s = store();
      const id = await put(s, bytes);
      appendFileSync(s.pathOf(id), randomBytes(TAG_BYTES + 1));
      expect(await s.verify(id)).toBe('tampered');
    }
  });

  it("one blob's file in another's place, or a file sealed by another key: 已篡改", async () => {
    const s = store();
    const a = await put(s, Buffer.from('甲文件：询问笔录'));
    const b = await put(s, Buffer.from('乙文件：现场检查笔录'));
    copyFileSync(s.pathOf(a), s.pathOf(b));
    expect(await s.verify(b)).toBe('tampered');
    await expect(s.read(b)).rejects.toThrow(/文件被替换/);

    const other = store();
    const c = await put(other, Buffer.from('丙文件'));
    const mine = store();
    const c2 = await put(mine, Buffer.from('丙文件'));
    expect(c2).toBe(c);
    copyFileSync(other.pathOf(c), mine.pathOf(c));
    expect(await mine.verify(c)).toBe('tampered');
    await expect(mine.read(c)).rejects.toThrow(/另一把缓存密钥/);
  });

  it('staging writes ciphertext only and refuses content other than expected', async () => {
    const s = store();
    const secret = Buffer.from('当事人身份证号 340104199001011234 '.repeat(5000));
    const staged = await s.stage(Readable.from([secret]), sha(secret));
    expect(readFileSync(staged.tempPath).includes(Buffer.from('340104199001011234'))).toBe(false);
    await s.commit(staged);

    const wrong = await s.stage(Readable.from([Buffer.from('别的内容')]), sha(secret));
    expect(wrong.sha256).not.toBe(sha(secret));
    await expect(s.commit(wrong)).rejects.toBeInstanceOf(BlobTamperedError);
    expect(await s.verify(sha(secret))).toBe('ok');
    expect(readdirSync(join(s.root, '.staging'))).toEqual([]);

    // Without an expected hash: encrypted, hashed, re-bound — still no plaintext on the way.
    const free = await s.stage(Readable.from([Buffer.from('无预期校验值的内容')]));
    expect(free.sha256).toBe(sha(Buffer.from('无预期校验值的内容')));
    expect(await s.commit(free)).toBe(true);
    expect((await s.read(free.sha256)).toString()).toBe('无预期校验值的内容');
    expect(readdirSync(join(s.root, '.staging'))).toEqual([]);
  });

  it('stageOwned links the store’s own encrypted copy and encrypts a plaintext download', async () => {
    const key = CacheKey.generate('unprotected-dev').key;
    const s = store(key);
    const bytes = randomBytes(CHUNK_BYTES + 7);
    const id = await put(s, bytes);
    const viaLink = await s.stageOwned(s.pathOf(id), id);
    expect(statSync(viaLink.tempPath).ino).toBe(statSync(s.pathOf(id)).ino);
    expect(viaLink).toMatchObject({ sha256: id, size: bytes.length, boundTo: id });
    expect(await s.commit(viaLink)).toBe(false);

    const download = join(tempDir('dl-'), id);
    writeFileSync(download, bytes);
    const t = store(key);
    const enc = await t.stageOwned(download, id);
    expect(readFileSync(enc.tempPath).includes(bytes.subarray(0, 64))).toBe(false);
    expect(await t.commit(enc)).toBe(true);
    expect((await t.read(id)).equals(bytes)).toBe(true);

    // An own copy is taken over without decrypting it: a damaged one stays damaged, and every
    // read of it says so (GCM); verify() finds it.
    flip(s.pathOf(id), chunkOffset(1) + 2);
    const damaged = await s.stageOwned(s.pathOf(id), id);
    expect(await s.commit(damaged)).toBe(false);
    await expect(s.read(id)).rejects.toBeInstanceOf(BlobTamperedError);
    expect(await s.verify(id)).toBe('tampered');
    expect(readdirSync(join(s.root, '.staging'))).toEqual([]);
  });

  it('stageOwned refuses a sealed file that names another blob, or is sealed by another key; a staged copy replaces a damaged one', async () => {
    const key = CacheKey.generate('unprotected-dev').key;
    const s = store(key);
    const one = randomBytes(1000);
    const other = randomBytes(2000);
    const a = await put(s, one);
    const b = await put(s, other);
    await expect(s.stageOwned(s.pathOf(b), a)).rejects.toThrow(/校验值不符/);
    const foreign = store();
    const f = await put(foreign, one);
    await expect(s.stageOwned(foreign.pathOf(f), a)).rejects.toThrow(/另一把缓存密钥/);
    expect(readdirSync(join(s.root, '.staging'))).toEqual([]);
    // A copy damaged in place is replaced by newly staged good bytes (the repair path).
    flip(s.pathOf(a), HEADER_BYTES + 3);
    expect(await s.verify(a)).toBe('tampered');
    expect(await s.commit(await s.stage(Readable.from([one]), a))).toBe(false);
    expect(await s.verify(a)).toBe('ok');
  });

  it('a locked key (wiped) reads nothing', async () => {
    const key = CacheKey.generate('passphrase').key;
    const s = store(key);
    const id = await put(s, Buffer.from('锁定后不可读'));
    key.wipe();
    await expect(s.read(id)).rejects.toThrow(/已锁定/);
  });
});
