// The demo cases through the review-rules engine: each deliberate defect produces the expected
// `fail`, and the clean cases produce none (DOMAIN.md §1 P2, P3, P6, P8).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoPackages } from '../../src/main/demo/generate';
import { loadCalendar } from '../../src/main/services/calendar';
import { loadRuleSet } from '../../src/main/services/rule-data';
import { CasePackage, packageFiles } from '../../src/shared/casefile/schema';
import { runChecks, type FileState, type Finding } from '../../src/shared/rules';

const TODAY = '2026-11-23';
const EXPECTED: Record<string, string[]> = {
  missing_notice: ['P8', 'P3'],
  expired_credential: ['P2'],
  fine_out_of_range: ['P6'],
  decision_after_90_days: ['P3'],
};

interface Checked {
  caseNumber: string;
  cause: string;
  defects: string[];
  findings: Finding[];
}

let root: string;
let checked: Checked[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fashen-rules-demo-'));
  const cases = await generateDemoPackages({ outDir: root, today: TODAY, seed: 7 });
  const calendar = loadCalendar();
  checked = cases.map((c) => {
    const pkg = CasePackage.parse(JSON.parse(readFileSync(join(c.dir, 'case.json'), 'utf8')));
    const fileStates: Record<string, FileState> = {};
    for (const f of packageFiles(pkg)) {
      const path = join(c.dir, f.path);
      fileStates[f.sha256] = !existsSync(path) ? 'missing' : createHash('sha256').update(readFileSync(path)).digest('hex') === f.sha256 ? 'ok' : 'tampered';
    }
    const findings = runChecks({ pkg, rules: loadRuleSet({ agencyCode: pkg.case.agency.code }), calendar, today: TODAY, fileStates });
    return { caseNumber: c.caseNumber, cause: pkg.case.cause, defects: c.defects, findings };
  });
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const fails = (c: Checked) => c.findings.filter((f) => f.severity === 'fail');
const describeFails = (c: Checked) => fails(c).map((f) => `${f.check}: ${f.message}`);

describe('demo cases (today 2026-11-23, seed 7) through the rules engine', () => {
  it('generates clean cases and each kind of deliberate defect', () => {
    expect(checked.length).toBeGreaterThan(0);
    const defects = new Set(checked.flatMap((c) => c.defects));
    for (const d of Object.keys(EXPECTED)) expect(defects, d).toContain(d);
    expect(checked.some((c) => c.defects.length === 0)).toBe(true);
  });

  it('clean demo cases produce no fail', () => {
    for (const c of checked.filter((x) => x.defects.length === 0)) expect(describeFails(c), `${c.caseNumber} ${c.cause}`).toEqual([]);
  });

  it.each(Object.entries(EXPECTED))('defect %s produces a fail under %j', (defect, points) => {
    const cases = checked.filter((c) => c.defects.includes(defect));
    for (const c of cases) {
      const failed = new Set(fails(c).map((f) => f.point));
      expect(points.some((p) => failed.has(p as Finding['point'])), `${c.caseNumber}: ${describeFails(c).join(' | ')}`).toBe(true);
    }
  });

  it('expired_credential names the officer, credential, validity and act date', () => {
    for (const c of checked.filter((x) => x.defects.includes('expired_credential'))) {
      const f = c.findings.find((x) => x.check === 'P2.credential-valid' && x.severity === 'fail')!;
      // One act: "…在…（date）时执法证已于 … 到期"; several: one finding listing their dates.
      expect(f.message).toMatch(/执法人员.+(在.+（\d{4}-\d{2}-\d{2}）时执法证已于 \d{4}-\d{2}-\d{2} 到期|的执法证已于 \d{4}-\d{2}-\d{2} 到期，其后仍实施 \d+ 项调查取证活动（\d{4}-\d{2}-\d{2}[^）]*）)/);
      expect(f.computation).toMatch(/执法证号 \d+，有效期 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    }
  });

  it('every demo file is intact', () => {
    for (const c of checked) expect(c.findings.filter((f) => f.check === 'P4.file-integrity' && f.severity === 'fail')).toEqual([]);
  });
});
