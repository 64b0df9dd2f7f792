// The chunk layout shared by the encrypted cache's blobs (blob-format.ts) and the USB bundle
// envelope (bundle-envelope/format.ts): a 64-byte header, then the plaintext in 64 KiB chunks, each
// sealed with AES-256-GCM (ciphertext, then its 16-byte tag). Nonce = the header's 8-byte prefix ‖
// chunk index (u32 BE); AAD = the whole header ‖ chunk index ‖ final flag, so chunks cannot be
// moved or dropped and a file cut short at a chunk boundary is caught. There is always a final
// chunk (empty for an empty plaintext); the plaintext size follows from the file size.
import { createCipheriv, createDecipheriv } from 'node:crypto';

export const HEADER_BYTES = 64;
export const CHUNK_LOG2 = 16;
export const CHUNK_BYTES = 1 << CHUNK_LOG2;
export const TAG_BYTES = 16;
const SEALED_CHUNK = CHUNK_BYTES + TAG_BYTES;

/** What of a header the chunks are bound to: its encoded bytes and its nonce prefix. */
export interface ChunkedHeader {
  bytes: Buffer;
  noncePrefix: Buffer;
}

/** Number of chunks for a plaintext size (at least one: the final chunk). */
export function chunkCount(plainSize: number): number {
  return Math.max(1, Math.ceil(plainSize / CHUNK_BYTES));
}

/** File size for a plaintext size. */
export function sealedSize(plainSize: number): number {
  return HEADER_BYTES + plainSize + chunkCount(plainSize) * TAG_BYTES;
}

/** Plaintext size from the file size; null when no plaintext gives this size (cut short or added to). */
export function plainSizeOf(fileSize: number): number | null {
  const body = fileSize - HEADER_BYTES;
  if (body < TAG_BYTES) return null;
  const plain = body - Math.ceil(body / SEALED_CHUNK) * TAG_BYTES;
  return plain >= 0 && sealedSize(plain) === fileSize ? plain : null;
}

/** File offset of chunk i. */
export function chunkOffset(i: number): number {
  return HEADER_BYTES + i * SEALED_CHUNK;
}

/** Plaintext length of chunk i of a plaintext of `plainSize` bytes. */
export function chunkPlainLength(i: number, plainSize: number): number {
  const n = chunkCount(plainSize);
  return i < n - 1 ? CHUNK_BYTES : plainSize - (n - 1) * CHUNK_BYTES;
}

function nonce(h: ChunkedHeader, i: number): Buffer {
  const n = Buffer.alloc(12);
  h.noncePrefix.copy(n, 0);
  n.writeUInt32BE(i, 8);
  return n;
}

function aad(h: ChunkedHeader, i: number, final: boolean): Buffer {
  const a = Buffer.alloc(HEADER_BYTES + 5);
  h.bytes.copy(a, 0);
  a.writeUInt32BE(i, HEADER_BYTES);
  a[HEADER_BYTES + 4] = final ? 1 : 0;
  return a;
}

/**
 * The sealed chunk as its two parts, ciphertext and tag (GCM's final() adds no bytes): written
 * with one writev, not joined into a new buffer.
 */
export function sealChunkParts(key: Buffer, h: ChunkedHeader, i: number, final: boolean, plain: Buffer): [Buffer, Buffer] {
  if (i > 0xffffffff) throw new Error('sealed file too large');
  const c = createCipheriv('aes-256-gcm', key, nonce(h, i));
  c.setAAD(aad(h, i, final));
  const body = c.update(plain);
  c.final();
  return [body, c.getAuthTag()];
}

/** The chunk's plaintext, or null when it does not authenticate (wrong key, changed, moved, cut). */
export function openChunkOrNull(key: Buffer, h: ChunkedHeader, i: number, final: boolean, sealed: Buffer): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  const d = createDecipheriv('aes-256-gcm', key, nonce(h, i));
  d.setAAD(aad(h, i, final));
  d.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    const plain = d.update(sealed.subarray(0, sealed.length - TAG_BYTES));
    d.final(); // checks the tag; GCM adds no bytes here, so no joined copy is needed
    return plain;
  } catch {
    return null;
  }
}

/**
 * Cuts a byte stream into sealed chunks. A full chunk is held back until more data arrives, so
 * the last one — and only the last one — is sealed with the final flag. Each chunk comes out as
 * its parts (ciphertext, tag), to be written in order.
 */
export class ChunkSealer {
  private readonly buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private fill = 0;
  private index = 0;

  constructor(
    private readonly key: Buffer,
    private readonly header: ChunkedHeader,
  ) {}

  push(data: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let off = 0;
    while (off < data.length) {
      if (this.fill === CHUNK_BYTES) out.push(...this.flushChunk(false));
      // Copied: callers may reuse their read buffer before this chunk is sealed.
      const take = Math.min(CHUNK_BYTES - this.fill, data.length - off);
      data.copy(this.buf, this.fill, off, off + take);
      this.fill += take;
      off += take;
    }
    return out;
  }

  finish(): Buffer[] {
    return this.flushChunk(true);
  }

  private flushChunk(final: boolean): Buffer[] {
    // The parts never alias the buffer (the cipher's output is new), so it is reused at once.
    const parts = sealChunkParts(this.key, this.header, this.index++, final, this.buf.subarray(0, this.fill));
    this.fill = 0;
    return parts;
  }
}
