// sync.login / sync.logout through the Api (as the app's login form calls them), against the real
// central server on loopback: bad inputs refused before anything is sent, a wrong password, an
// unreachable server, then a login that saves the device token (never the password) and registers
// the signing key, and a logout that forgets it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workstation } from '../../../src/main/workstation';
import { openCentralLogin } from '../../../src/main/services/sync/login';
import { startCentral, type CentralUnderTest } from '../../helpers/server';
import { tempDir } from '../../helpers/package-builder';
import { caller, err, ok } from '../../helpers/meeting-fixture';
import { FAST_RETRY, TODAY } from './fixtures';

const PASSWORD = 'bob-password';
let central: CentralUnderTest;

beforeAll(async () => {
  central = await startCentral();
  await central.user('bob', 'reviewer', PASSWORD);
}, 120_000);
afterAll(async () => central?.close());

function open(): Workstation {
  return new Workstation({ dataDir: tempDir('login-api-'), today: () => TODAY, sync: { retry: FAST_RETRY, env: {} } });
}

describe('sync.login: bad inputs', () => {
  it('refuses what is not a login, in Chinese, and saves nothing', async () => {
    const ws = open();
    const call = caller(ws);
    try {
      const cases: [unknown, RegExp][] = [
        [{ server: 'ftp://center.example', user: 'bob', password: PASSWORD }, /http:\/\/ 或 https:\/\//],
        [{ server: 'center.example', user: 'bob', password: PASSWORD }, /http:\/\/ 或 https:\/\//],
        [{ server: '', user: 'bob', password: PASSWORD }, /请填写服务器地址/],
        [{ server: central.url, user: '  ', password: PASSWORD }, /请填写用户名/],
        [{ server: central.url, user: 'bob', password: '' }, /请填写密码/],
        [{ server: central.url, user: 'bob', password: 'x'.repeat(201) }, /密码过长/],
        [{ server: central.url, user: 'bob', password: PASSWORD, token: 'x' }, /./],
        [{ server: 'http://user:pw@127.0.0.1:1', user: 'bob', password: PASSWORD }, /不能包含用户名或密码/],
      ];
      for (const [input, message] of cases) {
        const e = await err(call, 'sync.login', input as never);
        expect(e.code, JSON.stringify(input).slice(0, 80)).toBe('invalid_input');
        const said = [e.message, ...(e.details ?? [])].join('；');
        expect(said).toMatch(message);
        expect(said).not.toContain(PASSWORD);
      }
      expect(existsSync(join(ws.dataDir, 'central.json'))).toBe(false);
    } finally {
      ws.close();
    }
  });

  it('a wrong password and an unreachable server are told apart; nothing saved', async () => {
    const ws = open();
    const call = caller(ws);
    try {
      expect(await err(call, 'sync.login', { server: central.url, user: 'bob', password: 'wrong-password' })).toMatchObject({ code: 'forbidden', message: '用户名或密码不正确' });
      const down = await err(call, 'sync.login', { server: 'http://127.0.0.1:9', user: 'bob', password: PASSWORD });
      expect(down.code).toBe('unavailable');
      expect(down.message).toMatch(/^无法连接服务器 http:\/\/127\.0\.0\.1:9/);
      expect(existsSync(join(ws.dataDir, 'central.json'))).toBe(false);
      expect((await ok(call, 'sync.status', {})).login).toBeNull();
    } finally {
      ws.close();
    }
  });
});

describe('sync.login / sync.logout', () => {
  it('logs in (token saved, password not), registers the signing key, and logs out', async () => {
    const ws = open();
    const call = caller(ws);
    try {
      ws.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
      const key = await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, 'reviewer passphrase 1');
      const r = await ok(call, 'sync.login', { server: `${central.url}/`, user: 'bob', password: PASSWORD });
      expect(r.login).toEqual({ server: central.url, user: 'bob' });
      expect(r.notices.join('\n')).toMatch(/已登记到中心系统/);
      const saved = readFileSync(join(ws.dataDir, 'central.json'), 'utf8');
      expect(saved).not.toContain(PASSWORD);
      expect(JSON.parse(saved)).toMatchObject({ server: central.url, user: 'bob', role: 'reviewer' });
      expect((await ok(call, 'sync.status', {})).login).toEqual({ server: central.url, user: 'bob' });
      expect(ws.opinions.keys.view().active).toMatchObject({ keyId: key.active!.keyId, registration: { state: 'enrolled' } });
      // The token works: one sync runs.
      expect((await ok(call, 'sync.run', {})).outcome).toBe('synced');

      // Sealed with the cache key: opened through the workstation, absent from the file's bytes.
      const token = openCentralLogin(ws.dataDir, ws.cacheKey)!.token;
      expect(saved).not.toContain(token);
      expect(JSON.parse(saved)).not.toHaveProperty('token');
      expect(await ok(call, 'sync.logout', {})).toEqual({ loggedOut: true });
      expect((await ok(call, 'sync.status', {})).login).toBeNull();
      // The device session ended on the server too.
      expect((await fetch(`${central.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      expect((await ok(call, 'sync.run', {})).line).toMatch(/尚未登录/);
    } finally {
      ws.close();
    }
  }, 60_000);

  it('learns the central system’s bundle key at login even with no signing key yet (a county that never connects again checks its bundles with it)', async () => {
    const ws = open();
    try {
      expect(ws.opinions.keys.centralBundleSigner()).toBeNull();
      const r = await ok(caller(ws), 'sync.login', { server: central.url, user: 'bob', password: PASSWORD });
      expect(r.notices).toEqual([]);
      const config = (await (await fetch(`${central.url}/v1/config`, { headers: { authorization: `Bearer ${openCentralLogin(ws.dataDir, ws.cacheKey)!.token}` } })).json()) as { bundleSigner: unknown };
      expect(ws.opinions.keys.centralBundleSigner()).toEqual(config.bundleSigner);
    } finally {
      ws.close();
    }
  });
});
