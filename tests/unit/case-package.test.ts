import { beforeAll, describe, expect, it } from 'vitest';
import { CasePackage } from '../../src/shared/casefile/schema';
import { describeIssues } from '../../src/shared/api/result';
import { buildPackage, tempDir } from '../helpers/package-builder';

let valid: CasePackage;
beforeAll(async () => {
  valid = (await buildPackage(tempDir())).manifest;
});

const clone = () => structuredClone(valid);
const errorsOf = (x: unknown) => {
  const r = CasePackage.safeParse(x);
  return r.success ? [] : describeIssues(r.error.issues);
};

describe('case package schema', () => {
  it('accepts a valid package', () => {
    expect(errorsOf(valid)).toEqual([]);
  });

  it('rejects a malformed case number with a zh-CN reason and path', () => {
    const p = clone();
    p.case.caseNumber = '马市监处罚[2026]0193号';
    expect(errorsOf(p)).toEqual([expect.stringMatching(/^case\.caseNumber：案号格式应如/)]);
  });

  it('rejects money that is not integer fen', () => {
    const p = clone();
    p.case.proposedDecision.penalties[1]!.amountFen = 500.5;
    expect(errorsOf(p).join()).toMatch(/penalties\.1\.amountFen/);
  });

  it('rejects bad dates, hashes and escaping paths', () => {
    const p = clone();
    p.case.procedure.filedOn = '2026/06/05';
    p.documents[0]!.file.sha256 = 'abc';
    p.evidence[0]!.file.path = '../../etc/passwd';
    const errs = errorsOf(p).join('\n');
    expect(errs).toMatch(/filedOn：日期格式应为 YYYY-MM-DD/);
    expect(errs).toMatch(/sha256 应为 64 位/);
    expect(errs).toMatch(/不得为绝对路径或包含 \.\./);
  });

  it('checks references between officers, parties and items', () => {
    const p = clone();
    p.case.caseOfficerIds = ['o1', 'ghost'];
    p.evidence[0]!.collectedBy = ['nobody'];
    p.evidence[0]!.id = 'd1';
    const errs = errorsOf(p).join('\n');
    expect(errs).toMatch(/未知的执法人员 ghost/);
    expect(errs).toMatch(/未知的执法人员 nobody/);
    expect(errs).toMatch(/重复的文书\/证据编号 d1/);
  });

  it('requires at least one penalty and a legal basis', () => {
    const p = clone();
    p.case.proposedDecision.penalties = [];
    p.case.proposedDecision.legalBasis = [];
    const errs = errorsOf(p).join('\n');
    expect(errs).toMatch(/拟处罚决定至少包含一项处罚/);
    expect(errs).toMatch(/legalBasis/);
  });
});
