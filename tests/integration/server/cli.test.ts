// `npm run central` (the real process: bootstrap, PGlite in the data folder, graceful shutdown,
// restart) driven by the built `fashen login` / `fashen central …` commands.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode, ENTRIES } from '../../../scripts/build-node.mjs';
import { buildPackage, tempDir, type BuiltPackage } from '../../helpers/package-builder';
import { zipPackage } from '../../helpers/server-fixtures';
import { listZipEntries, openZipFile } from '../../../src/main/services/zip-read';
import { SealedFile } from '../../../src/main/services/bundle-envelope/open';
import { openSealedZip } from '../../../src/main/services/bundle-envelope/sealed-zip';
import { testCalendar } from '../../helpers/test-calendar';

const ADMIN_PW = 'admin-secret-pw';
/** The passphrase the admin tells the reviewer by phone. */
const BUNDLE_PASS = '青山-打印机-四十七';
let data: string;
let home: string;
let server: { proc: ChildProcess; url: string; log: string[] } | null = null;
let pkgA: BuiltPackage;
let zipB: string;

function central(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['scripts/central.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function fashen(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [ENTRIES.cli.out, ...args], { encoding: 'utf8', env: { ...process.env, FASHEN_HOME: home, FASHEN_CENTRAL_URL: '', ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function startServer(): Promise<{ proc: ChildProcess; url: string; log: string[] }> {
  const proc = spawn(process.execPath, ['scripts/central.mjs', '--data', data, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'info' } });
  const log: string[] = [];
  const url = await new Promise<string>((res, rej) => {
    let buf = '';
    let listening = '';
    const timer = setTimeout(() => rej(new Error(`server did not start:\n${log.join('\n')}`)), 30_000);
    proc.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const line of lines) {
        log.push(line);
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (m) listening = m[1]!;
        if (line.includes('central server ready')) {
          clearTimeout(timer);
          res(listening);
        }
      }
    });
    proc.stderr!.on('data', (c: Buffer) => log.push(c.toString()));
    proc.once('exit', (code) => rej(new Error(`server exited ${code}:\n${log.join('\n')}`)));
  });
  return { proc, url, log };
}

async function stopServer(): Promise<number | null> {
  if (!server) return null;
  const { proc } = server;
  server = null;
  if (proc.exitCode !== null) return proc.exitCode;
  const exited = new Promise<number | null>((res) => proc.once('exit', (code) => res(code)));
  proc.kill('SIGTERM');
  return exited;
}

beforeAll(async () => {
  await buildNode(['cli']); // scripts/central.mjs builds the server itself on first run
  data = tempDir('central-data-');
  home = tempDir('central-home-');
  pkgA = await buildPackage(tempDir());
  zipB = join(tempDir(), 'b.zip');
  writeFileSync(zipB, await zipPackage(await buildPackage(tempDir())));
}, 120_000);

afterAll(async () => {
  await stopServer();
});

describe('npm run central and fashen central', () => {
  it('bootstraps the first admin: refuses an empty password, is idempotent', () => {
    const empty = central(['--data', data, '--init-admin', 'admin', '--password-env', 'NO_SUCH_VAR']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/为空：拒绝创建没有密码的管理员/);
    const first = central(['--data', data, '--init-admin', 'admin', '--password-env', 'ADMIN_PW'], { ADMIN_PW });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/"admin created"/);
    const again = central(['--data', data, '--init-admin', 'admin', '--password-env', 'ADMIN_PW'], { ADMIN_PW: 'another-password' });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/admin already exists; unchanged/);
    expect(central(['--data', data]).code).toBe(2);
  });

  it('serves; fashen login saves a 0600 token; admin commands run through it', async () => {
    server = await startServer();
    const { url } = server;
    const login = fashen(['login', '--server', url, '--user', 'admin', '--password-env', 'ADMIN_PW'], { ADMIN_PW });
    expect(login.code, login.stderr).toBe(0);
    const saved = join(home, 'central.json');
    expect(statSync(saved).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({ server: url, user: 'admin', role: 'admin', tokenSealed: expect.any(String) });
    // The token itself is sealed with the cache key, never in the clear (lost laptop).
    expect(readFileSync(saved, 'utf8')).not.toMatch(/"token"/);

    expect(fashen(['central', 'user', 'add', 'alice', '--role', 'reviewer', '--password-env', 'ALICE_PW'], { ALICE_PW: 'alice-password' }).code).toBe(0);
    const dup = fashen(['central', 'user', 'add', 'alice', '--role', 'reviewer', '--password-env', 'ALICE_PW'], { ALICE_PW: 'alice-password' });
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/已存在/);

    const imp = fashen(['central', 'import', pkgA.dir, zipB, join(data, 'missing.zip'), '--json']);
    expect(imp.code).toBe(1);
    const outcomes = JSON.parse(imp.stdout) as { ok: boolean; action?: string; error?: string }[];
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, false]);
    expect(outcomes[0]!.action).toBe('imported');
    expect(outcomes[2]!.error).toMatch(/找不到案卷包/);
    expect(fashen(['central', 'import', pkgA.dir]).stdout).toMatch(/未变化/);

    const cases = JSON.parse(fashen(['central', 'cases', '--json']).stdout) as { id: string; assignedTo: string | null }[];
    expect(cases).toHaveLength(2);
    // By its 案号, as `central cases` lists it (the id works as well).
    const assign = fashen(['central', 'assign', pkgA.manifest.case.caseNumber, 'alice']);
    expect(assign.code, assign.stderr).toBe(0);
    expect(fashen(['central', 'assign', pkgA.manifest.case.id, 'alice']).code).toBe(0);
    const unknown = fashen(['central', 'assign', '测市监处罚〔2026〕0号', 'alice']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/没有案件 测市监处罚〔2026〕0号（请用 fashen central cases 列出的案号或案件 ID）/);
    const table = fashen(['central', 'cases']);
    expect(table.stdout).toMatch(new RegExp(`${pkgA.manifest.case.caseNumber}.*alice`));
    expect(JSON.parse(fashen(['central', 'submissions', '--json']).stdout)).toEqual([]);
  });

  it('authenticates with --user and --password-env without a saved login, and refuses non-admins', () => {
    const url = server!.url;
    const otherHome = tempDir('central-home2-');
    const r = fashen(['central', 'cases', '--json', '--server', url, '--user', 'admin', '--password-env', 'ADMIN_PW'], { ADMIN_PW, FASHEN_HOME: otherHome });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
    const alice = fashen(['central', 'cases', '--server', url, '--user', 'alice', '--password-env', 'ALICE_PW'], { ALICE_PW: 'alice-password', FASHEN_HOME: otherHome });
    expect(alice.code).toBe(1);
    expect(alice.stderr).toMatch(/需要管理员权限/);
    const wrong = fashen(['central', 'cases', '--server', url, '--user', 'admin', '--password-env', 'ADMIN_PW'], { ADMIN_PW: 'wrong-password', FASHEN_HOME: otherHome });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/用户名或密码不正确/);
    const noServer = fashen(['central', 'cases'], { FASHEN_HOME: otherHome });
    expect(noServer.code).toBe(2);
    expect(noServer.stderr).toMatch(/--server/);
    const down = fashen(['central', 'cases', '--server', 'http://127.0.0.1:9', '--user', 'admin', '--password-env', 'ADMIN_PW'], { ADMIN_PW, FASHEN_HOME: otherHome });
    expect(down.code).toBe(1);
    expect(down.stderr).toMatch(/无法连接中心系统/);
  });

  it('publishes the working-day calendar (checked) and serves it and update files from the data folder', async () => {
    const url = server!.url;
    expect((await fetch(`${url}/v1/calendar`)).status).toBe(404);
    const admin = ['--server', url, '--user', 'admin', '--password-env', 'ADMIN_PW'];
    // A schedule with a 调休 working day on a Monday: refused with the reason, before anything is sent.
    const badFile = join(tempDir(), 'bad-calendar.json');
    writeFileSync(badFile, JSON.stringify({ ...testCalendar(), workdays: { '2099-03-02': '春节' } }));
    const bad = fashen(['central', 'calendar', 'set', badFile, ...admin], { ADMIN_PW });
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stderr).toMatch(/工作日历数据无效[\s\S]*调休上班日 2099-03-02 不是周末/);
    expect((await fetch(`${url}/v1/calendar`)).status).toBe(404);
    const calendar = testCalendar();
    const file = join(tempDir(), 'calendar.json');
    writeFileSync(file, JSON.stringify(calendar));
    const set = fashen(['central', 'calendar', 'set', file, ...admin], { ADMIN_PW });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/已发布工作日历：2099 年/);
    const cal = await fetch(`${url}/v1/calendar`);
    expect(cal.status).toBe(200);
    expect(await cal.json()).toEqual(calendar);
    // Next year's notice: added, the year published before stays.
    const next = join(tempDir(), 'calendar-2098.json');
    writeFileSync(next, JSON.stringify(testCalendar(2098, '2098 年测试安排（虚构）')));
    const add = fashen(['central', 'calendar', 'set', next, ...admin], { ADMIN_PW });
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('已发布工作日历：2098 年（2098 年测试安排（虚构））；中心系统现发布 2098、2099 年');
    expect(add.stderr).toBe('');
    const show = fashen(['central', 'calendar', 'show', ...admin], { ADMIN_PW });
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain(`2098 年：节假日 13 天，调休上班日 1 天（2098 年测试安排（虚构））\n  2099 年：节假日 13 天，调休上班日 1 天（${calendar.source}）`);
    // A year the app's own data covers, published from a made-up file: said on stderr, with the way back.
    const year = new Date().getFullYear();
    const wrong = join(tempDir(), 'calendar-wrong.json');
    writeFileSync(wrong, JSON.stringify(testCalendar(year, '误发（虚构）')));
    const mistake = fashen(['central', 'calendar', 'set', wrong, ...admin], { ADMIN_PW });
    expect(mistake.code, mistake.stderr).toBe(0);
    expect(mistake.stderr).toMatch(new RegExp(`注意：${year} 年与程序内置的节假日安排（chinese-days [^）]+）有 \\d+ 天不同[\\s\\S]*fashen central calendar withdraw ${year}`));
    const back = fashen(['central', 'calendar', 'withdraw', String(year), ...admin], { ADMIN_PW });
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toContain(`已撤回 ${year} 年的工作日历；中心系统现发布 2098、2099 年`);
    const again = fashen(['central', 'calendar', 'withdraw', String(year), ...admin], { ADMIN_PW });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`中心系统未发布 ${year} 年的工作日历`);
    expect(fashen(['central', 'calendar', 'withdraw', 'next', ...admin], { ADMIN_PW }).code).toBe(2);
    const json = fashen(['central', 'calendar', 'show', '--json', ...admin], { ADMIN_PW });
    expect(JSON.parse(json.stdout)).toEqual({ years: [2098, 2099], source: `2098 年测试安排（虚构）；${calendar.source}` });
    mkdirSync(join(data, 'updates'), { recursive: true });
    writeFileSync(join(data, 'updates', 'latest.yml'), 'version: 0.2.0\n');
    const upd = await fetch(`${url}/updates/latest.yml`);
    expect(upd.status).toBe(200);
    expect(await upd.text()).toBe('version: 0.2.0\n');
    expect((await fetch(`${url}/updates/nothing.yml`)).status).toBe(404);
  });

  it('writes an offline case bundle for a reviewer (her cases and the calendar) and never overwrites a file', async () => {
    const dir = tempDir('central-bundle-');
    const out = join(dir, 'alice.fashen-cases');
    // Sealed unless --plain: no passphrase and no terminal to type it in is a usage error; a short one too.
    expect(fashen(['central', 'bundle', 'alice', '--out', out])).toMatchObject({ code: 2, stderr: expect.stringMatching(/需要交换包口令：请用 --passphrase-env/) });
    expect(fashen(['central', 'bundle', 'alice', '--out', out, '--passphrase-env', 'BPW'], { BPW: '123456789' })).toMatchObject({ code: 2, stderr: expect.stringMatching(/交换包口令至少 10 个字符/) });
    const r = fashen(['central', 'bundle', 'alice', '--out', out, '--json', '--passphrase-env', 'BPW'], { BPW: BUNDLE_PASS });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ path: out, encrypted: true, cases: 1, files: pkgA.manifest.documents.length + pkgA.manifest.evidence.length, bytes: expect.any(Number), calendar: 'included' });
    // Nothing of it readable on the stick: no case id, no file name, no party.
    const raw = readFileSync(out);
    expect(raw.subarray(0, 8).toString('latin1')).toBe('FSHNSEAL');
    for (const plain of [pkgA.manifest.case.id, 'case.json', 'calendar.json', pkgA.manifest.case.caseNumber]) expect(raw.includes(Buffer.from(plain))).toBe(false);
    const zip = await openSealedZip(await SealedFile.open(out, BUNDLE_PASS, 'case-bundle'));
    const names = (await listZipEntries(zip)).map((e) => e.fileName);
    zip.close();
    expect(names).toEqual(expect.arrayContaining([`${pkgA.manifest.case.id}/case.json`, 'calendar.json']));
    expect(names.filter((n) => n.endsWith('/case.json'))).toHaveLength(1);

    // --plain: the old .zip, for a workstation that cannot open sealed bundles yet; said to be plain.
    const text = fashen(['central', 'bundle', 'alice', '--out', join(dir, 'again.zip'), '--plain']);
    expect(text.stdout).toMatch(/已生成案卷交换包 .*again\.zip：审核员 alice 的 1 个案卷/);
    expect(text.stdout).toMatch(/含工作日历/);
    expect(text.stderr).toMatch(/注意：未加密的交换包（--plain）/);
    const plainZip = await openZipFile(join(dir, 'again.zip'));
    expect((await listZipEntries(plainZip)).map((e) => e.fileName)).toEqual(expect.arrayContaining([`${pkgA.manifest.case.id}/case.json`]));
    plainZip.close();
    const exists = fashen(['central', 'bundle', 'alice', '--out', out, '--plain']);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toMatch(/已存在，未覆盖/);
    const unassigned = fashen(['central', 'bundle', 'alice', 'no-such-case', '--out', join(dir, 'x.zip'), '--plain']);
    expect(unassigned.code).toBe(1);
    expect(unassigned.stderr).toMatch(/未分配给 alice[\s\S]*- no-such-case/);
    expect(fashen(['central', 'bundle', 'nobody', '--out', join(dir, 'y.zip'), '--plain']).stderr).toMatch(/没有用户 nobody/);
    expect(fashen(['central', 'bundle']).code).toBe(2);
    // A stick not mounted: refused, never made on the local disk under the mount point.
    const unmounted = fashen(['central', 'bundle', 'alice', '--out', join(dir, 'no-stick', 'alice.zip'), '--plain']);
    expect(unmounted.code).toBe(1);
    expect(unmounted.stderr).toMatch(/文件夹不存在：.*no-stick（U 盘是否已插好？）/);
    // A blob gone from the server's folder: the answer is cut off, the command says so and keeps nothing.
    const sha = pkgA.manifest.evidence[0]!.file.sha256;
    const blob = join(data, 'blobs', sha.slice(0, 2), sha.slice(2));
    renameSync(blob, `${blob}.away`);
    try {
      // Sealed on the way: the cut download leaves no sealed half either.
      const cut = fashen(['central', 'bundle', 'alice', '--out', join(dir, 'cut.fashen-cases'), '--passphrase-env', 'BPW'], { BPW: BUNDLE_PASS });
      expect(cut.code).toBe(1);
      expect(cut.stderr).toMatch(/下载中断/);
    } finally {
      renameSync(`${blob}.away`, blob);
    }
    // Nothing but the two whole bundles is left (no .part, nothing under the refused names).
    expect(readdirSync(dir).sort()).toEqual(['again.zip', 'alice.fashen-cases']);
  });

  it('a reviewer who logged in once (no signing key yet) checks the central system’s signature on the bundle she is sent', async () => {
    const county = tempDir('county-home-');
    const login = fashen(['login', '--server', server!.url, '--user', 'alice', '--password-env', 'ALICE_PW'], { ALICE_PW: 'alice-password', FASHEN_HOME: county });
    expect(login.code, login.stderr).toBe(0);
    const out = join(tempDir('stick-'), 'alice.fashen-cases');
    expect(fashen(['central', 'bundle', 'alice', '--out', out, '--passphrase-env', 'BPW'], { BPW: BUNDLE_PASS }).code).toBe(0);
    // Without the passphrase (no terminal), or with a wrong one: refused, nothing imported.
    const unasked = fashen(['import', out], { FASHEN_HOME: county });
    expect(unasked.code).toBe(1);
    expect(unasked.stderr).toMatch(/导入失败  .*alice\.fashen-cases\n  此案卷交换包已加密：需要口令/);
    const wrong = fashen(['import', out, '--passphrase-env', 'BPW'], { FASHEN_HOME: county, BPW: '不对的口令-不对的口令' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/口令不正确或文件已损坏，未导入任何内容/);
    expect(fashen(['cases', 'list', '--json'], { FASHEN_HOME: county }).stdout.trim()).toBe('[]');
    const imported = fashen(['import', out, '--passphrase-env', 'BPW'], { FASHEN_HOME: county, BPW: BUNDLE_PASS });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/中心系统签名已核验（为 alice 制作）/);
    expect(imported.stdout).toMatch(new RegExp(`已导入\\s+${pkgA.manifest.case.caseNumber}`));
    expect(imported.stderr).not.toMatch(/未加密/);
    // A plain bundle from an older central system is still taken, and said to be plain.
    const plain = join(tempDir('stick-'), 'alice.zip');
    expect(fashen(['central', 'bundle', 'alice', '--out', plain, '--plain']).code).toBe(0);
    const old = fashen(['import', plain], { FASHEN_HOME: county });
    expect(old.code, old.stderr).toBe(0);
    expect(old.stderr).toMatch(/是未加密的交换包（中心系统旧版本制作，或制作时用了 --plain）/);
  });

  it('shuts down gracefully on SIGTERM and keeps its data across a restart', async () => {
    const log = server!.log;
    expect(await stopServer()).toBe(0);
    expect(log.join('\n')).toMatch(/"stopped"/);
    server = await startServer();
    const r = fashen(['central', 'cases', '--json', '--server', server.url, '--user', 'admin', '--password-env', 'ADMIN_PW'], { ADMIN_PW });
    expect(JSON.parse(r.stdout)).toEqual(expect.arrayContaining([expect.objectContaining({ id: pkgA.manifest.case.id, assignedTo: 'alice' })]));
  });
});
