// `fashen import <案卷包…>`: each path as the app's 导入 takes it — a package (folder or .zip) or a
// bundle of packages from the central system (`fashen central bundle`), whose calendar.json is
// taken as the app takes it. --json prints the packages' outcomes (the stable array); a calendar
// line goes to stderr then.
import type { Io } from '../main';
import type { ImportOutcome } from '../../shared/api/cases';
import type { BundleCalendar, BundleReport } from '../../shared/api/sync';
import type { Workstation } from '../../main/workstation';
import { importBundleInto } from '../../main/services/sync/bundle-into';
import { answerCounts } from '../../shared/sync/answer-labels';

function calendarLine(c: BundleCalendar, source: string): string {
  if (!c.taken) return `工作日历未采用  ${source}\n  ${c.problem}\n`;
  return c.changed ? `工作日历已更新：${c.years.join('、')} 年节假日安排（${c.source}）\n` : `工作日历未变化（${c.years.join('、')} 年）\n`;
}

function countsLine(c: BundleReport['counts']): string {
  return [`已导入 ${c.taken} 件`, c.unchanged ? `已是最新 ${c.unchanged} 件` : '', c.refused ? `未导入 ${c.refused} 件` : ''].filter(Boolean).join('，');
}

export async function importCommand(open: () => Workstation, paths: string[], opts: { json: boolean }, io: Io): Promise<number> {
  if (!paths.length) {
    io.err('用法：fashen import <案卷包…>\n');
    return 2;
  }
  const ws = open();
  try {
    const outcomes: ImportOutcome[] = [];
    let calendarRefused = false;
    for (const path of paths) {
      const r = await importBundleInto(ws, path);
      outcomes.push(...r.outcomes);
      // A folder's bundles each say their own signature and calendar, under their file name.
      const reports = r.bundles ?? [{ source: path, calendar: r.calendar, ...(r.central ? { central: r.central } : {}) }];
      for (const b of reports) {
        if ('counts' in b) io[opts.json ? 'err' : 'out'](`交换包 ${b.source}：${b.refusal ? '整包未导入（原因见“导入失败”）' : countsLine(b.counts)}\n`);
        if (b.central?.verified) {
          io[opts.json ? 'err' : 'out'](`中心系统签名已核验（为 ${b.central.reviewer} 制作）；带回的答复：${answerCounts(b.central.answers)}\n`);
          if (b.central.warning) io.err(`注意：${b.central.warning}\n`);
        } else if (b.central) io.err(`${b.central.note}\n`);
        if (b.calendar) {
          (opts.json || !b.calendar.taken ? io.err : io.out)(calendarLine(b.calendar, b.source));
          calendarRefused ||= !b.calendar.taken;
        }
      }
    }
    if (opts.json) io.out(`${JSON.stringify(outcomes, null, 2)}\n`);
    else
      for (const o of outcomes) {
        // One line a case; what is worth knowing about it (work kept as 上一轮, an older revision left alone) goes with its label.
        if (o.ok) io.out(`${o.action === 'imported' ? '已导入' : o.action === 'new_round' ? '新一轮' : '未变化'}${o.note ? `：${o.note}` : ''}  ${o.caseNumber}  ${o.source}\n`);
        else {
          io.err(`导入失败  ${o.source}\n  ${o.error}\n`);
          for (const d of o.details ?? []) io.err(`    - ${d}\n`);
        }
      }
    return outcomes.every((o) => o.ok) && !calendarRefused ? 0 : 1;
  } finally {
    ws.close();
  }
}
