// `fashen check` and `fashen calendar` — used by agencies' scripts.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNode, ENTRIES } from '../../scripts/build-node.mjs';
import { generateDemoPackages, type GeneratedCase } from '../../src/main/demo/generate';
import { tempDir } from '../helpers/package-builder';

let home: string;
let demo: GeneratedCase[];
const fashen = (args: string[]) => {
  const r = spawnSync(process.execPath, [join(process.cwd(), ENTRIES.cli.out), ...args], { env: { ...process.env, FASHEN_HOME: home }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(async () => {
  await buildNode(['cli']);
  home = tempDir('cli-review-');
  demo = await generateDemoPackages({ outDir: tempDir('cli-demo-'), today: '2026-11-23', seed: 7 });
}, 120_000);

describe('fashen calendar (start day not counted; the result is always a working day)', () => {
  it.each([
    ['2026-09-29', '10', '2026-10-19', 'across National Day with the 调休 Saturday 10-10'],
    ['2026-02-13', '1', '2026-02-14', 'the make-up Saturday before the Spring Festival is a working day'],
    ['2026-02-14', '1', '2026-02-24', 'the Spring Festival holiday 02-15…02-23 is skipped'],
    ['2026-11-20', '1', '2026-11-23', 'a Friday plus one working day is Monday'],
    ['2026-11-21', '0', '2026-11-21', 'zero days is the day itself'],
  ])('add-working-days %s %s = %s (%s)', (date, n, want) => {
    const r = fashen(['calendar', 'add-working-days', date, n]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${want}\n`);
    expect(r.stderr).toBe('');
  });

  it('is-working-day prints true or false', () => {
    expect(fashen(['calendar', 'is-working-day', '2026-10-10']).stdout).toBe('true\n');
    expect(fashen(['calendar', 'is-working-day', '2026-10-01']).stdout).toBe('false\n');
    expect(fashen(['calendar', 'is-working-day', '2026-11-22']).stdout).toBe('false\n');
  });

  it('warns on stderr for a year the calendar does not cover, keeping stdout clean', () => {
    const r = fashen(['calendar', 'add-working-days', '2026-12-30', '3']);
    expect(r.code).toBe(0);
    // 12-31 ①, 2027-01-01 元旦 (a statutory holiday whatever the schedule), 01-04 ②, 01-05 ③.
    expect(r.stdout).toBe('2027-01-05\n');
    expect(r.stderr).toMatch(/2027年节假日安排尚未发布，按周末和法定节假日推算（调休未计）/);
  });

  it('rejects bad dates and counts with exit 2', () => {
    expect(fashen(['calendar', 'add-working-days', '2026-02-30', '1'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/不存在的日期/) });
    expect(fashen(['calendar', 'add-working-days', '2026-02-01', '-1']).code).toBe(2);
    expect(fashen(['calendar', 'frob', '2026-02-01']).code).toBe(2);
  });
});

describe('fashen check', () => {
  it('checks a package that is not imported and exits 0 whatever it finds', () => {
    const bad = demo.find((d) => d.defects.includes('fine_out_of_range'))!;
    const r = fashen(['check', '--json', bad.dir]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { caseId: string; findings: { point: string; severity: string }[] };
    expect(out.caseId).toBe(bad.caseId);
    expect(out.findings.some((f) => f.point === 'P6' && f.severity === 'fail')).toBe(true);
    const text = fashen(['check', bad.dir]);
    expect(text.stdout).toMatch(/P6 裁量基准运用是否适当/);
    expect(text.stdout).toMatch(/未通过 [1-9]/);
  });

  it('checks an imported case by case number', () => {
    const clean = demo.find((d) => d.defects.length === 0)!;
    expect(fashen(['import', clean.dir]).code).toBe(0);
    const r = fashen(['check', '--json', clean.caseNumber]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { findings: { severity: string }[] }).findings.filter((f) => f.severity === 'fail')).toEqual([]);
  });

  it('exits 2 when it cannot run', () => {
    expect(fashen(['check', 'no-such-case']).code).toBe(2);
  });
});
