// The cache key: 32 random bytes, from which the database key, the blob key and the key id are
// derived (HKDF-SHA256, one purpose each), so no single derived value reveals another.
import { hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export const MASTER_KEY_BYTES = 32;

export type KeyProtection = 'os-keystore' | 'passphrase' | 'unprotected-dev';

function derive(master: Buffer, purpose: string, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `fashen/cache/${purpose}`, length));
}

/** Id of a master key: 8 bytes (16 hex digits), derived from it, so a wrong key is recognised before use. */
export function keyIdOf(master: Buffer): string {
  return derive(master, 'key-id/v1', 8).toString('hex');
}

export class CacheKey {
  readonly keyId: string;
  #db: Buffer | null;
  #blob: Buffer | null;

  /** Takes ownership of `master` (it is wiped once the derived keys exist). */
  constructor(
    master: Buffer,
    readonly protection: KeyProtection,
  ) {
    if (master.length !== MASTER_KEY_BYTES) throw new Error('缓存密钥长度不正确');
    this.keyId = keyIdOf(master);
    this.#db = derive(master, 'sqlcipher/v1', 32);
    this.#blob = derive(master, 'blob-aes-256-gcm/v1', 32);
    master.fill(0);
  }

  static generate(protection: KeyProtection): { key: CacheKey; master: Buffer } {
    const master = randomBytes(MASTER_KEY_BYTES);
    return { key: new CacheKey(Buffer.from(master), protection), master };
  }

  /** The SQLCipher raw key as `x'…'` (64 hex digits), in a Buffer the caller wipes after use. */
  sqlcipherRawKey(): Buffer {
    const k = this.live(this.#db);
    const out = Buffer.alloc(3 + 64);
    out.write("x'", 0, 'latin1');
    const digits = Buffer.from('0123456789abcdef', 'latin1');
    for (let i = 0; i < k.length; i++) {
      out[2 + i * 2] = digits[k[i]! >> 4]!;
      out[3 + i * 2] = digits[k[i]! & 15]!;
    }
    out.write("'", 66, 'latin1');
    return out;
  }

  /** The AES-256-GCM key for blobs (a view: do not keep it beyond the call using it). */
  blobKey(): Buffer {
    return this.live(this.#blob);
  }

  sameAs(other: CacheKey): boolean {
    return timingSafeEqual(Buffer.from(this.keyId), Buffer.from(other.keyId));
  }

  get wiped(): boolean {
    return this.#db === null;
  }

  /** Drop the key material from memory (the lock): every later use throws. */
  wipe(): void {
    this.#db?.fill(0);
    this.#blob?.fill(0);
    this.#db = null;
    this.#blob = null;
  }

  private live(b: Buffer | null): Buffer {
    if (!b) throw new CacheLockedError();
    return b;
  }
}

export class CacheLockedError extends Error {
  constructor(message = '工作台已锁定：缓存密钥不在内存中，请先解锁') {
    super(message);
    this.name = 'CacheLockedError';
  }
}

/** Wrong key, wrong passphrase, damaged key file, a store this key does not open: said in zh-CN, nothing changed. */
export class CacheKeyError extends Error {
  constructor(
    readonly code: 'wrong-passphrase' | 'weak-passphrase' | 'wrong-key' | 'keyring-corrupt' | 'keyring-missing' | 'needs-passphrase' | 'needs-os-keystore' | 'busy',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CacheKeyError';
  }
}
