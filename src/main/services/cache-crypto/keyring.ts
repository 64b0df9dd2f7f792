// <data>/keyring.json: the cache key, wrapped. On the desktop the OS keystore wraps it (Electron
// safeStorage: DPAPI / Keychain / libsecret), elsewhere a passphrase (scrypt + AES-256-GCM, the
// signing keystore's envelope). The "unprotected-dev" form keeps the key itself in the file, for
// tests and development only — and the security state says so (未加密保护).
// The file is read as untrusted input (zod); it is only ever replaced atomically, and only with
// the same key, so no write here can cut the store off from its key.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PassphraseProtector, type KeyProtector } from '../signing/protector';
import { isSigningError } from '../signing/errors';
import { CacheKey, CacheKeyError, MASTER_KEY_BYTES, keyIdOf, type KeyProtection } from './cache-key';
import { writeFileDurable } from './durable';
import { hasEncryptedData } from './store-state';

export const KEYRING_FILE = 'keyring.json';
export const MIN_PASSPHRASE_LENGTH = 8;

const KeyringFile = z.object({
  format: z.literal('fashen-cache-keyring'),
  version: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  protection: z.enum(['os-keystore', 'passphrase', 'unprotected-dev']),
  /** base64: the OS keystore's blob, the passphrase envelope, or (unprotected-dev) the key itself. */
  wrapped: z.string().min(1).max(16384),
  createdAt: z.string(),
  warning: z.string().optional(),
});
export type KeyringFile = z.infer<typeof KeyringFile>;

export const KEYRING_MISSING_MESSAGE = '找不到缓存密钥文件 keyring.json：本机数据已加密，没有它无法打开（不会生成新密钥覆盖）';

const DEV_WARNING = '未加密保护：此文件含缓存密钥本身（开发/测试用），拿到数据目录即可解密缓存';

export function keyringPath(dataDir: string): string {
  return join(dataDir, KEYRING_FILE);
}

export function readKeyring(dataDir: string): KeyringFile | null {
  const p = keyringPath(dataDir);
  if (!existsSync(p)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(p, 'utf8'));
  } catch (err) {
    throw new CacheKeyError('keyring-corrupt', `缓存密钥文件已损坏，无法读取：${p}`, { cause: err });
  }
  const parsed = KeyringFile.safeParse(json);
  if (!parsed.success) throw new CacheKeyError('keyring-corrupt', `缓存密钥文件格式不符：${p}`);
  return parsed.data;
}

function writeKeyring(dataDir: string, keyId: string, protection: KeyProtection, wrapped: string, createdAt: string): void {
  const file: KeyringFile = { format: 'fashen-cache-keyring', version: 1, keyId, protection, wrapped, createdAt, ...(protection === 'unprotected-dev' ? { warning: DEV_WARNING } : {}) };
  // The key is the first thing a new store writes (the host and the desktop app make it before any
  // Workstation opens): the data folder may not exist yet. Owner-only, like the key itself.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileDurable(keyringPath(dataDir), `${JSON.stringify(file, null, 2)}\n`);
}

/** The unwrapped key, if it is one and the one the file names (else wiped and refused). */
function checkedMaster(master: Buffer, file: KeyringFile): Buffer {
  if (master.length === MASTER_KEY_BYTES && keyIdOf(master) === file.keyId) return master;
  master.fill(0);
  throw new CacheKeyError('keyring-corrupt', '缓存密钥文件已损坏（密钥与其标识不符）');
}

/** The longest passphrase the lock screen accepts (app.unlock): a longer one could never be typed there. */
export const MAX_PASSPHRASE_LENGTH = 1024;

export function checkNewPassphrase(passphrase: string): void {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) throw new CacheKeyError('weak-passphrase', `缓存口令至少 ${MIN_PASSPHRASE_LENGTH} 个字符`);
  if (passphrase.length > MAX_PASSPHRASE_LENGTH) throw new CacheKeyError('weak-passphrase', `缓存口令最多 ${MAX_PASSPHRASE_LENGTH} 个字符（解锁界面不接受更长的口令）`);
  if (!passphrase.trim()) throw new CacheKeyError('weak-passphrase', '缓存口令不能全为空格');
}

/** How a wrapped key is opened or sealed: an OS keystore, a passphrase, or nothing (dev). */
export type KeyWrapper = { kind: 'os-keystore'; protector: KeyProtector } | { kind: 'passphrase'; passphrase: string } | { kind: 'unprotected-dev' };

async function wrap(master: Buffer, w: KeyWrapper): Promise<string> {
  if (w.kind === 'unprotected-dev') return master.toString('base64');
  const protector = w.kind === 'os-keystore' ? w.protector : new PassphraseProtector(w.passphrase);
  return Buffer.from(await protector.wrap(master)).toString('base64');
}

async function unwrap(file: KeyringFile, w: KeyWrapper): Promise<Buffer> {
  if (w.kind !== file.protection) throw new Error(`keyring is ${file.protection}, not ${w.kind}`);
  const wrapped = Buffer.from(file.wrapped, 'base64');
  let master: Buffer;
  if (w.kind === 'unprotected-dev') master = wrapped;
  else {
    try {
      const protector = w.kind === 'os-keystore' ? w.protector : new PassphraseProtector(w.passphrase);
      master = Buffer.from(await protector.unwrap(wrapped));
    } catch (err) {
      if (w.kind === 'passphrase' && isSigningError(err, 'wrong-passphrase')) {
        throw new CacheKeyError('wrong-passphrase', w.passphrase ? '缓存口令不正确，未能解锁（数据未改动）' : '请输入缓存口令', { cause: err });
      }
      if (w.kind === 'os-keystore') throw new CacheKeyError('wrong-key', '系统密钥库未能解开缓存密钥（系统密钥库不可用，或本机用户已更换）', { cause: err });
      throw new CacheKeyError('keyring-corrupt', '缓存密钥文件已损坏，无法解开', { cause: err });
    }
  }
  return checkedMaster(master, file);
}

/** Make a new random key and store it wrapped; refuses to replace an existing key file. */
export async function createKeyring(dataDir: string, w: KeyWrapper, now = new Date()): Promise<CacheKey> {
  if (existsSync(keyringPath(dataDir))) throw new CacheKeyError('busy', '缓存密钥文件已存在，不会覆盖');
  if (w.kind === 'passphrase') checkNewPassphrase(w.passphrase);
  const { key, master } = CacheKey.generate(w.kind);
  try {
    writeKeyring(dataDir, key.keyId, w.kind, await wrap(master, w), now.toISOString());
  } finally {
    master.fill(0);
  }
  return key;
}

/**
 * The development key file, synchronously (a Workstation made without a key — tests, benchmarks —
 * opens its store in the constructor): created when there is no key file, refused otherwise.
 */
export function devKeySync(dataDir: string, now = new Date()): CacheKey {
  const file = readKeyring(dataDir);
  if (!file) {
    if (hasEncryptedData(dataDir)) throw new CacheKeyError('keyring-missing', KEYRING_MISSING_MESSAGE);
    const { key, master } = CacheKey.generate('unprotected-dev');
    try {
      writeKeyring(dataDir, key.keyId, 'unprotected-dev', master.toString('base64'), now.toISOString());
    } finally {
      master.fill(0);
    }
    return key;
  }
  if (file.protection === 'passphrase') throw new CacheKeyError('needs-passphrase', '本机缓存已用口令加密：请提供缓存口令（环境变量 FASHEN_CACHE_PASSPHRASE）');
  if (file.protection === 'os-keystore') throw new CacheKeyError('needs-os-keystore', '本机缓存的密钥由系统密钥库保护，只能在桌面版中打开');
  return new CacheKey(checkedMaster(Buffer.from(file.wrapped, 'base64'), file), 'unprotected-dev');
}

/** Unwrap the key (wrong passphrase / other keystore → CacheKeyError, nothing written). */
export async function unlockKeyring(file: KeyringFile, w: KeyWrapper): Promise<CacheKey> {
  return new CacheKey(await unwrap(file, w), file.protection);
}

/**
 * Wrap the same key differently (e.g. the development key file moved under the OS keystore or a
 * passphrase). The key itself does not change, so the store needs no re-encryption.
 */
export async function rewrapKeyring(dataDir: string, file: KeyringFile, from: KeyWrapper, to: KeyWrapper): Promise<CacheKey> {
  if (to.kind === 'passphrase') checkNewPassphrase(to.passphrase);
  const master = await unwrap(file, from);
  try {
    writeKeyring(dataDir, file.keyId, to.kind, await wrap(master, to), file.createdAt);
    return new CacheKey(Buffer.from(master), to.kind);
  } finally {
    master.fill(0);
  }
}

export function protectionOf(dataDir: string): KeyProtection | null {
  return readKeyring(dataDir)?.protection ?? null;
}
