// `fashen audit` and the CLI's audit hook, through the built CLI on a temp data folder.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, ENTRIES } from '../../../scripts/build-node.mjs';
import { openStore } from '../../../src/main/db/open';
import { devKeySync } from '../../../src/main/services/cache-crypto/keyring';
import { buildPackage, tempDir, type BuiltPackage } from '../../helpers/package-builder';

let home: string;
let pkg: BuiltPackage;
const fashen = (args: string[]) => {
  const r = spawnSync(process.execPath, [join(process.cwd(), ENTRIES.cli.out), ...args], { env: { ...process.env, FASHEN_HOME: home }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const list = (...extra: string[]) => JSON.parse(fashen(['audit', 'list', '--json', ...extra]).stdout) as { seq: number; action: string; label: string; subject: string | null; detail: Record<string, unknown> }[];

beforeAll(async () => {
  await buildNode(['cli']);
  home = tempDir('cli-audit-');
  pkg = await buildPackage(tempDir());
}, 120_000);

describe('fashen audit', () => {
  it('records CLI imports per case and findings, and lists a case’s trail', () => {
    expect(fashen(['audit', 'verify']).stdout).toBe('审计记录完好：共 0 条\n');
    expect(fashen(['import', pkg.dir]).code).toBe(0);
    expect(fashen(['review', 'point', pkg.manifest.case.caseNumber, 'P1', '无问题']).code).toBe(0);
    const trail = list('--case', pkg.manifest.case.caseNumber);
    expect(trail.map((e) => [e.action, e.label])).toEqual([
      ['case.import', '导入案件'],
      ['review.point', '记录审核认定'],
    ]);
    expect(trail[0]).toMatchObject({ subject: pkg.manifest.case.id, detail: { result: 'imported', revision: 1, origin: 'import', via: 'cli' } });
    expect(trail[1]).toMatchObject({ subject: pkg.manifest.case.id, detail: { point: 'P1', decision: '无问题', via: 'cli' } });
    // Re-importing the same revision changes nothing, so records nothing per case.
    expect(fashen(['import', pkg.dir]).code).toBe(0);
    expect(list('--case', pkg.manifest.case.id)).toHaveLength(2);
    const text = fashen(['audit', 'list', '--case', pkg.manifest.case.id]).stdout.split('\n');
    expect(text[0]).toMatch(/^1\t\d{4}-\d\d-\d\d \d\d:\d\d\t未设置审核人员\t导入案件\t/);
    // The text list names the case by its number, not its id (the JSON keeps the id).
    expect(text[0]!.split('\t')[4]).toBe(pkg.manifest.case.caseNumber);
    expect(fashen(['audit', 'list', '--case', 'no-such-case'])).toMatchObject({ code: 2, stderr: '找不到案件：no-such-case\n' });
  });

  it('refuses an export without the approval the policy requires, and records the refusal', () => {
    expect(fashen(['audit', 'policy', 'on']).stdout).toMatch(/须经批准/);
    const out = join(tempDir('bundle-'), 'b.json');
    const r = fashen(['sync', 'export-bundle', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/须经批准.*--approval <批准文号> --approver <批准人>/);
    expect(fashen(['sync', 'export-bundle', '--out', out, '--approval', '批', '--approver', '李局长']).code).toBe(2);
    const all = list();
    expect(all.filter((e) => e.action === 'settings.change').at(-1)!.detail).toMatchObject({ setting: 'exportRequiresApproval', from: false, to: true });
    expect(all.at(-1)).toMatchObject({ action: 'export.bundle', label: '导出离线交换包（待批准）', detail: { outcome: 'awaiting_approval', code: 'approval_required', reason: expect.stringContaining('须经批准') } });
    expect(fashen(['audit', 'policy', 'off', '--json']).stdout).toBe('{\n  "exportRequiresApproval": false\n}\n');
  });

  it('verify exits 0 on an intact chain, 1 naming the first broken entry', () => {
    const ok = fashen(['audit', 'verify', '--json']);
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout) as { intact: boolean; count: number; head: { seq: number } };
    expect(report).toMatchObject({ intact: true, problem: null });
    // Someone with the database file and its key edits entry 2 (removing the app's triggers first).
    const db = openStore(join(home, 'fashen.db'), { key: devKeySync(home) });
    db.sqlite.exec('drop trigger audit_no_update');
    db.sqlite.prepare("update audit set actor = '他人' where seq = 2").run();
    db.close();
    const bad = fashen(['audit', 'verify']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('审计记录已被篡改：第 2 条记录的内容与其校验值不符（记录被修改）\n首个异常记录：第 2 条（hash_mismatch）；此前 1 条完好\n');
    expect(JSON.parse(fashen(['audit', 'verify', '--json']).stdout)).toMatchObject({ intact: false, problem: { seq: 2, kind: 'hash_mismatch' } });
    expect(fashen(['audit', 'frob']).code).toBe(2);
    expect(fashen(['audit', 'policy', 'maybe']).code).toBe(2);
  });
});
