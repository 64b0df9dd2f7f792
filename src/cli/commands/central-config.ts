// The workstation's saved central-system login as the admin commands (`fashen central …`) use it:
// the same <FASHEN_HOME>/central.json that `fashen login` writes (services/sync/login.ts), readable
// by its owner only, the token sealed with the workstation's cache key.
import type { CacheKey } from '../../main/services/cache-crypto/cache-key';
import { centralLoginPath, openCentralLogin, readCentralLogin, type CentralLogin, type CentralLoginInfo } from '../../main/services/sync/login';

export const centralConfigPath = centralLoginPath;

/** The server and user of the saved login (no key needed): the default --server. */
export function readSavedLogin(dataDir: string): CentralLoginInfo | null {
  return readCentralLogin(dataDir);
}

/** The saved login with its token, opened with the unlocked cache key (CentralLoginUnusableError when it does not open). */
export function openSavedLogin(dataDir: string, key: CacheKey): CentralLogin | null {
  return openCentralLogin(dataDir, key);
}
