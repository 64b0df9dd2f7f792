// The sealed envelope of a USB bundle: round trips at sizes around a chunk boundary, a zip read in
// place, and every way a file can go wrong on a stick — a wrong passphrase, a byte flipped anywhere,
// the file cut short (at a chunk boundary too) or added to, a forged header — refused with its words.
import { randomBytes } from 'node:crypto';
import { readFileSync, truncateSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, DEFAULT_KDF, EnvelopeError, HEADER_BYTES, TAG_BYTES, WRONG_PASSPHRASE, chunkOffset, parseHeader } from '../../../src/main/services/bundle-envelope/format';
import { SealedFile, isSealedFile, openSealedBytes } from '../../../src/main/services/bundle-envelope/open';
import { sealBytes, sealToFile, startSeal } from '../../../src/main/services/bundle-envelope/seal';
import { openSealedZip } from '../../../src/main/services/bundle-envelope/sealed-zip';
import { listZipEntries, readZipText } from '../../../src/main/services/zip-read';
import { passphraseStrength, passphraseProblem } from '../../../src/shared/sync/bundle-passphrase';
import { tempDir } from '../../helpers/package-builder';

const PASS = '县局交换口令-2026春';
const FAST = { logN: 14, r: 8, p: 1 };

async function sealed(plain: Buffer, pass = PASS): Promise<string> {
  const p = join(tempDir('envelope-'), 'x.sealed');
  writeFileSync(p, await sealBytes(plain, pass, 'outbox', FAST));
  return p;
}

async function refusal(p: string, pass = PASS, kind: 'outbox' | 'case-bundle' = 'outbox'): Promise<EnvelopeError> {
  try {
    const f = await SealedFile.open(p, pass, kind);
    try {
      await f.verify();
    } finally {
      await f.close();
    }
  } catch (err) {
    if (err instanceof EnvelopeError) return err;
    throw err;
  }
  throw new Error('opened');
}

describe('bundle envelope', () => {
  it.each([0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 17])('round trip of %i bytes, in memory and streamed', async (n) => {
    const plain = randomBytes(n);
    const p = await sealed(plain);
    expect(isSealedFile(p)).toBe(true);
    expect(await openSealedBytes(p, PASS, 'outbox')).toEqual(plain);
    const q = join(tempDir('envelope-'), 'y.sealed');
    await sealToFile(Readable.from([plain.subarray(0, 5), plain.subarray(5)]), q, await startSeal(PASS, 'case-bundle', FAST));
    expect(await openSealedBytes(q, PASS, 'case-bundle')).toEqual(plain);
    // Ranges across chunk boundaries.
    const f = await SealedFile.open(q, PASS, 'case-bundle');
    const parts: Buffer[] = [];
    for await (const b of f.range(Math.max(0, n - CHUNK_BYTES - 3), n)) parts.push(b);
    await f.close();
    expect(Buffer.concat(parts)).toEqual(plain.subarray(Math.max(0, n - CHUNK_BYTES - 3)));
  });

  it('derives with the default cost (scrypt N=2^17, r=8, p=1: over Node’s default memory limit)', async () => {
    const p = join(tempDir('envelope-'), 'd.sealed');
    writeFileSync(p, await sealBytes(Buffer.from('{"a":1}'), PASS, 'outbox'));
    expect(parseHeader(readFileSync(p))!.kdf).toEqual(DEFAULT_KDF);
    expect((await openSealedBytes(p, PASS, 'outbox')).toString()).toBe('{"a":1}');
    // The same words typed with another input method (decomposed vs composed) open it.
    const q = join(tempDir('envelope-'), 'e.sealed');
    writeFileSync(q, await sealBytes(Buffer.from('x'), 'Café-口令-123456', 'outbox', FAST));
    expect((await openSealedBytes(q, 'Cafe\u0301-口令-123456', 'outbox')).toString()).toBe('x');
  });

  it('each file has its own salt and nonce: the same content seals differently', async () => {
    const a = await sealBytes(Buffer.from('same'), PASS, 'outbox', FAST);
    const b = await sealBytes(Buffer.from('same'), PASS, 'outbox', FAST);
    expect(a.subarray(16, 40).equals(b.subarray(16, 40))).toBe(false);
  });

  it('a wrong passphrase: 口令不正确或文件已损坏', async () => {
    const p = await sealed(randomBytes(3 * CHUNK_BYTES));
    const e = await refusal(p, '另一个口令-不对的口令');
    expect(e.problem).toBe('passphrase');
    expect(e.message).toBe(WRONG_PASSPHRASE);
  });

  it('a byte flipped anywhere is refused (header, any chunk, any tag)', async () => {
    const plain = randomBytes(3 * CHUNK_BYTES + 100);
    const p = await sealed(plain);
    const good = readFileSync(p);
    const spots = [0, 8, 9, 12, 20, 35, 50, HEADER_BYTES, HEADER_BYTES + 5, chunkOffset(1) - 1, chunkOffset(1) + 7, chunkOffset(2) + CHUNK_BYTES + 3, good.length - TAG_BYTES - 1, good.length - 1];
    for (const at of spots) {
      const bad = Buffer.from(good);
      bad[at]! ^= 0x01;
      writeFileSync(p, bad);
      if (at < 8) {
        // Not the magic any more: not a sealed bundle at all (the callers read it as a plain file, and fail there).
        expect(isSealedFile(p)).toBe(false);
        continue;
      }
      const e = await refusal(p);
      expect(e.message, `byte ${at}`).toMatch(/口令不正确或文件已损坏|已损坏|不完整|文件头无效/);
    }
    // A later chunk changed with the right passphrase is named as damage, not as the passphrase.
    const bad = Buffer.from(good);
    bad[chunkOffset(2) + 9]! ^= 0x80;
    writeFileSync(p, bad);
    expect((await refusal(p)).message).toMatch(/已损坏或被改动（第 3 段校验失败）/);
  });

  it('cut short (anywhere, at a chunk boundary too) or added to: refused', async () => {
    const plain = randomBytes(3 * CHUNK_BYTES);
    const p = await sealed(plain);
    const good = readFileSync(p);
    for (const len of [HEADER_BYTES - 1, HEADER_BYTES, HEADER_BYTES + 10, chunkOffset(1), chunkOffset(2), chunkOffset(2) + 100, good.length - 1]) {
      writeFileSync(p, good);
      truncateSync(p, len);
      const e = await refusal(p);
      expect(['truncated', 'damaged', 'passphrase']).toContain(e.problem);
    }
    writeFileSync(p, good);
    truncateSync(p, chunkOffset(2));
    expect((await refusal(p)).message).toMatch(/不完整/);
    writeFileSync(p, good);
    appendFileSync(p, Buffer.alloc(1));
    expect((await refusal(p)).problem).toMatch(/truncated|damaged/);
  });

  it('a forged header asking for huge scrypt memory, a newer version, or the other content: refused before deriving', async () => {
    const p = await sealed(Buffer.from('x'));
    const good = readFileSync(p);
    const huge = Buffer.from(good);
    huge[12] = 30;
    writeFileSync(p, huge);
    expect((await refusal(p)).message).toMatch(/文件头无效/);
    // Each within its bound, together 4 GiB of scrypt memory (128·2^20·16): refused as well.
    huge[12] = 20;
    huge[13] = 16;
    writeFileSync(p, huge);
    expect((await refusal(p)).message).toMatch(/文件头无效/);
    const newer = Buffer.from(good);
    newer[8] = 2;
    writeFileSync(p, newer);
    expect((await refusal(p)).message).toMatch(/较本程序新/);
    writeFileSync(p, good);
    expect((await refusal(p, PASS, 'case-bundle')).message).toBe('这是离线交换包，不是案卷交换包');
  });

  it('a zip inside is read in place', async () => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('{"hello":"世界"}'), 'a/case.json');
    zip.addBuffer(randomBytes(200_000), 'a/big.bin', { compress: false });
    zip.end();
    const q = join(tempDir('envelope-'), 'z.sealed');
    await sealToFile(zip.outputStream as unknown as Readable, q, await startSeal(PASS, 'case-bundle', FAST));
    const f = await SealedFile.open(q, PASS, 'case-bundle');
    const z = await openSealedZip(f);
    const entries = await listZipEntries(z);
    expect(entries.map((e) => e.fileName)).toEqual(['a/case.json', 'a/big.bin']);
    expect(await readZipText(z, entries[0]!, 1000)).toBe('{"hello":"世界"}');
    z.close();
  });

  it('passphrase rule and hint', () => {
    expect(passphraseProblem('短口令')).toMatch(/至少 10 个字符/);
    expect(passphraseProblem('          ')).toMatch(/请设置/);
    expect(passphraseProblem(PASS)).toBeNull();
    expect(passphraseStrength('aaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('1234567890')).toBe('weak');
    expect(passphraseStrength('abcdefghij')).toBe('weak');
    expect(passphraseStrength('tiger-lamp-93')).toBe('fair');
    expect(passphraseStrength(PASS)).toBe('strong');
  });
});
