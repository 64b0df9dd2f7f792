// The saved central-system login (`fashen login` writes <data>/central.json, owner-only; see
// src/cli/commands/central-config.ts) turned into a transport for one sync run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpTransport, type HttpTransportOptions } from './http-transport';
import type { SyncTransport } from './transport';

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

/** A connect function for SyncEngine: the saved login, optionally another server address. */
export function connectWithSavedLogin(dataDir: string, timeouts: Omit<HttpTransportOptions, 'server' | 'token'> = {}) {
  return (override: { server?: string }): SyncTransport | null => {
    const login = readCentralLogin(dataDir);
    if (!login) return null;
    return new HttpTransport({ ...timeouts, server: override.server ?? login.server, token: login.token });
  };
}
