// writeFileDurable (cache-crypto/durable.ts): the one atomic writer behind the key ring, the saved
// central login, the dev TSA's key, the lock settings and the update id. The file it leaves has the
// mode asked for, a stale temporary cannot widen it, and a failed write keeps the old content.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurable } from '../../../src/main/services/cache-crypto/durable';
import { writeCentralLogin } from '../../../src/main/services/sync/central-login';
import { openCentralLogin } from '../../../src/main/services/sync/login';
import { CacheKey } from '../../../src/main/services/cache-crypto/cache-key';
import { installId } from '../../../src/main/services/update/rollout';
import { tempDir } from '../../helpers/package-builder';

const posix = process.platform !== 'win32';
const modeOf = (p: string) => statSync(p).mode & 0o777;

describe('writeFileDurable', () => {
  it('writes new content in place of the old, owner-only by default, with no temporary left', () => {
    const dir = tempDir();
    const p = join(dir, 'secret.json');
    writeFileDurable(p, 'old');
    writeFileDurable(p, Buffer.from('new'));
    expect(readFileSync(p, 'utf8')).toBe('new');
    if (posix) expect(modeOf(p)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['secret.json']);
  });

  it('honours another mode (never more than asked: the umask may only narrow it)', () => {
    const p = join(tempDir(), 'settings.json');
    writeFileDurable(p, '{}', 0o644);
    if (posix) expect(modeOf(p) & ~0o644).toBe(0);
  });

  it('ignores a world-readable temporary left by a crashed process with the same pid', () => {
    const dir = tempDir();
    const p = join(dir, 'token.json');
    writeFileSync(`${p}.${process.pid}.tmp`, 'stale leftover', { mode: 0o666 });
    writeFileDurable(p, 'fresh');
    expect(readFileSync(p, 'utf8')).toBe('fresh');
    if (posix) expect(modeOf(p)).toBe(0o600);
    expect(existsSync(`${p}.${process.pid}.tmp`)).toBe(false);
  });

  it('a write that cannot happen keeps the old file and leaves no temporary', () => {
    const dir = tempDir();
    const p = join(dir, 'keep.json');
    writeFileDurable(p, 'kept');
    // The target is a folder now: the rename fails after the temporary was written.
    const folder = join(dir, 'folder');
    mkdirSync(join(folder, 'inside'), { recursive: true });
    expect(() => writeFileDurable(folder, 'x')).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['folder', 'keep.json']);
    // A missing parent folder: refused, nothing created.
    expect(() => writeFileDurable(join(dir, 'absent', 'f.json'), 'x')).toThrow(/ENOENT/);
    expect(readFileSync(p, 'utf8')).toBe('kept');
  });
});

describe('callers that now write through it', () => {
  it('writeCentralLogin: the token file is owner-only and replaced whole', () => {
    const home = join(tempDir(), 'home');
    const { key } = CacheKey.generate('unprotected-dev');
    const login = { server: 'https://central.example', user: 'alice', role: 'reviewer', deviceId: 'd1', token: 'token-one', savedAt: '2026-01-01T00:00:00.000Z' };
    const p = writeCentralLogin(home, login, key);
    writeCentralLogin(home, { ...login, token: 'token-two' }, key);
    expect(openCentralLogin(home, key)).toMatchObject({ token: 'token-two' });
    if (posix) expect(modeOf(p)).toBe(0o600);
    expect(readdirSync(home)).toEqual(['central.json']);
  });

  it('installId: created once, kept after, replaced when unreadable', () => {
    const dir = tempDir();
    const id = installId(dir);
    expect(installId(dir)).toBe(id);
    writeFileSync(join(dir, 'update-id'), 'not a uuid');
    const next = installId(dir);
    expect(next).not.toBe(id);
    expect(readFileSync(join(dir, 'update-id'), 'utf8')).toBe(next);
    expect(readdirSync(dir)).toEqual(['update-id']);
  });
});
