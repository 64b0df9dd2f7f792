// From a concluded review to a signed opinion: preview = what is signed, PAdES PDF that pdfsig
// accepts, detached JCS signature, immutable versions, outbox entry; the CLI end to end.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode, ENTRIES } from '../../scripts/build-node.mjs';
import { Workstation } from '../../src/main/workstation';
import { ApiFailure } from '../../src/shared/api/result';
import { buildPackage, tempDir } from '../helpers/package-builder';

const PASS = 'correct horse battery';
let ws: Workstation;
let caseId: string;

function decideAll(w: Workstation, id: string) {
  for (const p of w.review.get(id).points) {
    for (const f of p.automatic.filter((x) => x.severity === 'fail')) w.review.override(id, f.id, '经核实，承办机构已补正，不影响认定');
    w.review.setPoint(id, p.id, { decision: 'ok', note: p.id === 'P6' ? '罚款在法定幅度内，裁量适当。' : '' });
  }
}

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('opinion-'), today: () => '2026-11-23' });
  const p = await buildPackage(tempDir());
  caseId = p.manifest.case.id;
  await ws.importer.importOne(p.dir);
  ws.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS);
  decideAll(ws, caseId);
  ws.review.conclude(caseId, '同意', '经审核，同意承办机构的处理意见。');
}, 60_000);
afterAll(() => ws.close());

const pdfsig = (file: string) => spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;

describe('signed opinion', () => {
  it('signs exactly the previewed content, with a PDF pdfsig accepts and a verifiable submission', async () => {
    const preview = await ws.opinions.preview(caseId);
    expect(preview.content.conclusion.type).toBe('同意');
    expect(preview.content.documentNumber).toBe('测市监法审〔2026〕1号');
    await expect(ws.opinions.sign(caseId, preview.contentHash, 'wrong passphrase')).rejects.toThrow('口令错误，无法解锁签名密钥');
    const rec = await ws.opinions.sign(caseId, preview.contentHash, PASS);
    expect(rec).toMatchObject({ version: 1, round: 1, conclusion: '同意', timestamp: 'pending', submission: 'queued', superseded: false, contentHash: preview.contentHash });
    const dir = tempDir('signed-');
    const pdf = join(dir, 'opinion.pdf');
    writeFileSync(pdf, await ws.blobs.read(rec.pdfSha256));
    const out = pdfsig(pdf);
    expect(out).toMatch(/Signature is Valid\./);
    expect(out).toMatch(/Total document signed/);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toMatch(/法制审核意见书/);
    // One byte changed inside the signed range → invalid.
    const bytes = readFileSync(pdf);
    const at = bytes.indexOf('法制审核') > 0 ? bytes.indexOf('/Type /Page') + 3 : 200;
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(pdf, bytes);
    expect(pdfsig(pdf)).toMatch(/Digest Mismatch|Signature is Invalid/);
    // The outbox holds the submission for the central system.
    const box = ws.store.sqlite.prepare('select kind, state, case_id from outbox where id = ?').get(rec.opinionId);
    expect(box).toEqual({ kind: 'opinion', state: 'queued', case_id: caseId });
  });

  it('refuses to sign content that changed after the preview, and keeps older versions', async () => {
    const preview = await ws.opinions.preview(caseId);
    const v1 = ws.opinions.records(caseId)[0]!;
    ws.review.reopen(caseId);
    // Version 1 never left this workstation: withdrawn with its conclusion, not sent meanwhile.
    expect(ws.store.sqlite.prepare('select count(*) as n from outbox where id = ?').get(v1.opinionId)).toEqual({ n: 0 });
    expect(ws.opinions.records(caseId).find((r) => r.opinionId === v1.opinionId)!.submission).toBe('withdrawn');
    decideAll(ws, caseId);
    ws.review.conclude(caseId, '其他意见', '建议承办机构在决定书中写明缴款期限。');
    const err = await ws.opinions.sign(caseId, preview.contentHash, PASS).catch((e: unknown) => e);
    expect((err as ApiFailure).error.message).toMatch(/预览后已变更/);
    const fresh = await ws.opinions.preview(caseId);
    const v2 = await ws.opinions.sign(caseId, fresh.contentHash, PASS);
    expect(v2).toMatchObject({ version: 2, conclusion: '其他意见', documentNumber: '测市监法审〔2026〕2号' });
    const list = ws.opinions.records(caseId);
    expect(list.map((r) => [r.version, r.superseded])).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  it('a signed opinion that may already have left (a try counted) stays queued when the conclusion is withdrawn', () => {
    const v2 = ws.opinions.records(caseId)[0]!;
    ws.store.sqlite.prepare('update outbox set attempts = 1 where id = ?').run(v2.opinionId);
    ws.review.reopen(caseId);
    expect(ws.store.sqlite.prepare('select state, attempts from outbox where id = ?').get(v2.opinionId)).toEqual({ state: 'queued', attempts: 1 });
    expect(ws.opinions.records(caseId)[0]!.submission).toBe('queued');
  });
});

describe('fashen keys / review / opinion sign / verify', () => {
  let home: string;
  const env = () => ({ ...process.env, FASHEN_HOME: home, FASHEN_PASS: PASS });
  const fashen = (args: string[]) => spawnSync(process.execPath, [join(process.cwd(), ENTRIES.cli.out), ...args], { env: env(), encoding: 'utf8' });

  beforeAll(async () => {
    await buildNode(['cli']);
    home = tempDir('cli-opinion-');
  });

  it('signs from the command line, refusing until the review is concluded', async () => {
    const p = await buildPackage(tempDir());
    expect(fashen(['import', p.dir]).status).toBe(0);
    expect(fashen(['keys', 'create', '--name', '李审核', '--agency', '测试市市场监督管理局', '--passphrase-env', 'FASHEN_PASS']).status).toBe(0);
    expect(fashen(['keys', 'create', '--passphrase', 'x']).status).toBe(2); // never on the command line
    const out = tempDir('cli-out-');
    const early = fashen(['opinion', 'sign', p.manifest.case.id, '--out', out, '--passphrase-env', 'FASHEN_PASS']);
    expect(early.status).toBe(1);
    expect(early.stderr).toMatch(/尚未作出结论，拒绝签署/);
    for (const pt of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10']) {
      const r = fashen(['review', 'point', p.manifest.case.id, pt, pt === 'P6' ? '存在问题' : '不适用', '--note', pt === 'P6' ? '裁量理由不充分' : '']);
      expect(r.status, r.stderr).toBe(0);
    }
    expect(fashen(['review', 'conclude', p.manifest.case.caseNumber, '--opinion', '建议纠正', '--text', '罚款裁量理由不充分，建议补充说明后重新送审。']).status).toBe(0);
    const signed = fashen(['opinion', 'sign', p.manifest.case.id, '--out', out, '--passphrase-env', 'FASHEN_PASS']);
    expect(signed.status, signed.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(3);
    const pdf = join(out, files.find((f) => f.endsWith('.pdf'))!);
    const json = join(out, files.find((f) => f.endsWith('.json'))!);
    const v = fashen(['verify', pdf]);
    expect(v.status).toBe(0);
    // The verdict alone on the first line; the certificate source and the timestamp on lines of their own.
    expect(v.stdout).toMatch(/^VALID 有效：签名有效\n/);
    expect(v.stdout).toContain('\n证书来源：本机开发 CA（非机构 CA，非正式，仅供演示）\n');
    expect(v.stdout).toMatch(/\n时间戳：(未加盖：签署时间未经可信时间戳证明|未加盖可信时间戳（签名时间为签名人电脑时间）：尚未发出的提交在联网同步时补加；已发出或经离线交换包送达的不再补加)\n/);
    const vj = fashen(['verify', '--json', json]);
    expect(vj.status).toBe(0);
    expect(JSON.parse(vj.stdout)).toMatchObject({ valid: true, reason: '签名有效', kind: 'submission', caseId: p.manifest.case.id, round: 1, certificate: { kind: 'dev-ca', trusted: true } });
    expect(['none', 'pending']).toContain(JSON.parse(vj.stdout).timestamp.state);
    const vt = fashen(['verify', json]);
    expect(vt.stdout).toContain(`\n案号：${p.manifest.case.caseNumber}（案件编号 ${p.manifest.case.id}）\n审核轮次：第1轮\n`);
    // Tamper with the submission's content → INVALID, exit 1.
    const sub = JSON.parse(readFileSync(json, 'utf8'));
    sub.content.conclusion.type = '同意';
    writeFileSync(json, JSON.stringify(sub));
    const bad = fashen(['verify', json]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^INVALID/);
  }, 120_000);
});
