// Which key opens this data folder, decided once per start:
//   desktop:  the OS keystore (a development key file found here is moved under it);
//   host/CLI: FASHEN_CACHE_PASSPHRASE (or a prompt, or the lock screen); a new store without a
//             passphrase gets the unprotected development key file, with a loud warning, and the
//             security state shows it as 未加密保护.
// A store whose key file is gone but whose data is encrypted is never given a new key.
import { resolve } from 'node:path';
import type { KeyProtector } from '../signing/protector';
import { CacheKeyError, type CacheKey } from './cache-key';
import { KEYRING_MISSING_MESSAGE, createKeyring, readKeyring, rewrapKeyring, unlockKeyring, type KeyWrapper } from './keyring';
import { hasEncryptedData } from './store-state';

export const CACHE_PASSPHRASE_ENV = 'FASHEN_CACHE_PASSPHRASE';

export const DEV_KEY_WARNING =
  '警告：本机缓存的密钥以未加密保护的开发密钥文件保存在数据目录中（keyring.json），拿到数据目录即可解密。' +
  `请设置环境变量 ${CACHE_PASSPHRASE_ENV}（至少 8 个字符）后重新启动，密钥即改为口令保护。`;

export interface KeySources {
  /** The OS keystore (Electron safeStorage), when this shell has one. */
  os?: KeyProtector | undefined;
  /** A passphrase (environment, prompt, lock screen). */
  passphrase?: string | undefined;
  /** Create the unprotected development key file for a new store when nothing else is given. */
  allowDevKey?: boolean;
}

export type CacheOpening =
  /** `created`: a new key file was made just now. */
  | { state: 'open'; key: CacheKey; notes: string[]; created?: boolean }
  /** 'passphrase': the key is passphrase-wrapped; 'new-passphrase': a new store waits for one to be chosen. */
  | { state: 'locked'; need: 'passphrase' | 'new-passphrase' };

export async function openCacheKey(dataDir: string, src: KeySources): Promise<CacheOpening> {
  const file = readKeyring(dataDir);
  if (!file) {
    if (hasEncryptedData(dataDir)) throw new CacheKeyError('keyring-missing', KEYRING_MISSING_MESSAGE);
    if (src.os) return { state: 'open', key: await createKeyring(dataDir, { kind: 'os-keystore', protector: src.os }), notes: [], created: true };
    if (src.passphrase) return { state: 'open', key: await createKeyring(dataDir, { kind: 'passphrase', passphrase: src.passphrase }), notes: [], created: true };
    if (src.allowDevKey) return { state: 'open', key: await createKeyring(dataDir, { kind: 'unprotected-dev' }), notes: [DEV_KEY_WARNING], created: true };
    return { state: 'locked', need: 'new-passphrase' };
  }
  switch (file.protection) {
    case 'os-keystore':
      if (!src.os) throw new CacheKeyError('needs-os-keystore', '本机缓存的密钥由系统密钥库保护（桌面版），此处无法解开：请在桌面版中打开');
      return { state: 'open', key: await unlockKeyring(file, { kind: 'os-keystore', protector: src.os }), notes: [] };
    case 'passphrase':
      if (src.passphrase === undefined) return { state: 'locked', need: 'passphrase' };
      return { state: 'open', key: await unlockKeyring(file, { kind: 'passphrase', passphrase: src.passphrase }), notes: [] };
    case 'unprotected-dev': {
      const dev: KeyWrapper = { kind: 'unprotected-dev' };
      if (src.os) return { state: 'open', key: await rewrapKeyring(dataDir, file, dev, { kind: 'os-keystore', protector: src.os }), notes: ['缓存密钥已改由系统密钥库保护'] };
      if (src.passphrase) return { state: 'open', key: await rewrapKeyring(dataDir, file, dev, { kind: 'passphrase', passphrase: src.passphrase }), notes: ['缓存密钥已改由口令保护'] };
      return { state: 'open', key: await unlockKeyring(file, dev), notes: [DEV_KEY_WARNING] };
    }
  }
}

// The key this process unlocked, per data folder: every Workstation the process opens on that
// folder (the CLI opens several per command) uses it instead of asking again.
const unlocked = new Map<string, CacheKey>();

export function rememberCacheKey(dataDir: string, key: CacheKey): void {
  unlocked.set(resolve(dataDir), key);
}

export function rememberedCacheKey(dataDir: string): CacheKey | undefined {
  const k = unlocked.get(resolve(dataDir));
  return k && !k.wiped ? k : undefined;
}

export function forgetCacheKey(dataDir: string): void {
  unlocked.delete(resolve(dataDir));
}
