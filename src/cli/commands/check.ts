import { existsSync } from 'node:fs';
import type { Io } from '../main';
import type { Workstation } from '../../main/workstation';
import type { Finding } from '../../shared/rules/types';
import { REVIEW_POINTS } from '../../shared/rules/points';
import { checkPackage } from '../../main/services/review/check-package';
import { PackageError } from '../../main/services/package-source';
import { caseIdOf } from '../case-key';

const MARK = { ok: '✓', warn: '!', fail: '✗', info: 'i' } as const;

function printFindings(io: Io, title: string, findings: Finding[]): void {
  io.out(`${title}\n`);
  for (const p of REVIEW_POINTS) {
    const fs = findings.filter((f) => f.point === p.id);
    io.out(`\n${p.id} ${p.title}\n`);
    if (!fs.length) io.out('  （无自动检查项，由审核人员判断）\n');
    for (const f of fs) {
      io.out(`  ${MARK[f.severity]} ${f.message}\n`);
      if (f.computation) io.out(`    计算：${f.computation}\n`);
      if (f.basis.length) io.out(`    依据：${f.basis.map((b) => `${b.law}${b.article}`).join('；')}\n`);
    }
  }
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  io.out(`\n未通过 ${n('fail')}，提示 ${n('warn')}，通过 ${n('ok')}，说明 ${n('info')}\n`);
}

/** Exit 0 when the checks ran, whatever they found; 2 when they could not run. */
export async function checkCommand(open: () => Workstation, args: string[], opts: { json: boolean }, io: Io): Promise<number> {
  if (args.length !== 1) {
    io.err('用法：fashen check <案卷包 或 案件 id/案号> [--json]\n');
    return 2;
  }
  const ws = open();
  try {
    const key = args[0]!;
    let title: string;
    let findings: Finding[];
    let caseId: string;
    if (existsSync(key)) {
      try {
        const r = await checkPackage(key, { calendar: ws.calendar, rulesFor: (c) => ws.rulesFor(c), today: ws.today() });
        ({ findings } = r);
        caseId = r.pkg.case.id;
        title = `${r.pkg.case.caseNumber}  ${r.pkg.parties[0]?.name ?? ''}  ${r.pkg.case.cause}（案卷包，未导入）`;
      } catch (err) {
        if (!(err instanceof PackageError)) throw err;
        io.err(`${err.message}\n${err.details.map((d) => `  - ${d}\n`).join('')}`);
        return 2;
      }
    } else {
      const id = caseIdOf(ws, key);
      if (!id) {
        io.err(`找不到案件或案卷包：${key}\n`);
        return 2;
      }
      const view = ws.review.get(id);
      findings = view.points.flatMap((p) => p.automatic);
      caseId = id;
      const row = ws.views.get(id)!;
      title = `${row.caseNumber}  ${row.parties[0]?.name ?? ''}  ${row.cause}`;
    }
    if (opts.json) io.out(`${JSON.stringify({ caseId, findings }, null, 2)}\n`);
    else printFindings(io, title, findings);
    return 0;
  } finally {
    ws.close();
  }
}
