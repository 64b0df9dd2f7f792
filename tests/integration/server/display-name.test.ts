// A reviewer's real name (姓名) set by the admin: the CN of the certificates the central CA issues
// from then on (the account name stays in the registry); bad names are refused in Chinese, by the
// API and by `fashen central user add|set` before anything is sent.
import { generateKeyPairSync } from 'node:crypto';
import { x509 } from '../../../src/main/services/signing/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCsr } from '../../../src/main/services/signing/csr';
import { centralCommand } from '../../../src/cli/commands/central';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';

let c: CentralUnderTest;
beforeAll(async () => {
  c = await startCentral();
}, 120_000);
afterAll(async () => c?.close());

async function leafCn(client: Client): Promise<{ cn: string; user: string }> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const r = await client.post('/v1/certificates', { request: await createCsr('ed25519', privateKey, { name: '请求中的名字', agency: '测试市市场监督管理局' }) });
  expect(r.status, r.body.toString()).toBe(201);
  const leaf = new x509.X509Certificate(r.json.chainPem.split('-----END CERTIFICATE-----')[0] + '-----END CERTIFICATE-----');
  return { cn: leaf.subjectName.getField('CN')[0]!, user: r.json.user };
}

describe('display names', () => {
  it('issues CN = the display name (set at creation or later), else the account name', async () => {
    const created = await c.admin.post('/v1/admin/users', { name: 'zhang', role: 'reviewer', password: 'password-zhang', displayName: ' 张明 ' });
    expect(created.status, created.body.toString()).toBe(201);
    expect(created.json).toMatchObject({ name: 'zhang', displayName: '张明' });
    expect(await leafCn(await c.login('zhang', 'password-zhang'))).toEqual({ cn: '张明', user: 'zhang' });

    const li = await c.user('li');
    expect((await leafCn(li)).cn).toBe('li');
    const set = await c.admin.request('PATCH', '/v1/admin/users/li', { json: { displayName: '李华' } });
    expect(set.json).toMatchObject({ name: 'li', displayName: '李华' });
    expect(await leafCn(li)).toEqual({ cn: '李华', user: 'li' });
    expect(((await c.admin.get('/v1/admin/users')).json as { name: string; displayName: string | null }[]).find((u) => u.name === 'li')?.displayName).toBe('李华');
  });

  it('refuses an empty or too long name, and an unknown user, in Chinese', async () => {
    const empty = await c.admin.post('/v1/admin/users', { name: 'empty', role: 'reviewer', password: 'password-empty', displayName: '  ' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.json)).toMatch(/姓名不能为空/);
    const long = await c.admin.request('PATCH', '/v1/admin/users/admin', { json: { displayName: '张'.repeat(33) } });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.json)).toMatch(/姓名不能超过 32 个字/);
    expect((await c.admin.request('PATCH', '/v1/admin/users/nobody', { json: { displayName: '无名' } })).status).toBe(404);
  });

  it('fashen central user add|set refuses a bad --display-name before contacting the server', async () => {
    const out: string[] = [];
    const io = { out: (s: string) => void out.push(s), err: (s: string) => void out.push(s) };
    const env = { FASHEN_HOME: c.dataDir + '-cli', FASHEN_CENTRAL_URL: 'http://127.0.0.1:9', PW: 'password-long' };
    expect(await centralCommand(['user', 'set', 'li'], { 'display-name': '' }, io as never, env)).toBe(2);
    expect(await centralCommand(['user', 'add', 'x', '--role'], { role: 'reviewer', 'password-env': 'PW', 'display-name': '名'.repeat(40) }, io as never, env)).toBe(2);
    expect(await centralCommand(['user', 'set', 'li'], {}, io as never, env)).toBe(2);
    expect(out.join('')).toMatch(/--display-name：姓名不能为空[\s\S]*用法/);
  });
});
