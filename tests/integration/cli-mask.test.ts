// `fashen mask` through the built CLI: stdin in, masked text out, exactly.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, ENTRIES } from '../../scripts/build-node.mjs';
import { tempDir } from '../helpers/package-builder';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, ENTRIES.cli.out);
let home: string;

function fashen(args: string[], input: string | Buffer) {
  // FASHEN_HOME points at an empty folder: masking must not need (or touch) a store.
  const r = spawnSync(process.execPath, [cli, ...args], { input, env: { ...process.env, FASHEN_HOME: home }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

beforeAll(async () => {
  home = tempDir('mask-home-');
  await buildNode(['cli']);
}, 120_000);

const INPUT = [
  '当事人：方宇，男，36岁',
  '身份证号：340521 19900901 2031',
  '住址：安徽省马鞍山市花山区解放路88号',
  '联系电话：+86 138 0013 8000，0555-2356315',
  '银行卡号：6222 0213 8001 3800',
  '执法人员：李明（执法证号：34050120190123）',
  '案号：马市监处罚〔2026〕193号，罚款¥80,000.00。方宇签收。',
  '',
].join('\n');

const EXPECTED = [
  '当事人：方某，男，36岁',
  '身份证号：3405**********2031',
  '住址：安徽省马鞍山市花山区****',
  '联系电话：+86 138****8000，0555-****315',
  '银行卡号：6222 **** **** 3800',
  '执法人员：李明（执法证号：34050120190123）',
  '案号：马市监处罚〔2026〕193号，罚款¥80,000.00。方某签收。',
  '',
].join('\n');

describe('fashen mask', () => {
  it('masks stdin to stdout, preserving everything else byte for byte', () => {
    const r = fashen(['mask', '--names', '方宇'], INPUT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(EXPECTED);
  });

  it('keeps CRLF, a missing final newline and blank lines', () => {
    const r = fashen(['mask'], '\r\n电话：13800138000\r\n\r\n无');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('\r\n电话：138****8000\r\n\r\n无');
  });

  it('--names accepts several names, with Chinese separators too', () => {
    const r = fashen(['mask', '--names', '方宇，欧阳晓东、李月'], '方宇、欧阳晓东与李月');
    expect(r.stdout).toBe('方某、欧阳某与李某');
  });

  it('--json prints the text and the spans with original offsets', () => {
    const r = fashen(['mask', '--json', '--names', '方宇'], '方宇 13800138000');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      text: '方某 138****8000',
      spans: [
        { start: 0, end: 2, kind: 'name', original: '方宇', replacement: '方某' },
        { start: 3, end: 14, kind: 'mobile', original: '13800138000', replacement: '138****8000' },
      ],
    });
  });

  it('empty stdin gives empty output and exit 0', () => {
    const r = fashen(['mask'], '');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(fashen(['mask', '--json'], '').stdout)).toEqual({ text: '', spans: [] });
  });

  it('is idempotent through the CLI', () => {
    const once = fashen(['mask', '--names', '方宇'], INPUT).stdout;
    expect(fashen(['mask', '--names', '方宇'], once).stdout).toBe(once);
  });

  it('handles a large input (chunked stdin)', () => {
    const big = INPUT.repeat(5000); // ~1 MB
    const r = fashen(['mask', '--names', '方宇'], big);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(EXPECTED.repeat(5000));
  });

  it('a stray argument is a usage error', () => {
    const r = fashen(['mask', 'file.txt'], 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法');
  });
});
