// The CLI and the cache key: a new store gets the development key file with one warning (when it
// is made); a passphrase-protected store needs FASHEN_CACHE_PASSPHRASE (no terminal here) and says
// so in zh-CN with exit code 2; a wrong passphrase is refused, nothing changed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../../../scripts/build-node.mjs';
import { buildPackage, tempDir } from '../../helpers/package-builder';

function fashen(home: string, args: string[], passphrase?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, FASHEN_HOME: home };
  delete env.FASHEN_CACHE_PASSPHRASE;
  if (passphrase !== undefined) env.FASHEN_CACHE_PASSPHRASE = passphrase;
  const r = spawnSync(process.execPath, [join(process.cwd(), ENTRIES.cli.out), ...args], { env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('fashen and the encrypted cache', () => {
  it('a new store: the development key file, warned about once', async () => {
    const home = tempDir('cli-cache-');
    const pkg = await buildPackage(tempDir());
    const imp = fashen(home, ['import', pkg.dir]);
    expect(imp.code).toBe(0);
    expect(imp.stderr).toContain('未加密保护的开发密钥文件');
    const list = fashen(home, ['cases', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(list.stderr).toBe('');
    expect(JSON.parse(list.stdout)).toHaveLength(1);
    // Commands that never open the store make no key.
    const cal = tempDir('cli-cache-');
    expect(fashen(cal, ['calendar', 'is-working-day', '2026-10-08']).code).toBe(0);
    expect(() => readFileSync(join(cal, 'keyring.json'))).toThrow();
  });

  it('a passphrase-protected store: the passphrase from the environment, or a clear refusal', async () => {
    const home = tempDir('cli-cache-');
    const pkg = await buildPackage(tempDir());
    expect(fashen(home, ['import', pkg.dir], '命令行用的缓存口令').code).toBe(0);
    expect(JSON.parse(readFileSync(join(home, 'keyring.json'), 'utf8'))).toMatchObject({ protection: 'passphrase' });
    const keyring = readFileSync(join(home, 'keyring.json'));

    const none = fashen(home, ['cases', 'list']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('本机缓存已用口令加密：请设置环境变量 FASHEN_CACHE_PASSPHRASE');
    const wrong = fashen(home, ['cases', 'list'], '不是这个口令口令');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('缓存口令不正确');
    expect(readFileSync(join(home, 'keyring.json')).equals(keyring)).toBe(true);
    const ok = fashen(home, ['cases', 'list', '--json'], '命令行用的缓存口令');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(1);
    // The wrong attempt is in the audit chain (without the passphrase), as the lock screen's are.
    const audit = fashen(home, ['audit', 'list', '--json'], '命令行用的缓存口令');
    const unlocks = (JSON.parse(audit.stdout) as { action: string; label: string; detail: Record<string, unknown> }[]).filter((e) => e.action === 'app.unlock');
    expect(unlocks).toEqual([expect.objectContaining({ label: '解锁工作台（未成功）', detail: expect.objectContaining({ code: 'wrong-passphrase', via: 'cli', recordedLater: true }) })]);
    expect(audit.stdout).not.toContain('不是这个口令');
  });
  it('passphrases the lock screen or the sign dialog could not take are refused when they are made', () => {
    const home = tempDir('cli-cache-');
    const long = fashen(home, ['cases', 'list'], '审'.repeat(1025));
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('缓存口令最多 1024 个字符');
    expect(() => readFileSync(join(home, 'keyring.json'))).toThrow();
    expect(fashen(home, ['cases', 'list'], '        ').stderr).toContain('缓存口令不能全为空格');
    // A signing key passphrase: 200 characters at most (what the sign dialog takes), not blanks only.
    const keys = (pass: string) => spawnSync(process.execPath, [join(process.cwd(), ENTRIES.cli.out), 'keys', 'create', '--name', '王审核', '--passphrase-env', 'KP'], { env: { ...process.env, FASHEN_HOME: home, KP: pass, FASHEN_CACHE_PASSPHRASE: '' }, encoding: 'utf8' });
    const tooLong = keys('签'.repeat(201));
    expect(tooLong.status).toBe(2);
    expect(tooLong.stderr).toContain('口令最多 200 个字符');
    expect(keys(' '.repeat(8)).stderr).toContain('口令不能全为空格');
    expect(keys('签'.repeat(200)).status).toBe(0);
  });
});
