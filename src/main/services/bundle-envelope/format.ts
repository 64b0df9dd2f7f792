// The encrypted envelope of a file that travels on a USB stick (离线交换包 and 案卷交换包): a lost
// stick must not leak the parties' names and ID numbers. The key comes from a passphrase the two
// ends agree on (scrypt, its parameters and a random salt in the header); the file is sealed in
// 64 KiB chunks with AES-256-GCM, as the encrypted cache's blobs are (blob-format.ts), so a case
// bundle of hundreds of MB is read chunk by chunk, never decrypted to disk.
//
//   0  magic "FSHNSEAL"          8 bytes — tells an encrypted bundle from a plain one (JSON, zip)
//   8  version (1)               1
//   9  content (1 outbox, 2 case bundle)
//  10  log2 chunk size (16)      1
//  11  kdf (1 = scrypt)          1
//  12  scrypt log2 N             1
//  13  scrypt r                  1
//  14  scrypt p                  1
//  15  reserved (0)              1
//  16  salt                     16 — random per file, so each file has its own key
//  32  nonce prefix              8 — random per file; nonce = prefix ‖ chunk index (u32 BE)
//  40  reserved (0)             24
//
// Every chunk's AAD is the whole header ‖ chunk index ‖ final flag: the header (parameters, kind)
// cannot be changed, chunks cannot be moved or dropped, and a file cut short at a chunk boundary is
// caught (its last chunk was not sealed as final). There is always a final chunk.
import { scrypt } from 'node:crypto';
import { CHUNK_LOG2, HEADER_BYTES, type ChunkedHeader } from '../cache-crypto/chunked-gcm';
import { z } from 'zod';

export const ENVELOPE_MAGIC = Buffer.from('FSHNSEAL', 'latin1');
export const ENVELOPE_VERSION = 1;
// The chunk layout is the encrypted cache's (chunked-gcm.ts): same sizes, nonces, AAD and sealing.
export { CHUNK_BYTES, CHUNK_LOG2, HEADER_BYTES, TAG_BYTES, chunkCount, chunkOffset, chunkPlainLength, plainSizeOf, sealedSize } from '../cache-crypto/chunked-gcm';
export { openChunkOrNull as openChunk } from '../cache-crypto/chunked-gcm';

export type EnvelopeContent = 'outbox' | 'case-bundle';
const CONTENT_CODES: Record<EnvelopeContent, number> = { outbox: 1, 'case-bundle': 2 };
export const CONTENT_LABEL: Record<EnvelopeContent, string> = { outbox: '离线交换包', 'case-bundle': '案卷交换包' };

/** scrypt's cost: N = 2^logN, r, p. The default takes ~0.3 s and 128 MiB, once per file. */
export interface KdfParams {
  logN: number;
  r: number;
  p: number;
}
export const DEFAULT_KDF: KdfParams = { logN: 17, r: 8, p: 1 };
const MAX_SCRYPT_BYTES = 512 * 1024 * 1024;

/**
 * The header as read, checked: the bounds keep a forged header from asking for gigabytes of scrypt
 * memory (the header is authenticated only after the key is derived from it).
 */
const Header = z
  .object({
    version: z.literal(ENVELOPE_VERSION),
    content: z.union([z.literal(1), z.literal(2)]),
    chunkLog2: z.literal(CHUNK_LOG2),
    kdf: z.literal(1),
    logN: z.number().int().min(14).max(20),
    r: z.number().int().min(1).max(16),
    p: z.number().int().min(1).max(4),
    reserved: z.literal(0),
  })
  // scrypt's memory is 128·N·r bytes: at most 512 MiB (the default uses 128 MiB).
  .refine((h) => 128 * 2 ** h.logN * h.r <= MAX_SCRYPT_BYTES, { message: 'scrypt memory too large' });

export interface EnvelopeHeader extends ChunkedHeader {
  content: EnvelopeContent;
  kdf: KdfParams;
  salt: Buffer;
  noncePrefix: Buffer;
  /** The 64 header bytes as stored (part of every chunk's AAD). */
  bytes: Buffer;
}

export type EnvelopeProblem = 'passphrase' | 'damaged' | 'truncated' | 'version' | 'content';

/** Why a sealed file cannot be opened, in words for the reader (zh-CN). */
export class EnvelopeError extends Error {
  constructor(
    readonly problem: EnvelopeProblem,
    message: string,
  ) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

/** The one answer for a wrong passphrase: GCM cannot tell it from a changed first chunk. */
export const WRONG_PASSPHRASE = '口令不正确或文件已损坏';

export function hasEnvelopeMagic(head: Buffer): boolean {
  return head.length >= ENVELOPE_MAGIC.length && head.subarray(0, ENVELOPE_MAGIC.length).equals(ENVELOPE_MAGIC);
}

export function encodeHeader(content: EnvelopeContent, kdf: KdfParams, salt: Buffer, noncePrefix: Buffer): EnvelopeHeader {
  if (salt.length !== 16 || noncePrefix.length !== 8) throw new Error('invalid envelope salt or nonce');
  const b = Buffer.alloc(HEADER_BYTES);
  ENVELOPE_MAGIC.copy(b, 0);
  b.set([ENVELOPE_VERSION, CONTENT_CODES[content], CHUNK_LOG2, 1, kdf.logN, kdf.r, kdf.p], 8);
  salt.copy(b, 16);
  noncePrefix.copy(b, 32);
  const header = parseHeader(b);
  if (!header) throw new Error('envelope header not written');
  return header;
}

/** The header of a sealed file; null when the bytes are not one (no magic: a plain file or garbage). */
export function parseHeader(head: Buffer): EnvelopeHeader | null {
  if (!hasEnvelopeMagic(head)) return null;
  if (head.length < HEADER_BYTES) throw new EnvelopeError('truncated', '加密交换包不完整（文件头被截短），可能复制时中断');
  if (head[8]! > ENVELOPE_VERSION) throw new EnvelopeError('version', `加密交换包的格式（第 ${head[8]} 版）较本程序新，请先升级本程序`);
  const reservedNonZero = head.subarray(40, HEADER_BYTES).some((x) => x !== 0) ? 1 : 0;
  const parsed = Header.safeParse({ version: head[8], content: head[9], chunkLog2: head[10], kdf: head[11], logN: head[12], r: head[13], p: head[14], reserved: head[15]! | reservedNonZero });
  if (!parsed.success) throw new EnvelopeError('damaged', '加密交换包的文件头无效（参数不符），文件已损坏或不是本程序制作的');
  const h = parsed.data;
  const bytes = Buffer.from(head.subarray(0, HEADER_BYTES));
  return {
    content: h.content === 1 ? 'outbox' : 'case-bundle',
    kdf: { logN: h.logN, r: h.r, p: h.p },
    salt: bytes.subarray(16, 32),
    noncePrefix: bytes.subarray(32, 40),
    bytes,
  };
}

/** The AES-256 key from the passphrase (NFC: the same words typed with another input method give the same key). */
export function deriveKey(passphrase: string, h: Pick<EnvelopeHeader, 'kdf' | 'salt'>): Promise<Buffer> {
  const { logN, r, p } = h.kdf;
  const N = 2 ** logN;
  return new Promise((res, rej) =>
    scrypt(Buffer.from(passphrase.normalize('NFC'), 'utf8'), h.salt, 32, { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 }, (err, key) => (err ? rej(err) : res(key))),
  );
}
