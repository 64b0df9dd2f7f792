// The cache key file: a passphrase unlocks it, a wrong one is a clear zh-CN error with nothing
// written; the development key file moves under a passphrase without re-encrypting anything; an
// encrypted store whose key file is gone is never given a new key; a store opened with another
// key is refused before anything is written.
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheKeyError } from '../../../src/main/services/cache-crypto/cache-key';
import { createKeyring, devKeySync, readKeyring, unlockKeyring } from '../../../src/main/services/cache-crypto/keyring';
import { openCacheKey } from '../../../src/main/services/cache-crypto/resolve';
import { dataDir } from '../../../src/main/paths';
import { Workstation } from '../../../src/main/workstation';
import { buildPackage, tempDir } from '../../helpers/package-builder';

const TODAY = () => '2026-11-23';

async function expectKeyError(p: Promise<unknown> | (() => unknown), code: CacheKeyError['code'], message: RegExp): Promise<void> {
  const err = await (typeof p === 'function' ? Promise.resolve().then(p) : p).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CacheKeyError);
  expect((err as CacheKeyError).code).toBe(code);
  expect((err as CacheKeyError).message).toMatch(message);
}

describe('cache key file', () => {
  it('a first start on a data folder that does not exist yet makes it (owner-only) with the key', async () => {
    for (const src of [{ allowDevKey: true }, { passphrase: '审核口令 2026' }]) {
      const dir = join(tempDir('keys-new-'), 'not', 'yet');
      const opening = await openCacheKey(dir, src);
      expect(opening).toMatchObject({ state: 'open', created: true });
      expect(readKeyring(dir)).not.toBeNull();
      if (process.platform !== 'win32') expect(statSync(dir).mode & 0o777).toBe(0o700);
    }
  });
  it('an empty XDG_CONFIG_HOME falls back to ~/.config, never a folder relative to where the app started', () => {
    if (process.platform !== 'linux') return;
    expect(dataDir({ XDG_CONFIG_HOME: '' })).toMatch(/^\/.*\/\.config\/fashen$/);
  });
  it('a passphrase wraps the key; a wrong one changes nothing', async () => {
    const dir = tempDir('keys-');
    const key = await createKeyring(dir, { kind: 'passphrase', passphrase: '审核口令 2026' });
    const file = readKeyring(dir)!;
    expect(file).toMatchObject({ protection: 'passphrase', keyId: key.keyId });
    const before = readFileSync(join(dir, 'keyring.json'));
    expect(before.includes(Buffer.from(key.keyId))).toBe(true);

    expect((await unlockKeyring(file, { kind: 'passphrase', passphrase: '审核口令 2026' })).keyId).toBe(key.keyId);
    await expectKeyError(unlockKeyring(file, { kind: 'passphrase', passphrase: '审核口令 2025' }), 'wrong-passphrase', /缓存口令不正确/);
    expect(await openCacheKey(dir, {})).toEqual({ state: 'locked', need: 'passphrase' });
    await expectKeyError(openCacheKey(dir, { passphrase: 'nope-nope', allowDevKey: true }), 'wrong-passphrase', /缓存口令不正确/);
    expect(readFileSync(join(dir, 'keyring.json')).equals(before)).toBe(true);

    await expectKeyError(createKeyring(dir, { kind: 'passphrase', passphrase: '另一个口令口令' }), 'busy', /不会覆盖/);
    await expectKeyError(createKeyring(tempDir('keys-'), { kind: 'passphrase', passphrase: '短口令' }), 'weak-passphrase', /至少 8 个字符/);
    await expectKeyError(() => devKeySync(dir), 'needs-passphrase', /FASHEN_CACHE_PASSPHRASE/);
  });

  it('a damaged key file is said to be damaged', async () => {
    const dir = tempDir('keys-');
    await createKeyring(dir, { kind: 'passphrase', passphrase: '审核口令 2026' });
    const f = JSON.parse(readFileSync(join(dir, 'keyring.json'), 'utf8')) as { wrapped: string };
    const env = JSON.parse(Buffer.from(f.wrapped, 'base64').toString()) as { ciphertext: string };
    env.ciphertext = Buffer.from(env.ciphertext, 'base64').map((b, i) => (i === 3 ? b ^ 1 : b)).toString();
    writeFileSync(join(dir, 'keyring.json'), JSON.stringify({ ...f, wrapped: Buffer.from(JSON.stringify(env)).toString('base64') }));
    await expectKeyError(openCacheKey(dir, { passphrase: '审核口令 2026' }), 'keyring-corrupt', /损坏/);
    writeFileSync(join(dir, 'keyring.json'), '{"format":"fashen-cache-keyring"');
    await expectKeyError(openCacheKey(dir, { passphrase: '审核口令 2026' }), 'keyring-corrupt', /损坏/);
  });

  it('the development key file moves under a passphrase; the store opens as before', async () => {
    const dir = tempDir('keys-');
    const ws = new Workstation({ dataDir: dir, today: TODAY });
    const pkg = await buildPackage(tempDir());
    expect((await ws.importer.importMany([pkg.dir]))[0]!.ok).toBe(true);
    const keyId = ws.cacheKey.keyId;
    expect(ws.cacheKey.protection).toBe('unprotected-dev');
    ws.close();

    const opened = await openCacheKey(dir, { passphrase: '从开发密钥改为口令' });
    expect(opened.state === 'open' && opened.key.keyId).toBe(keyId);
    expect(readKeyring(dir)).toMatchObject({ protection: 'passphrase', keyId });
    expect(readFileSync(join(dir, 'keyring.json'), 'utf8')).not.toMatch(/未加密保护/);
    const again = new Workstation({ dataDir: dir, today: TODAY, cacheKey: (await openCacheKey(dir, { passphrase: '从开发密钥改为口令' }) as { key: Workstation['cacheKey'] }).key });
    try {
      expect(again.cases.count()).toBe(1);
    } finally {
      again.close();
    }
  });

  it('an encrypted store without its key file gets no new key; another key is refused, nothing written', async () => {
    const dir = tempDir('keys-');
    const ws = new Workstation({ dataDir: dir, today: TODAY });
    expect((await ws.importer.importMany([(await buildPackage(tempDir())).dir]))[0]!.ok).toBe(true);
    ws.close();
    const db = readFileSync(join(dir, 'fashen.db'));

    const keyring = readFileSync(join(dir, 'keyring.json'));
    rmSync(join(dir, 'keyring.json'));
    await expectKeyError(openCacheKey(dir, { allowDevKey: true, passphrase: '新的口令新的口令' }), 'keyring-missing', /找不到缓存密钥文件/);
    await expectKeyError(() => new Workstation({ dataDir: dir, today: TODAY }), 'keyring-missing', /keyring\.json/);

    // Another folder's key file in its place: the database does not open with it.
    const other = tempDir('keys-');
    devKeySync(other);
    writeFileSync(join(dir, 'keyring.json'), readFileSync(join(other, 'keyring.json')));
    await expectKeyError(() => new Workstation({ dataDir: dir, today: TODAY }), 'wrong-key', /缓存密钥与本机数据库不符/);
    expect(readFileSync(join(dir, 'fashen.db')).equals(db)).toBe(true);

    writeFileSync(join(dir, 'keyring.json'), keyring);
    const back = new Workstation({ dataDir: dir, today: TODAY });
    expect(back.cases.count()).toBe(1);
    back.close();
  });
});
