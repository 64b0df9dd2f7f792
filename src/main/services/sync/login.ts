// The saved central-system login (`fashen login` writes <data>/central.json, owner-only; see
// src/cli/commands/central-config.ts) turned into a transport for one sync run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpTransport, normaliseServerUrl, type HttpTransportOptions } from './http-transport';
import { TransportError, type SyncTransport } from './transport';

export interface CentralLogin {
  server: string;
  token: string;
  user?: string;
}

export function readCentralLogin(dataDir: string): CentralLogin | null {
  const p = join(dataDir, 'central.json');
  if (!existsSync(p)) return null;
  try {
    const v = JSON.parse(readFileSync(p, 'utf8')) as Partial<CentralLogin>;
    return typeof v.server === 'string' && typeof v.token === 'string' && v.token ? { server: v.server, token: v.token, ...(typeof v.user === 'string' ? { user: v.user } : {}) } : null;
  } catch {
    return null;
  }
}

/**
 * A connect function for SyncEngine: the saved login, optionally at another address of the same
 * server (`fashen sync --server`, the address spelt differently). The token goes only to the server
 * it was issued by: a typo or a stranger's address must not receive it.
 */
export function connectWithSavedLogin(dataDir: string, timeouts: Omit<HttpTransportOptions, 'server' | 'token'> = {}) {
  return (override: { server?: string }): SyncTransport | null => {
    const login = readCentralLogin(dataDir);
    if (!login) return null;
    const asked = override.server === undefined ? null : normaliseServerUrl(override.server);
    const saved = normaliseServerUrl(login.server);
    if (asked !== null && asked !== saved) {
      throw new TransportError('protocol', `${asked} 不是本机登录的中心系统（${saved}）：登录凭据只发给登录时的服务器，未连接。如中心系统已换地址，请先 fashen login --server <新地址> 重新登录`);
    }
    return new HttpTransport({ ...timeouts, server: login.server, token: login.token });
  };
}
