// A new cache passphrase, chosen while unlocked: the same key is wrapped anew (nothing in the
// store is re-encrypted). The current passphrase proves the person at the keyboard knows it; a
// store on the development key file gets its first passphrase without one.
import { ApiFailure } from '../../../shared/api/result';
import { CacheKeyError, type CacheKey } from '../cache-crypto/cache-key';
import { readKeyring, rewrapKeyring, type KeyWrapper } from '../cache-crypto/keyring';

export async function changeCachePassphrase(dataDir: string, current: string | undefined, next: string): Promise<{ key: CacheKey; from: 'passphrase' | 'unprotected-dev' }> {
  const file = readKeyring(dataDir);
  if (!file) throw new ApiFailure({ code: 'conflict', message: '尚未生成缓存密钥' });
  if (file.protection === 'os-keystore') throw new ApiFailure({ code: 'conflict', message: '缓存密钥由系统密钥库保护，无需缓存口令' });
  let from: KeyWrapper = { kind: 'unprotected-dev' };
  if (file.protection === 'passphrase') {
    if (!current) throw new ApiFailure({ code: 'invalid_input', message: '请输入当前缓存口令' });
    if (current === next) throw new ApiFailure({ code: 'invalid_input', message: '新口令与当前口令相同' });
    from = { kind: 'passphrase', passphrase: current };
  }
  try {
    return { key: await rewrapKeyring(dataDir, file, from, { kind: 'passphrase', passphrase: next }), from: file.protection };
  } catch (err) {
    if (!(err instanceof CacheKeyError)) throw err;
    if (err.code === 'wrong-passphrase') throw new ApiFailure({ code: 'forbidden', message: '当前缓存口令不正确，口令未更改' });
    throw new ApiFailure({ code: err.code === 'weak-passphrase' ? 'invalid_input' : 'conflict', message: err.message });
  }
}
