// `fashen central` as an admin reads it: users with their 姓名 (user list), cases and submissions
// naming reviewers by 姓名 and opinions by 文号 and version; a 姓名 the opinion cannot print and a
// short new password refused in the command line's terms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralCommand, type CentralOptions } from '../../../src/cli/commands/central';
import type { CaseSummary, SubmissionSummary, UserSummary } from '../../../src/server/protocol';
import { tempDir } from '../../helpers/package-builder';
import { startCentral, type CentralUnderTest } from '../../helpers/server';
import { enrol, signedOpinion } from '../../helpers/server-fixtures';
import { assign, importCase, type CaseUnderTest } from './suites/env';

let c: CentralUnderTest;
let kase: CaseUnderTest;
let documentNumber: string;

beforeAll(async () => {
  c = await startCentral();
  expect((await c.admin.post('/v1/admin/users', { name: 'zhang', role: 'reviewer', password: 'password-zhang', displayName: '张明' })).status).toBe(201);
  const zhang = await c.login('zhang', 'password-zhang');
  await c.login('zhang', 'password-zhang'); // a second laptop
  const signer = await enrol(zhang, '张明');
  kase = await importCase(c.admin);
  await assign(c.admin, kase.caseId, 'zhang');
  const sub = await signedOpinion(signer, kase, '张明');
  documentNumber = (sub.payload as { documentNumber: string }).documentNumber;
  const r = await zhang.post('/v1/submissions', sub);
  expect(r.json.status, r.body.toString()).toBe('accepted');
}, 120_000);
afterAll(async () => c?.close());

/** One `fashen central …` run as the admin (--user/--password-env), in this process. */
async function run(args: string[], opts: CentralOptions = {}, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) };
  const admin = { server: c.url, user: 'admin', 'password-env': 'ADMIN_PW' };
  const code = await centralCommand(args, { ...admin, ...opts }, io as never, { FASHEN_HOME: tempDir('admin-cli-home-'), ADMIN_PW: 'admin-password', ...env });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('fashen central user list', () => {
  it('lists every account with its 姓名, role, creation time and logins and certificates in use', async () => {
    const json = await run(['user', 'list'], { json: true });
    expect(json.code, json.stderr).toBe(0);
    const users = JSON.parse(json.stdout) as UserSummary[];
    expect(users.map((u) => u.name)).toEqual(['admin', 'zhang']);
    expect(users[1]).toEqual({ name: 'zhang', displayName: '张明', role: 'reviewer', disabled: false, createdAt: expect.any(String), devices: 2, certificates: 1 });
    expect(users[0]).toMatchObject({ name: 'admin', displayName: null, role: 'admin', certificates: 0 });

    const plain = await run(['user', 'list']);
    expect(plain.code, plain.stderr).toBe(0);
    const lines = plain.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^用户名\s+姓名\s+角色\s+创建时间\s+登录设备\s+签名证书\s+状态$/);
    expect(lines.find((l) => l.startsWith('zhang'))).toMatch(/^zhang\s+张明\s+审核员\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+2\s+1\s+正常$/);
    expect(lines.find((l) => l.startsWith('admin'))).toMatch(/^admin\s+（未设置）\s+管理员/);
  });
});

describe('fashen central cases and submissions', () => {
  it('cases name the reviewer by 姓名 (the account beside it); the JSON keeps assignedTo and adds the 姓名', async () => {
    const json = await run(['cases'], { json: true });
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining<Partial<CaseSummary>>({ id: kase.caseId, assignedTo: 'zhang', assignedToDisplayName: '张明' })]);
    const plain = await run(['cases']);
    expect(plain.stdout).toMatch(new RegExp(`${kase.caseNumber}\\s+${kase.revision}\\s+张明（zhang）\\s+${kase.caseId}`));
  });

  it('submissions show an opinion’s 文号 and version and the reviewer’s 姓名; the old JSON fields stay', async () => {
    const json = await run(['submissions'], { json: true });
    expect(json.code, json.stderr).toBe(0);
    const [s] = JSON.parse(json.stdout) as SubmissionSummary[];
    expect(s).toEqual({
      id: expect.any(String),
      user: 'zhang',
      kind: 'opinion',
      caseId: kase.caseId,
      caseNumber: kase.caseNumber,
      revision: kase.revision,
      caseRevisionHash: kase.revisionHash,
      status: 'accepted',
      reason: null,
      receivedAt: expect.any(String),
      userDisplayName: '张明',
      documentNumber,
      opinionRound: 1,
      opinionVersion: 1,
    });
    const plain = await run(['submissions']);
    const [head, row] = plain.stdout.trimEnd().split('\n');
    expect(head).toMatch(/审核员\s+案号\s+修订\s+文号\s+版本\s+原因$/);
    expect(row).toContain(`张明（zhang）`);
    expect(row).toMatch(new RegExp(`${kase.caseNumber}\\s+${kase.revision}\\s+${documentNumber}\\s+第1轮第1版`));
  });
});

describe('checks before anything is sent', () => {
  const offline = { server: 'http://127.0.0.1:9' };

  it('refuses a 姓名 the opinion’s fonts cannot print (an emoji), on the server and in the CLI; a rare character is fine', async () => {
    const set = await c.admin.request('PATCH', '/v1/admin/users/zhang', { json: { displayName: '王强😀' } });
    expect(set.status).toBe(400);
    expect(JSON.stringify(set.json)).toContain('姓名中有意见书字体无法排印的字符：😀');
    const add = await c.admin.post('/v1/admin/users', { name: 'wang', role: 'reviewer', password: 'password-wang', displayName: '王强😀' });
    expect(add.status).toBe(400);
    // CJK Extension B (𠮷) is printed by the fallback face: a real name may need it.
    expect((await c.admin.request('PATCH', '/v1/admin/users/zhang', { json: { displayName: '𠮷明' } })).status).toBe(200);
    expect((await c.admin.request('PATCH', '/v1/admin/users/zhang', { json: { displayName: '张明' } })).status).toBe(200);

    const cli = await run(['user', 'set', 'zhang'], { ...offline, 'display-name': '王强😀' });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('--display-name：姓名中有意见书字体无法排印的字符：😀，请删除或改用文字');
  });

  it('a short new password is named by its environment variable, before the request', async () => {
    const r = await run(['user', 'add', 'li'], { ...offline, user: undefined, role: 'reviewer', 'password-env': 'LI_PW' }, { LI_PW: 'short' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('环境变量 LI_PW 中的密码至少 8 个字符\n');
  });
});
