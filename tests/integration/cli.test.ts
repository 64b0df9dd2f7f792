// The built `fashen` CLI: import, cases list --json (stdout alone), search, verify-files; exit codes.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, ENTRIES } from '../../scripts/build-node.mjs';
import { buildPackage, tempDir, type BuiltPackage } from '../helpers/package-builder';
import { sealedLocation } from '../helpers/sealed-location';
import { testCalendar } from '../helpers/test-calendar';
import { folderFiles, zipBuffer } from './sync/fixtures';

let home: string;
let a: BuiltPackage;
let b: BuiltPackage;

function fashen(args: string[], input?: string, at: string = home, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [join(process.cwd(), ENTRIES.cli.out), ...args], { env: { ...process.env, FASHEN_HOME: at, ...env }, encoding: 'utf8', input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  await buildNode(['cli']);
  home = tempDir('cli-home-');
  a = await buildPackage(tempDir());
  b = await buildPackage(tempDir());
}, 60_000);

describe('fashen CLI', () => {
  it('prints help and refuses unknown commands with exit 2', () => {
    expect(fashen(['--help']).stdout).toMatch(/fashen import <案卷包…>/);
    const r = fashen(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/未知命令/);
    // --help after a command: that command's own usage (it used to print the overview).
    const central = fashen(['central', '--help']);
    expect(central).toMatchObject({ code: 0, stdout: expect.stringMatching(/fashen central bundle <审核员>/) });
    expect(central.stdout).not.toMatch(/fashen import <案卷包…>/);
    expect(fashen(['sync', '-h'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/fashen sync export-bundle --out/) });
    // The option parser's mistakes in Chinese, naming the option (it printed Node's English).
    expect(fashen(['update', 'sign', 'release', '--key'])).toMatchObject({ code: 2, stderr: '选项 --key 缺少取值或取值无效（fashen --help 查看用法）\n' });
    expect(fashen(['cases', 'list', '--bogus'])).toMatchObject({ code: 2, stderr: '未知选项：--bogus（fashen --help 查看用法）\n' });
  });

  it('imports packages and lists cases as stable JSON on stdout alone', () => {
    const imp = fashen(['import', a.dir, b.dir]);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/已导入/);
    const list = fashen(['cases', 'list', '--json']);
    expect(list.code).toBe(0);
    expect(list.stderr).toBe('');
    const rows = JSON.parse(list.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining(['id', 'caseNumber', 'partyName', 'cause', 'handlingUnit', 'submittedOn', 'reviewDueOn', 'remainingWorkingDays', 'status', 'offline', 'proposedFineFen']),
      );
      expect(r.status).toBe('pending');
    }
    expect(rows.map((r) => r.id).sort()).toEqual([a.manifest.case.id, b.manifest.case.id].sort());
  });

  it('counts review periods from FASHEN_TODAY as the browser host does, and refuses a malformed date', () => {
    const remaining = (today: string) => {
      const r = fashen(['cases', 'list', '--json'], undefined, home, { FASHEN_TODAY: today });
      expect(r).toMatchObject({ code: 0, stderr: '' });
      return (JSON.parse(r.stdout) as { id: string; remainingWorkingDays: number }[]).find((c) => c.id === a.manifest.case.id)!.remainingWorkingDays;
    };
    // Two Mondays of November 2026, no holiday between: five working days apart (before, both were counted from the real clock).
    expect(remaining('2026-11-16') - remaining('2026-11-23')).toBe(5);
    for (const bad of ['2026-02-30', '20261116', 'tomorrow']) {
      expect(fashen(['cases', 'list'], undefined, home, { FASHEN_TODAY: bad })).toMatchObject({ code: 2, stderr: `FASHEN_TODAY 应为 YYYY-MM-DD 格式的日期，如 2026-11-20（收到：${bad}）\n` });
    }
  });

  it('cases list says the remaining review time as the workstation does: 个工作日, 含今日 when today counts', () => {
    const line = (today: string) => {
      const r = fashen(['cases', 'list'], undefined, home, { FASHEN_TODAY: today });
      expect(r).toMatchObject({ code: 0, stderr: '' });
      return r.stdout.split('\n').find((l) => l.startsWith(a.manifest.case.caseNumber))!;
    };
    // 送审 2026-11-16 (Monday): due 2026-11-30.
    expect(line('2026-11-16')).toContain('\t剩余 11 个工作日（含今日）\t');
    expect(line('2026-11-21')).toContain('\t剩余 6 个工作日\t'); // a Saturday: not counted, not claimed
    expect(line('2026-12-02')).toContain('\t超期 2 个工作日\t'); // never a bare 日
  });

  it('the first command on a machine where the app never ran makes the data folder (before: ENOENT on keyring.json)', () => {
    const fresh = join(tempDir(), 'not-yet', 'fashen');
    const r = fashen(['import', a.dir], undefined, fresh);
    expect(r.stderr).not.toMatch(/ENOENT/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^已导入 /);
    expect(existsSync(join(fresh, 'keyring.json'))).toBe(true);
  });

  it('exits 1 when a package fails, with the reason on stderr, importing the good ones', () => {
    const bad = join(tempDir(), 'missing-package');
    const r = fashen(['import', '--json', bad]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; error: string }[];
    expect(out[0]).toMatchObject({ ok: false, error: expect.stringMatching(/找不到案卷包/) });
    const again = fashen(['import', a.dir]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/未变化/);
  });

  it('imports a bundle from the central system (packages and its calendar.json), audited; a bad calendar is refused, exit 1', async () => {
    const [c, d] = [await buildPackage(tempDir()), await buildPackage(tempDir())];
    const bundle = join(tempDir(), 'from-central.zip');
    writeFileSync(bundle, await zipBuffer([...folderFiles(c.dir, 'c/'), ...folderFiles(d.dir, 'd/'), ['calendar.json', Buffer.from(JSON.stringify(testCalendar()))]]));
    const r = fashen(['import', bundle]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/工作日历已更新：2099 年节假日安排/);
    expect(r.stdout.match(/^已导入 /gm)).toHaveLength(2);
    expect(fashen(['calendar', 'is-working-day', '2099-01-01']).stdout.trim()).toBe('false');
    const audit = JSON.parse(fashen(['audit', 'list', '--json']).stdout) as { action: string; detail: Record<string, unknown> }[];
    expect(audit.filter((e) => e.action === 'calendar.update').map((e) => e.detail)).toEqual([{ years: [2099], source: testCalendar().source, origin: 'bundle', via: 'cli' }]);

    const e = await buildPackage(tempDir());
    const bad = join(tempDir(), 'bad-calendar.zip');
    writeFileSync(bad, await zipBuffer([...folderFiles(e.dir, 'e/'), ['calendar.json', Buffer.from(JSON.stringify({ ...testCalendar(), holidays: {} }))]]));
    const refused = fashen(['import', '--json', bad]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject([{ ok: true, action: 'imported', caseId: e.manifest.case.id }]);
    expect(refused.stderr).toMatch(/工作日历未采用[\s\S]*工作日历数据无效/);
    expect(fashen(['calendar', 'is-working-day', '2099-01-01']).stdout.trim()).toBe('false');
  });

  it('searches from the command line with the same results as the app', () => {
    const r = fashen(['search', '--json', a.manifest.case.caseNumber]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout) as { groups: { caseId: string }[] };
    expect(res.groups[0]!.caseId).toBe(a.manifest.case.id);
    const punct = fashen(['search', '？？？']);
    expect(punct.code).toBe(2);
    expect(punct.stderr).toMatch(/只有标点或符号/);
  });

  it('verify-files exits 0 when intact and 1 when anything is 已篡改 or 缺失', () => {
    expect(fashen(['verify-files', a.manifest.case.id]).code).toBe(0);
    // The imported blob's sealed bytes (in a pack since imports pack), one header byte changed.
    const blob = sealedLocation(home, a.manifest.documents[0]!.file.sha256);
    const fd = openSync(blob.path, 'r+');
    const buf = Buffer.alloc(1);
    readSync(fd, buf, 0, 1, blob.offset + 20);
    buf[0] = buf[0]! ^ 0xff;
    writeSync(fd, buf, 0, 1, blob.offset + 20);
    closeSync(fd);
    const r = fashen(['verify-files', '--json', a.manifest.case.caseNumber]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).summary).toEqual({ ok: 1, tampered: 1, missing: 0, unchecked: 0 });
    expect(fashen(['verify-files', 'no-such-case']).code).toBe(2);
  });
});
