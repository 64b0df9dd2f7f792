// The saved central-system login: <data>/central.json, owner-only (written by `fashen login` and the
// app's form, central-login.ts), and a transport for one sync run from it.
//
// The server and the user stay readable: the lock screen, the status line and the update feed name
// them while locked. The device token is sealed with this workstation's cache key, in the blob
// format the store uses (cache-crypto/blob-format.ts: AES-256-GCM, one final chunk, the header naming
// the key and bound to the server and user), so a copied data folder carries no usable token and an
// address edited in the file does not receive it. Reading the token needs the unlocked key.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BlobTamperedError, HEADER_BYTES, checkBlobHeader, encodeHeader, openChunk, plainSizeOf, sealChunkParts, type BlobHeader } from '../cache-crypto/blob-format';
import type { CacheKey } from '../cache-crypto/cache-key';
import { wipeFile, writeFileDurable } from '../cache-crypto/durable';
import { devKeySync, readKeyring } from '../cache-crypto/keyring';
import { rememberedCacheKey } from '../cache-crypto/resolve';
import { HttpTransport, normaliseServerUrl, type HttpTransportOptions } from './http-transport';
import { TransportError, type SyncTransport } from './transport';

export const CENTRAL_LOGIN_FILE = 'central.json';
export const centralLoginPath = (dataDir: string) => join(dataDir, CENTRAL_LOGIN_FILE);

/** What the reviewer does about a saved login this workstation cannot use. */
export const RELOGIN = '请重新登录中心系统';

/** The readable part of the saved login: logged in, where, as whom. */
export interface CentralLoginInfo {
  server: string;
  user?: string;
}

/** The saved login with its device token, opened with the unlocked cache key. */
export interface CentralLogin extends CentralLoginInfo {
  token: string;
}

/** A saved login whose token cannot be opened here (another machine's key, a damaged or edited file): as not logged in. */
export class CentralLoginUnusableError extends Error {
  constructor(reason: string) {
    super(`本机保存的中心系统登录凭据${reason}，无法使用：${RELOGIN}（fashen login 或同步面板的登录）`);
    this.name = 'CentralLoginUnusableError';
  }
}

interface SavedFile {
  fields: Record<string, unknown>;
  info: CentralLoginInfo;
  sealed?: Buffer;
  /** A token saved before tokens were sealed: sealed at the next unlock. */
  clear?: string;
}

function readSaved(dataDir: string): SavedFile | null {
  const p = centralLoginPath(dataDir);
  if (!existsSync(p)) return null;
  let fields: Record<string, unknown>;
  try {
    const v: unknown = JSON.parse(readFileSync(p, 'utf8'));
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    fields = v as Record<string, unknown>;
  } catch {
    return null;
  }
  if (typeof fields.server !== 'string') return null;
  const info: CentralLoginInfo = { server: fields.server, ...(typeof fields.user === 'string' ? { user: fields.user } : {}) };
  if (typeof fields.tokenSealed === 'string' && fields.tokenSealed) return { fields, info, sealed: Buffer.from(fields.tokenSealed, 'base64') };
  if (typeof fields.token === 'string' && fields.token) return { fields, info, clear: fields.token };
  return null;
}

/** The value the sealed token is bound to (the header's sha256 field): this login's server and user. */
function bindingOf(info: CentralLoginInfo): string {
  return createHash('sha256')
    .update(JSON.stringify(['fashen/central-login-token/v1', info.server, info.user ?? null]))
    .digest('hex');
}

function sealToken(key: CacheKey, info: CentralLoginInfo, token: string): string {
  const header = encodeHeader(key.keyId, randomBytes(8), bindingOf(info));
  const [body, tag] = sealChunkParts(key.blobKey(), header, 0, true, Buffer.from(token, 'utf8'));
  return Buffer.concat([header.bytes, body, tag]).toString('base64');
}

type Checked = { ok: true; header: BlobHeader } | { ok: false; reason: string };

/** Is the sealed token this key's, for this login? Told from its header and size, without the key. */
function checkSealed(sealed: Buffer, keyId: string, info: CentralLoginInfo): Checked {
  if (plainSizeOf(sealed.length) === null) return { ok: false, reason: '已损坏' };
  const c = checkBlobHeader(sealed.subarray(0, HEADER_BYTES), keyId, bindingOf(info));
  if (c.kind === 'sealed') return { ok: true, header: c.header };
  if (c.kind === 'foreign-key') return { ok: false, reason: '由另一把缓存密钥加密（来自另一台电脑或另一个数据目录）' };
  if (c.kind === 'other-blob') return { ok: false, reason: '与文件中的服务器地址或用户不符（文件被改动）' };
  return { ok: false, reason: '已损坏' };
}

function openToken(sealed: Buffer, key: CacheKey, info: CentralLoginInfo): string {
  const c = checkSealed(sealed, key.keyId, info);
  if (!c.ok) throw new CentralLoginUnusableError(c.reason);
  try {
    return openChunk(key.blobKey(), c.header, 0, true, sealed.subarray(HEADER_BYTES)).toString('utf8');
  } catch (err) {
    if (err instanceof BlobTamperedError) throw new CentralLoginUnusableError('已损坏（解密校验失败）');
    throw err;
  }
}

/** The key id keyring.json names (readable while locked); null when there is none to compare with. */
function keyringKeyId(dataDir: string): string | null {
  try {
    return readKeyring(dataDir)?.keyId ?? null;
  } catch {
    return null;
  }
}

/**
 * Why the saved login cannot be used (zh-CN), or null. Without the key (locked) only what the file
 * and keyring.json tell: another key, an edited address; with it, also a token that fails to open.
 */
function problemOf(f: SavedFile, dataDir: string, key: CacheKey | undefined): string | null {
  if (!f.sealed) return null;
  const live = key && !key.wiped ? key : undefined;
  if (live) {
    try {
      openToken(f.sealed, live, f.info);
      return null;
    } catch (err) {
      if (err instanceof CentralLoginUnusableError) return err.message;
      throw err;
    }
  }
  const keyId = keyringKeyId(dataDir);
  const c = keyId === null ? null : checkSealed(f.sealed, keyId, f.info);
  return c && !c.ok ? new CentralLoginUnusableError(c.reason).message : null;
}

/**
 * Logged in? The server and user of the saved login — no token. Works while locked and without the
 * key; given the unlocked key, a token that does not open counts as not logged in as well.
 */
export function readCentralLogin(dataDir: string, key?: CacheKey): CentralLoginInfo | null {
  const f = readSaved(dataDir);
  return f && problemOf(f, dataDir, key) === null ? f.info : null;
}

/** Why a saved login counts as not logged in (zh-CN, saying 请重新登录中心系统); null: none saved, or usable. */
export function centralLoginProblem(dataDir: string, key?: CacheKey): string | null {
  const f = readSaved(dataDir);
  return f ? problemOf(f, dataDir, key) : null;
}

/**
 * The saved login with its token, opened with the unlocked key; null when not logged in. A token
 * that does not open throws CentralLoginUnusableError; one saved in the clear is sealed now.
 */
export function openCentralLogin(dataDir: string, key: CacheKey): CentralLogin | null {
  const f = readSaved(dataDir);
  if (!f) return null;
  if (f.clear !== undefined) {
    sealCentralLogin(dataDir, key);
    return { ...f.info, token: f.clear };
  }
  return { ...f.info, token: openToken(f.sealed!, key, f.info) };
}

/** Writes the login with its token sealed under `key` (durably: temp file + rename; owner-only). */
export function writeSealedLogin(dataDir: string, fields: Record<string, unknown> & { server: string; user?: string }, token: string, key: CacheKey): string {
  mkdirSync(dataDir, { recursive: true });
  const rest = Object.fromEntries(Object.entries(fields).filter(([k]) => k !== 'token' && k !== 'tokenSealed'));
  const info: CentralLoginInfo = { server: fields.server, ...(typeof fields.user === 'string' ? { user: fields.user } : {}) };
  const p = centralLoginPath(dataDir);
  writeFileDurable(p, `${JSON.stringify({ ...rest, tokenSealed: sealToken(key, info, token) }, null, 2)}\n`, 0o600);
  return p;
}

/**
 * A login saved before tokens were sealed gets its token sealed (and the clear one dropped from the
 * file) — at every unlock, so an upgraded workstation is protected without a new login. True when
 * it sealed one. Never throws: an unwritable folder must not keep the workstation from opening.
 */
export function sealCentralLogin(dataDir: string, key: CacheKey): boolean {
  const old = `${centralLoginPath(dataDir)}.clear`;
  try {
    wipeFile(old); // left by a crash between the swap and the wipe below
    const f = readSaved(dataDir);
    if (!f || f.clear === undefined) return false;
    // The clear file's blocks are overwritten once the sealed one is in place (best effort, as for
    // the store's migration): a second name keeps the old inode reachable across the atomic rename.
    let linked = true;
    try {
      linkSync(centralLoginPath(dataDir), old);
    } catch {
      linked = false;
    }
    try {
      writeSealedLogin(dataDir, { ...f.fields, server: f.info.server }, f.clear, key);
    } catch (err) {
      if (linked) rmSync(old, { force: true }); // still central.json's inode: unlinked, never wiped
      throw err;
    }
    if (linked) wipeFile(old);
    return true;
  } catch {
    return false;
  }
}

/**
 * The key a Workstation on this folder uses when given none (Workstation's own default): the one this
 * process unlocked, else the development key file — never a key for a folder locked by a passphrase
 * or the OS keystore (that throws).
 */
export function folderCacheKey(dataDir: string): CacheKey {
  return rememberedCacheKey(dataDir) ?? devKeySync(dataDir);
}

/**
 * A connect function for SyncEngine: the saved login, opened with the workstation's key, optionally
 * at another address of the same server (`fashen sync --server`, the address spelt differently). The
 * token goes only to the server it was issued by: a typo or a stranger's address must not receive it.
 */
export function connectWithSavedLogin(dataDir: string, key: () => CacheKey, timeouts: Omit<HttpTransportOptions, 'server' | 'token'> = {}) {
  return (override: { server?: string }): SyncTransport | null => {
    let login: CentralLogin | null;
    try {
      login = openCentralLogin(dataDir, key());
    } catch (err) {
      if (err instanceof CentralLoginUnusableError) throw new TransportError('protocol', err.message);
      throw err;
    }
    if (!login) return null;
    const asked = override.server === undefined ? null : normaliseServerUrl(override.server);
    const saved = normaliseServerUrl(login.server);
    if (asked !== null && asked !== saved) {
      throw new TransportError('protocol', `${asked} 不是本机登录的中心系统（${saved}）：登录凭据只发给登录时的服务器，未连接。如中心系统已换地址，请先 fashen login --server <新地址> 重新登录`);
    }
    return new HttpTransport({ ...timeouts, server: login.server, token: login.token });
  };
}

/** The saved login as a transport for key registration (ReviewerKeys): null when not logged in or unusable. */
export function savedLoginTransport(dataDir: string, key: CacheKey | undefined, timeouts: Omit<HttpTransportOptions, 'server' | 'token'> = {}): HttpTransport | null {
  if (!key) return null;
  let login: CentralLogin | null;
  try {
    login = openCentralLogin(dataDir, key);
  } catch (err) {
    // Key registration waits for a new login; the sync run says why.
    if (err instanceof CentralLoginUnusableError) return null;
    throw err;
  }
  return login ? new HttpTransport({ ...timeouts, server: login.server, token: login.token }) : null;
}
