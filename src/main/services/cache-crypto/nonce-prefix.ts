// The random nonce prefix in each new sealed blob's header (blob-format.ts), drawn from a pool the
// CSPRNG fills 512 prefixes at a time. randomBytes(8) per blob cost ~9 µs a call: ~180 ms of the
// main thread in a 20,000-blob initial sync. The bytes are the same CSPRNG output either way.
import { randomFillSync } from 'node:crypto';
import { encodeHeader, type BlobHeader } from './blob-format';

const PREFIX_BYTES = 8;
const pool = Buffer.alloc(PREFIX_BYTES * 512);
let next = pool.length;

/** A header for a new sealed blob bound to `bindTo`, with fresh random bytes as its nonce prefix. */
export function newBlobHeader(keyId: string, bindTo: string): BlobHeader {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const prefix = pool.subarray(next, next + PREFIX_BYTES);
  next += PREFIX_BYTES;
  // encodeHeader copies the prefix: the pool's bytes are overwritten at the next refill.
  return encodeHeader(keyId, prefix, bindTo);
}
