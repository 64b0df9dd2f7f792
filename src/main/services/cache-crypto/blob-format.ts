// Encrypted blob format, version 1: a 64-byte header, then the plaintext in 64 KiB chunks, each
// sealed with AES-256-GCM (ciphertext followed by its 16-byte tag). Range reads decrypt only the
// chunks they need.
//
//   0  magic "FSHNBLOB"      8 bytes — tells an encrypted blob from a plaintext one
//   8  version (1)           1
//   9  log2 chunk size (16)  1
//  10  reserved (0)          2
//  12  key id                8 — the cache key that sealed it
//  20  nonce prefix          8 — random per blob; nonce = prefix ‖ chunk index (u32 BE)
//  28  reserved (0)          4
//  32  sha256 of plaintext  32 — the content address
//
// Every chunk's AAD is the whole header ‖ chunk index ‖ final flag: the sha256 and the key id are
// bound to every chunk, chunks cannot be moved, reordered or dropped, and the file cannot be cut
// short at a chunk boundary (the last chunk left would not carry the final flag). There is always
// a final chunk, empty for an empty file. The plaintext size follows from the file size.
import { CHUNK_LOG2, HEADER_BYTES, TAG_BYTES, openChunkOrNull, sealedSize, type ChunkedHeader } from './chunked-gcm';

// The chunk layout (sizes, nonces, AAD, sealing) is chunked-gcm.ts, shared with the USB bundle envelope.
export { CHUNK_BYTES, CHUNK_LOG2, ChunkSealer, HEADER_BYTES, TAG_BYTES, chunkCount, chunkOffset, chunkPlainLength, plainSizeOf, sealChunkParts } from './chunked-gcm';

export const BLOB_MAGIC = Buffer.from('FSHNBLOB', 'latin1');
export const BLOB_VERSION = 1;

export interface BlobHeader extends ChunkedHeader {
  keyId: string;
  noncePrefix: Buffer;
  sha256: string;
  /** The 64 header bytes as stored (part of every chunk's AAD). */
  bytes: Buffer;
}

/** A chunk failed authentication, or the header does not belong to this blob: 已篡改. */
export class BlobTamperedError extends Error {
  constructor(message = '文件已被改动（解密校验失败）') {
    super(message);
    this.name = 'BlobTamperedError';
  }
}

export function encodeHeader(keyId: string, noncePrefix: Buffer, sha256: string): BlobHeader {
  if (!/^[0-9a-f]{16}$/.test(keyId) || noncePrefix.length !== 8 || !/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid blob header fields');
  const b = Buffer.alloc(HEADER_BYTES);
  BLOB_MAGIC.copy(b, 0);
  b[8] = BLOB_VERSION;
  b[9] = CHUNK_LOG2;
  b.write(keyId, 12, 'hex');
  noncePrefix.copy(b, 20);
  b.write(sha256, 32, 'hex');
  return { keyId, noncePrefix: Buffer.from(noncePrefix), sha256, bytes: b };
}

export function hasMagic(head: Buffer): boolean {
  return head.length >= BLOB_MAGIC.length && head.subarray(0, BLOB_MAGIC.length).equals(BLOB_MAGIC);
}

/** The header of an encrypted blob; null when the bytes are not one (no magic: plaintext). */
export function parseHeader(head: Buffer): BlobHeader | null {
  if (!hasMagic(head)) return null;
  if (head.length < HEADER_BYTES) throw new BlobTamperedError('文件头不完整');
  if (head[8] !== BLOB_VERSION || head[9] !== CHUNK_LOG2 || head.readUInt16BE(10) !== 0 || head.readUInt32BE(28) !== 0) {
    throw new BlobTamperedError('文件头无效（版本或分块参数不符）');
  }
  const bytes = Buffer.from(head.subarray(0, HEADER_BYTES));
  return { keyId: bytes.toString('hex', 12, 20), noncePrefix: bytes.subarray(20, 28), sha256: bytes.toString('hex', 32, 64), bytes };
}

/**
 * What a file's first bytes say about it, for one blob under one key. Each caller words its own
 * refusal; `damaged` carries parseHeader's error (magic present, header broken).
 */
export type HeaderCheck =
  | { kind: 'plaintext' }
  | { kind: 'damaged'; error: BlobTamperedError }
  | { kind: 'foreign-key'; header: BlobHeader }
  | { kind: 'other-blob'; header: BlobHeader }
  | { kind: 'sealed'; header: BlobHeader };

/**
 * Classify the first HEADER_BYTES of a file: is it blob `sha256` sealed with key `keyId`? A null
 * sha256 accepts any blob sealed with that key. The key is checked before the blob.
 */
export function checkBlobHeader(head: Buffer, keyId: string, sha256: string | null): HeaderCheck {
  let header: BlobHeader | null;
  try {
    header = parseHeader(head);
  } catch (err) {
    if (err instanceof BlobTamperedError) return { kind: 'damaged', error: err };
    throw err;
  }
  if (!header) return { kind: 'plaintext' };
  if (header.keyId !== keyId) return { kind: 'foreign-key', header };
  if (sha256 !== null && header.sha256 !== sha256) return { kind: 'other-blob', header };
  return { kind: 'sealed', header };
}

export const encryptedSize = sealedSize;

export function openChunk(key: Buffer, h: BlobHeader, i: number, final: boolean, sealed: Buffer): Buffer {
  if (sealed.length < TAG_BYTES) throw new BlobTamperedError('文件被截短');
  const plain = openChunkOrNull(key, h, i, final, sealed);
  if (!plain) throw new BlobTamperedError(`文件第 ${i + 1} 段解密校验失败（已被改动）`);
  return plain;
}

