// checkBlobHeader (cache-crypto/blob-format.ts): the one answer to "is this file blob X sealed with
// key K?" that the store's readers, its owned-file staging, the resumable writer and the migration
// each word in their own way. Every kind, and the headers that must not pass for a sealed blob.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlobTamperedError, HEADER_BYTES, checkBlobHeader, encodeHeader } from '../../src/main/services/cache-crypto/blob-format';

const KEY = '0123456789abcdef';
const OTHER_KEY = 'fedcba9876543210';
const SHA = 'a'.repeat(64);
const OTHER_SHA = 'b'.repeat(64);
const sealed = (keyId = KEY, sha = SHA) => encodeHeader(keyId, randomBytes(8), sha).bytes;

describe('checkBlobHeader', () => {
  it('answers sealed for this blob under this key, with the parsed header', () => {
    const head = sealed();
    const c = checkBlobHeader(head, KEY, SHA);
    expect(c.kind).toBe('sealed');
    if (c.kind !== 'sealed') return;
    expect(c.header.keyId).toBe(KEY);
    expect(c.header.sha256).toBe(SHA);
    expect(c.header.bytes.equals(head)).toBe(true);
  });

  it('reads only the header: chunk bytes after it change nothing', () => {
    const head = Buffer.concat([sealed(), randomBytes(100)]);
    expect(checkBlobHeader(head, KEY, SHA).kind).toBe('sealed');
  });

  it('accepts any blob of this key when no sha256 is asked for', () => {
    expect(checkBlobHeader(sealed(KEY, OTHER_SHA), KEY, null).kind).toBe('sealed');
  });

  it('tells plaintext (no magic) from everything else, an empty file included', () => {
    expect(checkBlobHeader(Buffer.from('%PDF-1.7\n'.padEnd(HEADER_BYTES, ' ')), KEY, SHA)).toEqual({ kind: 'plaintext' });
    expect(checkBlobHeader(Buffer.alloc(0), KEY, SHA)).toEqual({ kind: 'plaintext' });
    expect(checkBlobHeader(Buffer.from('FSHN'), KEY, SHA)).toEqual({ kind: 'plaintext' });
  });

  it('names a foreign key before a different blob (the key is checked first)', () => {
    const c = checkBlobHeader(sealed(OTHER_KEY, OTHER_SHA), KEY, SHA);
    expect(c.kind).toBe('foreign-key');
    if (c.kind === 'foreign-key') expect(c.header.keyId).toBe(OTHER_KEY);
  });

  it('names another blob sealed with this key, and which one', () => {
    const c = checkBlobHeader(sealed(KEY, OTHER_SHA), KEY, SHA);
    expect(c.kind).toBe('other-blob');
    if (c.kind === 'other-blob') expect(c.header.sha256).toBe(OTHER_SHA);
  });

  it('reports a header cut short or with wrong version/reserved bytes as damaged, with parseHeader’s zh-CN reason', () => {
    const cut = checkBlobHeader(sealed().subarray(0, 40), KEY, SHA);
    expect(cut.kind).toBe('damaged');
    if (cut.kind === 'damaged') {
      expect(cut.error).toBeInstanceOf(BlobTamperedError);
      expect(cut.error.message).toBe('文件头不完整');
    }
    for (const [offset, value] of [
      [8, 2], // version
      [9, 12], // chunk size
      [10, 1], // reserved
      [28, 1], // reserved
    ] as const) {
      const head = Buffer.from(sealed());
      head[offset] = value;
      const c = checkBlobHeader(head, KEY, SHA);
      expect(c.kind, `byte ${offset}`).toBe('damaged');
      if (c.kind === 'damaged') expect(c.error.message).toMatch(/文件头无效/);
    }
  });
});
