// Logging in to the central system — one code path for `fashen login` and the app's login form
// (sync.login): user + password → a device token for this workstation, saved in <data>/central.json
// (owner-only, the token sealed with the cache key; read back by login.ts), then this workstation's
// signing keys are registered (as after every login). The password goes to the server only: never
// logged, never stored, never echoed.
import { existsSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { z } from 'zod';
import type { CacheKey } from '../cache-crypto/cache-key';
import { CentralLoginUnusableError, centralLoginPath, folderCacheKey, openCentralLogin, writeSealedLogin } from './login';
import { networkReason } from '../../../shared/sync/network-reason';

export type LoginFailure = 'bad_url' | 'unauthorized' | 'unreachable' | 'refused';

export class CentralLoginError extends Error {
  constructor(
    readonly kind: LoginFailure,
    message: string,
  ) {
    super(message);
    this.name = 'CentralLoginError';
  }
}

export interface CentralSession {
  server: string;
  user: string;
  role: 'reviewer' | 'admin';
  path: string;
}

const Answer = z.object({ token: z.string().min(1), deviceId: z.string().min(1), user: z.object({ name: z.string(), role: z.enum(['reviewer', 'admin']) }) });
const ErrorBody = z.object({ error: z.object({ message: z.string() }) });

/** The server's base URL (http or https, no trailing slash), or a zh-CN error. */
export function centralBase(server: string): string {
  let url: URL;
  try {
    url = new URL(server.trim());
  } catch {
    throw new CentralLoginError('bad_url', `服务器地址不正确：${server}（应形如 https://center.example.gov.cn）`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CentralLoginError('bad_url', `服务器地址须以 http:// 或 https:// 开头：${server}`);
  if (url.username || url.password) throw new CentralLoginError('bad_url', '服务器地址中不能包含用户名或密码');
  return url.href.replace(/\/+$/, '');
}

async function post(url: string, init: { json?: unknown; token?: string; timeoutMs: number }): Promise<Response> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { accept: 'application/json', ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (err) {
    throw new CentralLoginError('unreachable', `无法连接服务器 ${new URL(url).origin}：${networkReason(err)}`);
  }
}

/**
 * Saves the login (readable by its owner only), the token sealed with `key` — by default the key a
 * Workstation on this folder uses (the one this process unlocked, else the development key file);
 * `savedAt` defaults to now.
 */
export function writeCentralLogin(dataDir: string, login: { server: string; user: string; role: string; deviceId: string; token: string; savedAt?: string }, key: CacheKey = folderCacheKey(dataDir)): string {
  const { token, ...fields } = login;
  return writeSealedLogin(dataDir, { ...fields, savedAt: login.savedAt ?? new Date().toISOString() }, token, key);
}

export async function loginCentral(
  dataDir: string,
  /** The unlocked cache key: the token is sealed with it. */
  key: CacheKey,
  input: { server: string; user: string; password: string; device?: string },
  opts: { timeoutMs?: number } = {},
): Promise<CentralSession> {
  const base = centralBase(input.server);
  const res = await post(`${base}/v1/login`, { json: { user: input.user, password: input.password, device: input.device ?? `fashen@${hostname()}` }, timeoutMs: opts.timeoutMs ?? 15_000 });
  const body: unknown = await res.json().catch(() => null);
  if (res.status === 401) throw new CentralLoginError('unauthorized', '用户名或密码不正确');
  if (!res.ok) {
    const e = ErrorBody.safeParse(body);
    throw new CentralLoginError('refused', e.success ? `服务器拒绝登录：${e.data.error.message}` : `服务器拒绝登录（HTTP ${res.status}）：该地址可能不是中心系统`);
  }
  const a = Answer.safeParse(body);
  if (!a.success) throw new CentralLoginError('refused', '服务器的答复不是中心系统的登录答复：请检查地址');
  const path = writeCentralLogin(dataDir, { server: base, user: a.data.user.name, role: a.data.user.role, deviceId: a.data.deviceId, token: a.data.token }, key);
  return { server: base, user: a.data.user.name, role: a.data.user.role, path };
}

/** Ends the device's session on the server (best effort: offline it just lapses) and forgets it here. */
export async function logoutCentral(dataDir: string, key: CacheKey, opts: { timeoutMs?: number } = {}): Promise<void> {
  let login = null;
  try {
    login = openCentralLogin(dataDir, key);
  } catch (err) {
    // A token this workstation cannot open is forgotten all the same; the server lets it lapse.
    if (!(err instanceof CentralLoginUnusableError)) throw err;
  }
  if (login) await post(`${login.server}/v1/logout`, { token: login.token, timeoutMs: opts.timeoutMs ?? 5_000 }).catch(() => undefined);
  const p = centralLoginPath(dataDir);
  if (existsSync(p)) rmSync(p, { force: true });
}
