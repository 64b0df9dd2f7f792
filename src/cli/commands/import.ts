import type { Io } from '../main';
import type { Workstation } from '../../main/workstation';

export async function importCommand(open: () => Workstation, paths: string[], opts: { json: boolean }, io: Io): Promise<number> {
  if (!paths.length) {
    io.err('用法：fashen import <案卷包…>\n');
    return 2;
  }
  const ws = open();
  try {
    const outcomes = await ws.importer.importMany(paths);
    if (opts.json) io.out(`${JSON.stringify(outcomes, null, 2)}\n`);
    else
      for (const o of outcomes) {
        if (o.ok) io.out(`${o.action === 'imported' ? '已导入' : '未变化'}  ${o.caseNumber}  ${o.source}\n`);
        else {
          io.err(`导入失败  ${o.source}\n  ${o.error}\n`);
          for (const d of o.details ?? []) io.err(`    - ${d}\n`);
        }
      }
    return outcomes.every((o) => o.ok) ? 0 : 1;
  } finally {
    ws.close();
  }
}
