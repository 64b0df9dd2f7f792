// The command-line review path a reviewer walks without the app: reviewer profile (fashen reviewer),
// points, conclusion, signing once, withdrawing (review reopen), signing the new version, verify;
// each refusal says what is wrong, with the same rules and messages as the workstation.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, ENTRIES } from '../../scripts/build-node.mjs';
import { Workstation } from '../../src/main/workstation';
import { ApiFailure } from '../../src/shared/api/result';
import { buildPackage, tempDir, type BuiltPackage } from '../helpers/package-builder';

const PASS = 'correct horse battery';
const TEXT = '罚款裁量理由不充分，建议补充说明后重新送审。';
let home: string;
let pkg: BuiltPackage;
const fashen = (args: string[]) => {
  const r = spawnSync(process.execPath, [join(process.cwd(), ENTRIES.cli.out), ...args], { env: { ...process.env, FASHEN_HOME: home, FASHEN_PASS: PASS }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const POINTS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10'];
const p2 = (key: string) => {
  const r = fashen(['check', '--json', key]);
  return (JSON.parse(r.stdout) as { findings: { check: string; severity: string; message: string }[] }).findings.find((f) => f.check === 'P2.reviewer-qualification');
};

beforeAll(async () => {
  await buildNode(['cli']);
  home = tempDir('cli-review-path-');
  pkg = await buildPackage(tempDir());
  expect(fashen(['import', pkg.dir]).code).toBe(0);
}, 120_000);

describe('fashen review: messages that say what is wrong', () => {
  it('with no arguments prints the usage, not “找不到案件：”', () => {
    const r = fashen(['review']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/找不到案件/);
    expect(r.stderr).toMatch(/fashen review point <案件>/);
    expect(r.stderr).toMatch(/fashen review reopen <案件>/);
  });

  it('names a bad point or decision, and takes p1 as P1', () => {
    const id = pkg.manifest.case.id;
    expect(fashen(['review', 'point', id, 'P11', '无问题'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/审核要点应为 P1–P10（收到：P11）/) });
    expect(fashen(['review', 'point', id, 'P1', '没问题'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/认定应为 无问题、存在问题 或 不适用（收到：没问题）/) });
    expect(fashen(['review', 'point', id, 'p1', '不适用'])).toMatchObject({ code: 0, stdout: 'P1 已记录：不适用\n' });
  });
});

describe('the reviewer profile on the command line', () => {
  it('conclude without a reviewer points to fashen reviewer set', () => {
    for (const pt of POINTS) expect(fashen(['review', 'point', pkg.manifest.case.id, pt, '不适用']).code).toBe(0);
    const r = fashen(['review', 'conclude', pkg.manifest.case.id, '--opinion', '建议纠正', '--text', TEXT]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/请先设置审核人员信息/);
    expect(r.stderr).toMatch(/fashen reviewer set --name 姓名 --agency 单位 --qualification 是\|否 --first-time 是\|否/);
  });

  it('keys create records name and agency only: P2 asks instead of passing on answers never given', () => {
    const k = fashen(['keys', 'create', '--name', '李审核', '--agency', '测试市市场监督管理局', '--passphrase-env', 'FASHEN_PASS']);
    expect(k.code, k.stderr).toBe(0);
    expect(k.stderr).toMatch(/尚未填写审核人员是否具有法律职业资格、是否初次从事法制审核/);
    const shown = JSON.parse(fashen(['reviewer', 'show', '--json']).stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({ name: '李审核', agency: '测试市市场监督管理局' });
    expect(shown.firstTimeReviewer).toBeUndefined();
    expect(fashen(['reviewer', 'show']).stdout).toMatch(/法律职业资格：未填写\n初次从事法制审核：未填写/);
    expect(p2(pkg.manifest.case.id)).toMatchObject({ severity: 'warn', message: expect.stringMatching(/请确认其是否初次从事法制审核/) });
  });

  it('reviewer set asks both questions, as the app’s form does, and P2 follows the answers', () => {
    expect(fashen(['reviewer', 'set', '--qualification', '否'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/请填写：--first-time/) });
    expect(fashen(['reviewer', 'set', '--qualification', 'maybe', '--first-time', '是'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/应为 是 或 否（收到：maybe）/) });
    // A first-time reviewer without 法律职业资格: 行政处罚法第五十八条第二款 is not met.
    const set = fashen(['reviewer', 'set', '--qualification', '否', '--first-time', '是']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/初次从事法制审核：是/);
    expect(p2(pkg.manifest.case.id)).toMatchObject({ severity: 'fail' });
    // Only what is given changes; the app's schema checks it (姓名 at least 2 characters).
    expect(fashen(['reviewer', 'set', '--first-time', 'no', '--officer-id', 'ZF-001']).code).toBe(0);
    expect(JSON.parse(fashen(['reviewer', 'show', '--json']).stdout)).toEqual({ name: '李审核', agency: '测试市市场监督管理局', officerId: 'ZF-001', legalQualification: false, firstTimeReviewer: false });
    expect(p2(pkg.manifest.case.id)).toMatchObject({ severity: 'ok' });
    expect(fashen(['reviewer', 'set', '--name', '李', '--qualification', '是', '--first-time', '否'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/请填写审核人员姓名/) });
    // Another name is another reviewer: her own answers are asked for, and the message says why.
    expect(fashen(['reviewer', 'set', '--name', '彭丽'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^审核人员改为 彭丽（原为 李审核），须重新回答以下各项。请填写：--qualification/) });
  });
});

describe('conclude, sign once, reopen, sign again', () => {
  it('refuses a blank or too short opinion with the app’s message and exit 2', () => {
    for (const text of ['   ', '好']) {
      const r = fashen(['review', 'conclude', pkg.manifest.case.id, '--opinion', '建议纠正', '--text', text]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^审核意见过短，请写明具体意见\n/);
    }
    expect(fashen(['cases', 'list', '--json']).stdout).toMatch(/"status": "in_review"/);
  });

  it('a concluded case shows 已结论, not an overdue countdown', () => {
    expect(fashen(['review', 'conclude', pkg.manifest.case.caseNumber, '--opinion', '建议纠正', '--text', TEXT]).code).toBe(0);
    const row = fashen(['cases', 'list']).stdout.split('\n').find((l) => l.startsWith(pkg.manifest.case.caseNumber))!;
    expect(row.split('\t')[4]).toBe('已结论');
    expect(row).not.toMatch(/超期|剩\d/);
    expect(row.split('\t')[5]).toBe('已退回');
  });

  it('does not sign an unchanged, already signed conclusion twice; a new version says what it replaces', () => {
    const out = tempDir('cli-review-path-out-');
    const sign = () => fashen(['opinion', 'sign', pkg.manifest.case.id, '--out', out, '--passphrase-env', 'FASHEN_PASS']);
    const first = sign();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/第1轮第1版/);
    const again = sign();
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/本轮结论已签署为 .*1号（第1轮第1版），待发送；签署后结论未作修改，不再重复签署/);
    expect(again.stderr).toMatch(/fashen review reopen/);
    expect(readdirSync(out)).toHaveLength(3);
    const reopened = fashen(['review', 'reopen', pkg.manifest.case.id, '--reason', '补充裁量说明']);
    expect(reopened.code, reopened.stderr).toBe(0);
    expect(reopened.stdout).toMatch(/已撤回第1轮审核结论（原结论：建议纠正）/);
    expect(reopened.stdout).toMatch(/已签署但尚未发出的意见书随之撤回、不再发送：.*1号（第1轮第1版）/);
    expect(fashen(['review', 'reopen', pkg.manifest.case.id])).toMatchObject({ code: 1, stderr: expect.stringMatching(/尚未作出结论/) });
    expect(fashen(['review', 'conclude', pkg.manifest.case.id, '--opinion', '其他意见', '--text', '建议承办机构在决定书中写明缴款期限。']).code).toBe(0);
    const second = sign();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/第1轮第2版/);
    expect(second.stdout).toMatch(/本版取代 .*1号（第1轮第1版）：该版已随结论撤回、未发送。/);
    const audit = fashen(['audit', 'list', '--case', pkg.manifest.case.id]).stdout;
    expect(audit).toMatch(/撤回审核结论/);
  }, 120_000);

  it('signing when the certificate names another signer than the reviewer profile says so first, as the keys dialog does', () => {
    expect(fashen(['reviewer', 'set', '--name', '王审核', '--qualification', '是', '--first-time', '否']).code).toBe(0);
    expect(fashen(['review', 'reopen', pkg.manifest.case.id, '--reason', '改由王审核签署']).code).toBe(0);
    expect(fashen(['review', 'conclude', pkg.manifest.case.id, '--opinion', '其他意见', '--text', '建议承办机构在决定书中写明缴款期限和方式。']).code).toBe(0);
    const signed = fashen(['opinion', 'sign', pkg.manifest.case.id, '--out', tempDir('cli-review-path-out-'), '--passphrase-env', 'FASHEN_PASS']);
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stderr).toMatch(/注意：证书署名为“李审核”，审核人员姓名为“王审核”。验证签名时显示证书上的署名。请核对审核人员设置，或更换签名密钥。/);
  }, 120_000);
});

describe('fashen verify names what it cannot verify', () => {
  it('a missing file and a file that is neither a PDF nor a submission', () => {
    const dir = tempDir();
    const missing = join(dir, 'nope.pdf');
    expect(fashen(['verify', missing])).toMatchObject({ code: 2, stdout: '', stderr: `文件不存在：${missing}\n` });
    const text = join(dir, 'notes.pdf');
    writeFileSync(text, 'hello\n');
    const r = fashen(['verify', text]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(new RegExp(`^不是 PDF 也不是提交件（JSON）：${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`));
    expect(r.stderr).not.toMatch(/ENOENT|有效的 JSON/);
  });
});

describe('the service enforces the opinion text rule for every caller', () => {
  it('ReviewService.conclude refuses a blank or short text with the Api’s message', async () => {
    const ws = new Workstation({ dataDir: tempDir('conclude-rule-'), today: () => '2026-11-23' });
    try {
      const p = await buildPackage(tempDir());
      await ws.importer.importOne(p.dir);
      ws.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
      const id = p.manifest.case.id;
      for (const pt of ws.review.get(id).points) ws.review.setPoint(id, pt.id, { decision: 'na' });
      for (const text of ['   ', '好', '  短短的意见  ']) {
        const err = (() => {
          try {
            ws.review.conclude(id, '建议纠正', text);
          } catch (e) {
            return e;
          }
        })();
        expect(err).toBeInstanceOf(ApiFailure);
        expect((err as ApiFailure).error).toMatchObject({ code: 'invalid_input', message: '审核意见过短，请写明具体意见' });
      }
      expect(ws.review.get(id).conclusion).toBeNull();
      // Stored trimmed, as the Api's schema gives it.
      expect(ws.review.conclude(id, '建议纠正', `  ${TEXT}  `).conclusion!.opinionText).toBe(TEXT);
    } finally {
      ws.close();
    }
  });
});
