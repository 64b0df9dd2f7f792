// `fashen check <package>`: run the automatic checks on a package that is not imported.
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { packageFiles, type CasePackage } from '../../../shared/casefile/schema';
import { runChecks } from '../../../shared/rules/index';
import type { Finding, FileState } from '../../../shared/rules/types';
import type { WorkingDayCalendar } from '../../../shared/calendar/working-days';
import type { RuleSet } from '../../../shared/rules/rule-data';
import { openPackage, readManifest } from '../package-source';

export async function checkPackage(path: string, deps: { calendar: WorkingDayCalendar; rulesFor: (agencyCode: string) => RuleSet; today: string }): Promise<{ pkg: CasePackage; findings: Finding[] }> {
  const src = await openPackage(path);
  try {
    const pkg = await readManifest(src);
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
