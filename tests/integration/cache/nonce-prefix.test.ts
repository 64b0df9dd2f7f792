// New sealed blobs take their header's random nonce prefix from a pool: never the same prefix twice
// (across many refills of the pool), and a header keeps its prefix after the pool moves on.
import { describe, expect, it } from 'vitest';
import { parseHeader } from '../../../src/main/services/cache-crypto/blob-format';
import { newBlobHeader } from '../../../src/main/services/cache-crypto/nonce-prefix';

const keyId = '0123456789abcdef';
const sha = 'ab'.repeat(32);

describe('newBlobHeader', () => {
  it('gives every header a prefix of its own, and a header keeps it after the pool is refilled', () => {
    const first = newBlobHeader(keyId, sha);
    const kept = Buffer.from(first.noncePrefix);
    const seen = new Set<string>([kept.toString('hex')]);
    for (let i = 0; i < 5000; i++) {
      const h = newBlobHeader(keyId, sha);
      expect(h.noncePrefix).toHaveLength(8);
      seen.add(h.noncePrefix.toString('hex'));
    }
    expect(seen.size).toBe(5001);
    expect(first.noncePrefix).toEqual(kept);
    expect(first.bytes.subarray(20, 28)).toEqual(kept);
    expect(parseHeader(first.bytes)).toMatchObject({ keyId, sha256: sha, noncePrefix: kept });
  });
});
