// The security state the 设置 screen shows, read from what is on disk — not from configuration — so
// it cannot claim protection that is not there: a database file starting with SQLite's plaintext
// header is readable by anyone holding the disk, and so is a blob whose bytes hash to its own name.
// How the cache key is kept comes from keyring.json; the development key file is 未加密保护.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { startsSealed } from '../services/blob-pack/pack-file';
import type { CacheKeyProtection, LockState, SecurityState } from '../../shared/api/app';
import { parseHeader } from '../services/cache-crypto/blob-format';
import { readHead } from '../services/cache-crypto/blob-io';
import { readKeyring } from '../services/cache-crypto/keyring';
import { blobFiles, blobRoot, dbPath, isPlaintextSqlite } from '../services/cache-crypto/store-state';

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** A blob in the encrypted format for its own name (header checked; no key needed). */
function sealedFor(path: string, sha256: string): boolean {
  try {
    return parseHeader(readHead(path))?.sha256 === sha256;
  } catch {
    return false;
  }
}

function packedFiles(root: string): boolean {
  const dir = join(root, 'packs');
  return existsSync(dir) && readdirSync(dir).some((f) => /^[0-9a-f]{16}\.pack$/.test(f) && startsSealed(join(dir, f)));
}

async function diskState(dataDir: string): Promise<{ encrypted: boolean; detail: string }> {
  const dbPlain = isPlaintextSqlite(dbPath(dataDir));
  let sampled = 0;
  let blobPlain = false;
  for (const b of blobFiles(blobRoot(dataDir))) {
    if (!sealedFor(b.path, b.sha256) && (await sha256OfFile(b.path)) === b.sha256) blobPlain = true;
    if (++sampled >= 8 || blobPlain) break;
  }
  // The sync's batches go into packs of sealed entries (blob-pack/), not files of their own.
  const anyFiles = sampled > 0 || packedFiles(blobRoot(dataDir));
  if (!dbPlain && !blobPlain) return { encrypted: true, detail: anyFiles ? '数据库与文件库均未发现明文' : '数据库未发现明文（文件库为空）' };
  const parts = [dbPlain ? '数据库' : null, blobPlain ? '案卷文件' : null].filter(Boolean).join('和');
  return { encrypted: false, detail: `${parts}以明文保存在本机磁盘上，拿到磁盘即可读取` };
}

function keyDetail(p: CacheKeyProtection | null): string {
  switch (p) {
    case 'os-keystore':
      return '缓存密钥由系统密钥库保护（Windows DPAPI / macOS 钥匙串 / Linux Secret Service）';
    case 'passphrase':
      return '缓存密钥由口令保护（scrypt）：启动和解锁时输入缓存口令';
    case 'unprotected-dev':
      // Said to someone at the screen: the button that fixes it, the variable only for unattended use.
      return '未加密保护：缓存密钥以开发密钥文件保存在数据目录中，拿到数据目录即可解密。在“设置 › 锁定”中点“设置缓存口令…”即改为口令保护（无人值守或命令行使用时，也可设置环境变量 FASHEN_CACHE_PASSPHRASE 后重新启动）';
    case null:
      return '尚未生成缓存密钥';
  }
}

function protectionOf(dataDir: string): CacheKeyProtection | null {
  try {
    return readKeyring(dataDir)?.protection ?? null;
  } catch {
    return null;
  }
}

export async function cacheEncryption(dataDir: string): Promise<SecurityState['cache']> {
  const keyProtection = protectionOf(dataDir);
  return { ...(await diskState(dataDir)), keyProtection, keyDetail: keyDetail(keyProtection) };
}

export function keyStoreState(osProtected: boolean, shell: 'electron' | 'host'): SecurityState['keyStore'] {
  if (osProtected) return { kind: 'os', detail: '签名密钥由系统密钥库保护（Windows DPAPI / macOS 钥匙串 / Linux Secret Service）' };
  return {
    kind: 'passphrase',
    detail: shell === 'host' ? '浏览器版不能使用系统密钥库：签名密钥由口令保护' : '本机没有可用的系统密钥库：签名密钥由口令保护',
  };
}

export async function securityState(dataDir: string, osProtected: boolean, shell: 'electron' | 'host', lock: LockState): Promise<SecurityState> {
  return { cache: await cacheEncryption(dataDir), keyStore: keyStoreState(osProtected, shell), lock };
}
