// 设置 › 缓存口令: a new passphrase while unlocked — the current one proves it, a wrong one changes
// nothing; afterwards only the new one unlocks and the store reads as before. A store on the
// development key file gets its first passphrase without one. Every change is in the audit chain.
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { startShellSession } from '../../../src/main/shell-session';
import { createKeyring, readKeyring } from '../../../src/main/services/cache-crypto/keyring';
import type { WorkstationSession } from '../../../src/main/services/lock/session';
import { Workstation } from '../../../src/main/workstation';
import { buildPackage, tempDir } from '../../helpers/package-builder';

const TODAY = () => '2026-11-23';
const OLD = '原来的缓存口令 2026';
const NEW = '新的缓存口令 2027';

let session: WorkstationSession | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});
const call = (name: string, input: unknown = {}) => dispatch(session!.handlers, name, input);

async function store(passphrase?: string): Promise<string> {
  const dir = tempDir('pass-');
  const key = await createKeyring(dir, passphrase ? { kind: 'passphrase', passphrase } : { kind: 'unprotected-dev' });
  const ws = new Workstation({ dataDir: dir, today: TODAY, cacheKey: key });
  expect((await ws.importer.importMany([(await buildPackage(tempDir())).dir]))[0]!.ok).toBe(true);
  ws.close();
  return dir;
}

describe('changing the cache passphrase', () => {
  it('needs the current one; then only the new one unlocks, and the store is as it was', async () => {
    const dir = await store(OLD);
    session = await startShellSession({ shell: 'host', workstation: { dataDir: dir, today: TODAY }, keys: { passphrase: OLD, allowDevKey: true } });
    const before = JSON.stringify(readKeyring(dir));
    expect(await call('app.changePassphrase', { current: '不是这个口令口令', next: NEW })).toMatchObject({ ok: false, error: { code: 'forbidden', message: '当前缓存口令不正确，口令未更改' } });
    expect(await call('app.changePassphrase', { next: NEW })).toMatchObject({ ok: false, error: { message: '请输入当前缓存口令' } });
    expect(await call('app.changePassphrase', { current: OLD, next: '太短' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(readKeyring(dir))).toBe(before);

    expect(await call('app.changePassphrase', { current: OLD, next: NEW })).toMatchObject({ ok: true, value: { locked: false, unlockWith: 'passphrase' } });
    expect((await call('cases.list')) as { ok: boolean; value: unknown[] }).toMatchObject({ ok: true, value: [expect.anything()] });
    await call('app.lock');
    expect(await call('app.unlock', { passphrase: OLD })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('app.unlock', { passphrase: NEW })).toMatchObject({ ok: true, value: { locked: false } });
    expect((await call('cases.list')) as { ok: boolean; value: unknown[] }).toMatchObject({ ok: true, value: [expect.anything()] });

    const trail = session.current()!.audit.log.list().filter((e) => e.action === 'app.passphrase');
    expect(trail.map((e) => e.detail.outcome ?? 'ok')).toEqual(['failed', 'failed', 'failed', 'ok']);
    expect(JSON.stringify(trail)).not.toContain(OLD);
    expect(JSON.stringify(trail)).not.toContain(NEW);

    // Started again with the old passphrase still in the environment: locked (not a failed start),
    // the page takes the new one, and the refused start is in the audit chain.
    await session.close();
    session = await startShellSession({ shell: 'host', workstation: { dataDir: dir, today: TODAY }, keys: { passphrase: OLD, allowDevKey: true } });
    expect(session.state()).toMatchObject({ locked: true, unlockWith: 'passphrase' });
    expect(await call('app.unlock', { passphrase: NEW })).toMatchObject({ ok: true });
    const refused = session.current()!.audit.log.list().filter((e) => e.action === 'app.unlock' && e.detail.outcome === 'failed');
    expect(refused.at(-1)!.detail).toMatchObject({ code: 'wrong-passphrase', recordedLater: true, reason: expect.stringContaining('启动时提供的缓存口令不正确') });
  });

  it('a store on the development key file gets its first passphrase without one', async () => {
    const dir = await store();
    session = await startShellSession({ shell: 'host', workstation: { dataDir: dir, today: TODAY }, keys: { allowDevKey: true } });
    expect(session.state()).toMatchObject({ locked: false, unlockWith: 'key-file' });
    expect(await call('app.changePassphrase', { next: NEW })).toMatchObject({ ok: true, value: { unlockWith: 'passphrase' } });
    expect(readKeyring(dir)).toMatchObject({ protection: 'passphrase' });
    await call('app.lock');
    expect(await call('app.unlock', { passphrase: NEW })).toMatchObject({ ok: true });
  });
});
