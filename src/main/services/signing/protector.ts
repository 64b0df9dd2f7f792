// Key protection: a reviewer's private key is only ever stored wrapped by a KeyProtector.
// PassphraseProtector = scrypt (N=2^15, r=8, p=1, random salt) + AES-256-GCM in a versioned JSON
// envelope. The Electron safeStorage protector (kind 'os') is implemented in src/main/app.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../../../shared/canonical';
import { KEY_FILE_CORRUPT_MESSAGE, SigningError, WRONG_PASSPHRASE_MESSAGE } from './errors';

export interface KeyProtector {
  kind: 'passphrase' | 'os';
  wrap(plain: Uint8Array): Promise<Uint8Array>;
  /** Throws SigningError 'wrong-passphrase' or 'key-file-corrupt'. */
  unwrap(wrapped: Uint8Array): Promise<Uint8Array>;
}

/** Envelope format, version 1. All binary fields base64. */
interface PassphraseEnvelopeV1 {
  format: 'fashen-key-envelope';
  version: 1;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  iv: string;
  ciphertext: string;
  tag: string;
  /** First 16 bytes of a second scrypt output block: tells a wrong passphrase from corruption. */
  check: string;
  /** SHA-256 (hex) of the canonical envelope without this field: detects damage to the file. */
  checksum: string;
}

export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;

function derive(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

function envelopeChecksum(env: Omit<PassphraseEnvelopeV1, 'checksum'>): string {
  return createHash('sha256').update(canonicalJson(env)).digest('hex');
}

function corrupt(cause?: unknown): SigningError {
  return new SigningError('key-file-corrupt', KEY_FILE_CORRUPT_MESSAGE, { cause });
}

function parseEnvelope(wrapped: Uint8Array): PassphraseEnvelopeV1 {
  let env: PassphraseEnvelopeV1;
  try {
    env = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(wrapped)) as PassphraseEnvelopeV1;
  } catch (e) {
    throw corrupt(e);
  }
  if (!env || env.format !== 'fashen-key-envelope' || env.version !== 1 || env.cipher !== 'aes-256-gcm' || env.kdf?.name !== 'scrypt') {
    throw corrupt();
  }
  const { checksum, ...rest } = env;
  if (typeof checksum !== 'string' || checksum !== envelopeChecksum(rest)) throw corrupt();
  const { N, r, p } = env.kdf;
  // Refuse absurd parameters from a damaged or hostile file (memory use is 128·N·r bytes).
  if (![N, r, p].every(Number.isInteger) || N < 2 ** 14 || N > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16) throw corrupt();
  return env;
}

export class PassphraseProtector implements KeyProtector {
  readonly kind = 'passphrase' as const;
  readonly #passphrase: string;

  constructor(passphrase: string) {
    if (typeof passphrase !== 'string' || passphrase.length === 0) throw new SigningError('wrong-passphrase', '口令不能为空');
    this.#passphrase = passphrase;
  }

  async wrap(plain: Uint8Array): Promise<Uint8Array> {
    const salt = randomBytes(16);
    const iv = randomBytes(12);
    const derived = await derive(this.#passphrase, salt, SCRYPT_PARAMS);
    const header = {
      format: 'fashen-key-envelope' as const,
      version: 1 as const,
      kdf: { name: 'scrypt' as const, ...SCRYPT_PARAMS, salt: salt.toString('base64') },
      cipher: 'aes-256-gcm' as const,
    };
    const cipher = createCipheriv('aes-256-gcm', derived.subarray(0, 32), iv);
    cipher.setAAD(Buffer.from(canonicalJson(header)));
    const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
    const body = {
      ...header,
      iv: iv.toString('base64'),
      ciphertext: ciphertext.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      check: derived.subarray(32, 48).toString('base64'),
    };
    derived.fill(0);
    const env: PassphraseEnvelopeV1 = { ...body, checksum: envelopeChecksum(body) };
    return new TextEncoder().encode(JSON.stringify(env));
  }

  async unwrap(wrapped: Uint8Array): Promise<Uint8Array> {
    const env = parseEnvelope(wrapped);
    const salt = Buffer.from(env.kdf.salt, 'base64');
    const derived = await derive(this.#passphrase, salt, env.kdf);
    try {
      const check = Buffer.from(env.check, 'base64');
      if (check.length !== 16 || !timingSafeEqual(check, derived.subarray(32, 48))) {
        throw new SigningError('wrong-passphrase', WRONG_PASSPHRASE_MESSAGE);
      }
      const header = { format: env.format, version: env.version, kdf: env.kdf, cipher: env.cipher };
      try {
        const decipher = createDecipheriv('aes-256-gcm', derived.subarray(0, 32), Buffer.from(env.iv, 'base64'));
        decipher.setAAD(Buffer.from(canonicalJson(header)));
        decipher.setAuthTag(Buffer.from(env.tag, 'base64'));
        return new Uint8Array(Buffer.concat([decipher.update(Buffer.from(env.ciphertext, 'base64')), decipher.final()]));
      } catch (e) {
        // The passphrase matched the check value, so a failed tag means the ciphertext was damaged.
        throw corrupt(e);
      }
    } finally {
      derived.fill(0);
    }
  }
}
