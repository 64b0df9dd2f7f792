// `fashen check <package>`: run the automatic checks on a package that is not imported.
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { CasePackage, packageFiles } from '../../../shared/casefile/schema';
import { describeIssues } from '../../../shared/api/result';
import { runChecks } from '../../../shared/rules/index';
import type { Finding, FileState } from '../../../shared/rules/types';
import type { WorkingDayCalendar } from '../../../shared/calendar/working-days';
import type { RuleSet } from '../../../shared/rules/rule-data';
import { openPackage, PackageError } from '../package-source';

export async function checkPackage(path: string, deps: { calendar: WorkingDayCalendar; rulesFor: (agencyCode: string) => RuleSet; today: string }): Promise<{ pkg: CasePackage; findings: Finding[] }> {
  const src = await openPackage(path);
  try {
    if (!src.has('case.json')) throw new PackageError('案卷包缺少 case.json');
    let json: unknown;
    try {
      json = JSON.parse(await src.readText('case.json'));
    } catch (err) {
      throw new PackageError('case.json 不是有效的 JSON', [(err as Error).message]);
    }
    const parsed = CasePackage.safeParse(json);
    if (!parsed.success) throw new PackageError('case.json 不符合案卷包格式', describeIssues(parsed.error.issues));
    const pkg = parsed.data;
    const fileStates: Record<string, FileState> = {};
    for (const f of packageFiles(pkg)) {
      if (!src.has(f.path)) {
        fileStates[f.sha256] = 'missing';
        continue;
      }
      const h = createHash('sha256');
      await pipeline(await src.open(f.path), h);
      fileStates[f.sha256] = h.digest('hex') === f.sha256 ? 'ok' : 'tampered';
    }
    return { pkg, findings: runChecks({ pkg, rules: deps.rulesFor(pkg.case.agency.code), calendar: deps.calendar, today: deps.today, fileStates }) };
  } finally {
    src.close();
  }
}
