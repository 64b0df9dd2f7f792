import type { Io } from '../main';
import type { Workstation } from '../../main/workstation';
import { caseIdOf } from '../case-key';

const STATE_CN = { ok: '完好', tampered: '已篡改', missing: '缺失', unchecked: '未校验' } as const;

/** Exit 1 when anything is 已篡改 or 缺失. */
export async function verifyFilesCommand(open: () => Workstation, args: string[], opts: { json: boolean }, io: Io): Promise<number> {
  if (args.length !== 1) {
    io.err('用法：fashen verify-files <案件编号 id 或案号> [--json]\n');
    return 2;
  }
  const ws = open();
  try {
    const key = args[0]!;
    const id = caseIdOf(ws, key);
    const report = id ? await ws.integrity.verifyCase(id) : null;
    if (!report) {
      io.err(`找不到案件：${key}\n`);
      return 2;
    }
    if (opts.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const it of report.items) io.out(`${STATE_CN[it.state]}\t${it.itemKind === 'document' ? '文书' : '证据'}\t${it.title}\t${it.sha256}\n`);
      io.out(`完好 ${report.summary.ok}，已篡改 ${report.summary.tampered}，缺失 ${report.summary.missing}\n`);
    }
    return report.summary.tampered + report.summary.missing > 0 ? 1 : 0;
  } finally {
    ws.close();
  }
}
