// `fashen opinion sign` on a case whose file has a character no bundled font has: the specific
// zh-CN reason on stderr, exit 1, no files; a 生僻字 party name signs and prints.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, ENTRIES } from '../../scripts/build-node.mjs';
import { buildPackage, tempDir } from '../helpers/package-builder';

const PASS = 'correct horse battery';
let home: string;
const fashen = (args: string[]) => spawnSync(process.execPath, [join(process.cwd(), ENTRIES.cli.out), ...args], { env: { ...process.env, FASHEN_HOME: home, FASHEN_PASS: PASS }, encoding: 'utf8' });

async function concludedCase(partyName: string): Promise<string> {
  const p = await buildPackage(tempDir());
  p.manifest.parties[0]!.name = partyName;
  p.write();
  expect(fashen(['import', p.dir]).status).toBe(0);
  for (const pt of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10']) expect(fashen(['review', 'point', p.manifest.case.id, pt, '不适用']).status).toBe(0);
  const c = fashen(['review', 'conclude', p.manifest.case.id, '--opinion', '其他意见', '--text', '建议承办机构在决定书中写明缴款期限。']);
  expect(c.status, c.stderr).toBe(0);
  return p.manifest.case.id;
}

beforeAll(async () => {
  await buildNode(['cli']);
  home = tempDir('cli-unprintable-');
  expect(fashen(['keys', 'create', '--name', '李审核', '--agency', '测试市市场监督管理局', '--passphrase-env', 'FASHEN_PASS']).status).toBe(0);
  expect(fashen(['reviewer', 'set', '--name', '李审核', '--agency', '测试市市场监督管理局', '--qualification', '是', '--first-time', '否']).status).toBe(0);
}, 120_000);

describe('fashen opinion sign and the fonts', () => {
  it('names the field and the character it cannot print, and writes nothing', async () => {
    const id = await concludedCase('测试😀食品有限公司');
    const out = tempDir('cli-out-');
    const r = fashen(['opinion', 'sign', id, '--out', out, '--passphrase-env', 'FASHEN_PASS']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('当事人名称中有意见书字体无法排印的字符：😀，无法生成意见书；该内容来自案卷，请联系承办机构更正后重新送审');
    expect(r.stderr).not.toContain('Error');
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);

  it('signs a party name with 𠮷 (CJK Extension B) and prints it', async () => {
    const id = await concludedCase('马鞍山𠮷汇通网络科技有限公司');
    const out = tempDir('cli-out-');
    const r = fashen(['opinion', 'sign', id, '--out', out, '--passphrase-env', 'FASHEN_PASS']);
    expect(r.status, r.stderr).toBe(0);
    const pdf = join(out, readdirSync(out).find((f) => f.endsWith('.pdf'))!);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain('当事人：马鞍山𠮷汇通网络科技有限公司');
  }, 60_000);
});
