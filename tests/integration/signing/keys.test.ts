// Reviewer keys: passphrase-wrapped storage, wrong passphrase, corrupted files, rotation, revocation.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KEY_FILE_CORRUPT_MESSAGE,
  PassphraseProtector,
  SigningError,
  WRONG_PASSPHRASE_MESSAGE,
  isDevelopmentCa,
  keyIdFromSpki,
  pemToDer,
  signDetached,
} from '../../../src/main/services/signing';
import { PASSPHRASE, REVIEWER, signingFixture } from './fixtures';

async function rejection(p: Promise<unknown>): Promise<SigningError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SigningError);
    return e as SigningError;
  }
  throw new Error('expected a SigningError');
}

describe('signing keys', () => {
  it('creates keys of every algorithm, stores them wrapped, and unlocks them with the passphrase', async () => {
    const f = await signingFixture();
    for (const algorithm of ['ecdsa-p256', 'ed25519', 'sm2-sm3'] as const) {
      const info = await f.store.createKey({ algorithm, protector: f.protector, subject: REVIEWER, ca: f.ca });
      expect(info.keyId).toMatch(/^[0-9a-f]{32}$/);
      expect(info.keyId).toBe(keyIdFromSpki(pemToDer(info.publicKeyPem)));
      expect(info).toMatchObject({ algorithm, status: 'active', protection: 'passphrase', subject: REVIEWER });
      expect(info.chain).toHaveLength(2);
      expect(isDevelopmentCa(info.chain)).toBe(true);

      const file = JSON.parse(readFileSync(join(f.dataDir, 'keys', `${info.keyId}.json`), 'utf8'));
      expect(Object.keys(file)).toEqual(expect.arrayContaining(['algorithm', 'publicKeyPem', 'wrappedPrivateKey', 'created', 'status', 'chain']));
      const envelope = JSON.parse(Buffer.from(file.wrappedPrivateKey, 'base64').toString('utf8'));
      expect(envelope).toMatchObject({ format: 'fashen-key-envelope', version: 1, cipher: 'aes-256-gcm', kdf: { name: 'scrypt', N: 32768, r: 8, p: 1 } });
      expect(JSON.stringify(file)).not.toContain('PRIVATE KEY');

      const key = await f.store.unlock(info.keyId, new PassphraseProtector(PASSPHRASE));
      expect(key.algorithm).toBe(algorithm);
      expect(key.keyId).toBe(info.keyId);
    }
    expect(f.store.listKeys()).toHaveLength(3);
    expect(f.store.activeKey('sm2-sm3')?.algorithm).toBe('sm2-sm3');
  });

  it('rejects a wrong passphrase with 口令错误，无法解锁签名密钥', async () => {
    const f = await signingFixture();
    const info = await f.store.createKey({ protector: f.protector, subject: REVIEWER });
    const err = await rejection(f.store.unlock(info.keyId, new PassphraseProtector('wrong passphrase')));
    expect(err.code).toBe('wrong-passphrase');
    expect(err.message).toBe(WRONG_PASSPHRASE_MESSAGE);
  });

  it('reports a truncated or damaged key file as 签名密钥文件已损坏, never as a wrong passphrase', async () => {
    const f = await signingFixture();
    const info = await f.store.createKey({ protector: f.protector, subject: REVIEWER });
    const path = join(f.dataDir, 'keys', `${info.keyId}.json`);
    const original = readFileSync(path, 'utf8');
    const file = JSON.parse(original);
    const expectCorrupt = async () => {
      const err = await rejection(f.store.unlock(info.keyId, f.protector));
      expect(err.code).toBe('key-file-corrupt');
      expect(err.message).toBe(KEY_FILE_CORRUPT_MESSAGE);
    };

    writeFileSync(path, original.slice(0, Math.floor(original.length / 2))); // truncated
    await expectCorrupt();

    const wrapped = Buffer.from(file.wrappedPrivateKey, 'base64');
    const mid = wrapped.indexOf('"ciphertext":"') + 20;
    wrapped[mid] = wrapped[mid]! === 0x41 ? 0x42 : 0x41; // one byte of the wrapped key
    writeFileSync(path, JSON.stringify({ ...file, wrappedPrivateKey: wrapped.toString('base64') }));
    await expectCorrupt();

    // Damage with a recomputed envelope checksum still fails the AES-GCM tag: corrupt, not wrong passphrase.
    const { createHash } = await import('node:crypto');
    const { canonicalJson } = await import('../../../src/shared/canonical');
    const env = JSON.parse(Buffer.from(file.wrappedPrivateKey, 'base64').toString('utf8'));
    const ct = Buffer.from(env.ciphertext, 'base64');
    ct[5] = ct[5]! ^ 0xff;
    const { checksum: _c, ...rest } = { ...env, ciphertext: ct.toString('base64') };
    const resealed = { ...rest, checksum: createHash('sha256').update(canonicalJson(rest)).digest('hex') };
    writeFileSync(path, JSON.stringify({ ...file, wrappedPrivateKey: Buffer.from(JSON.stringify(resealed)).toString('base64') }));
    await expectCorrupt();

    writeFileSync(path, original);
    await expect(f.store.unlock(info.keyId, f.protector)).resolves.toMatchObject({ keyId: info.keyId });
  });

  it('rotation retires the previous key of the same algorithm and keeps it in history', async () => {
    const f = await signingFixture();
    const first = await f.store.createKey({ protector: f.protector, subject: REVIEWER, ca: f.ca });
    const sm2 = await f.store.createKey({ algorithm: 'sm2-sm3', protector: f.protector, subject: REVIEWER });
    const second = await f.store.createKey({ protector: f.protector, subject: REVIEWER, ca: f.ca });
    expect(f.store.activeKey()?.keyId).toBe(second.keyId);
    const old = f.store.getKey(first.keyId);
    expect(old.status).toBe('retired');
    expect(old.retiredAt).toBeTruthy();
    expect(old.history.map((h) => h.event)).toEqual(['created', 'certificate', 'retired']);
    expect(f.store.getKey(sm2.keyId).status).toBe('active'); // other algorithm untouched
    expect(f.store.listKeys().map((k) => k.keyId).sort()).toEqual([first.keyId, second.keyId, sm2.keyId].sort());
    expect((await rejection(f.store.unlock(first.keyId, f.protector))).code).toBe('key-retired');
  });

  it('a revoked key cannot sign and appears in the revocation list', async () => {
    const f = await signingFixture();
    const info = await f.store.createKey({ algorithm: 'ed25519', protector: f.protector, subject: REVIEWER, ca: f.ca });
    const unlocked = await f.store.unlock(info.keyId, f.protector);
    await expect(signDetached({ a: 1 }, unlocked)).resolves.toMatchObject({ keyId: info.keyId });
    const at = new Date('2026-11-20T08:00:00Z');
    f.store.markRevoked(info.keyId, '密钥疑似泄露', at);
    const err = await rejection(f.store.unlock(info.keyId, f.protector));
    expect(err.code).toBe('key-revoked');
    expect(err.message).toContain('已吊销');
    expect(f.store.revocationList()).toEqual([{ keyId: info.keyId, at: at.toISOString(), reason: '密钥疑似泄露' }]);
    expect(f.store.activeKey('ed25519')).toBeUndefined();
  });
});
