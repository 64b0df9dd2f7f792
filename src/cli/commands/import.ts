// `fashen import <案卷包…>`: each path as the app's 导入 takes it — a package (folder or .zip) or a
// bundle of packages from the central system (`fashen central bundle`), whose calendar.json is
// taken as the app takes it. --json prints the packages' outcomes (the stable array); a calendar
// line goes to stderr then.
import type { Io } from '../main';
import type { ImportOutcome } from '../../shared/api/cases';
import type { BundleCalendar, BundleImport, BundleReport } from '../../shared/api/sync';
import { ApiFailure } from '../../shared/api/result';
import { readPassphrase } from '../secret';
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

/**
 * One path: a sealed bundle is opened with the passphrase from --passphrase-env, else typed in a
 * terminal (asked once, only when one is met); missing or wrong, the path is refused, nothing imported.
 */
async function importOne(ws: Workstation, path: string, passphrase: () => Promise<string>): Promise<BundleImport> {
  try {
    return await importBundleInto(ws, path);
  } catch (err) {
    if (!(err instanceof ApiFailure) || err.error.code !== 'passphrase_required') throw err;
  }
  let pass: string;
  try {
    pass = await passphrase();
  } catch (err) {
    return { outcomes: [{ source: path, ok: false, whole: true, error: `此案卷交换包已加密：${(err as Error).message}` }], calendar: null };
  }
  try {
    return await importBundleInto(ws, path, undefined, pass);
  } catch (err) {
    if (!(err instanceof ApiFailure) || err.error.code !== 'passphrase_required') throw err;
    return { outcomes: [{ source: path, ok: false, whole: true, error: `${err.message}，未导入任何内容` }], calendar: null };
  }
}

export async function importCommand(open: () => Workstation, paths: string[], opts: { json: boolean; passphraseEnv?: string | undefined }, io: Io): Promise<number> {
  if (!paths.length) {
    io.err('用法：fashen import <案卷包…> [--passphrase-env <环境变量>]\n');
    return 2;
  }
  let asked: Promise<string> | undefined;
  const passphrase = () => (asked ??= readPassphrase(opts.passphraseEnv, '案卷交换包口令：'));
  const ws = open();
  try {
    const outcomes: ImportOutcome[] = [];
    let calendarRefused = false;
    for (const path of paths) {
      const r = await importOne(ws, path, passphrase);
      outcomes.push(...r.outcomes);
      // A folder's bundles each say their own signature and calendar, under their file name.
      const reports = r.bundles ?? [{ source: path, calendar: r.calendar, ...(r.central ? { central: r.central } : {}) }];
      for (const b of reports) {
        if ('counts' in b) io[opts.json ? 'err' : 'out'](`交换包 ${b.source}：${b.refusal ? '整包未导入（原因见“导入失败”）' : countsLine(b.counts)}\n`);
        if (('counts' in b ? b.encrypted : r.encrypted) === false)
          io.err(`注意：${b.source} 是未加密的交换包（中心系统旧版本制作，或制作时用了 --plain）：其中的个人信息在 U 盘上是明文，导入后请删除 U 盘上的文件\n`);
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
    else {
      // The reason of the failure before, when it had no details: cases refused alike (a full disk) say it once.
      let said: string | null = null;
      for (const o of outcomes) {
        // One line a case; what is worth knowing about it (work kept as 上一轮, an older revision left alone) goes with its label.
        if (o.ok) io.out(`${o.action === 'imported' ? '已导入' : o.action === 'new_round' ? '新一轮' : '未变化'}${o.note ? `：${o.note}` : ''}  ${o.caseNumber}  ${o.source}\n`);
        else if (o.error === said && !o.details?.length) io.err(`导入失败  ${o.source}（原因同上）\n`);
        else {
          io.err(`导入失败  ${o.source}\n  ${o.error}\n`);
          for (const d of o.details ?? []) io.err(`    - ${d}\n`);
        }
        said = o.ok || o.details?.length ? null : (o.error ?? null);
      }
    }
    return outcomes.every((o) => o.ok) && !calendarRefused ? 0 : 1;
  } finally {
    ws.close();
  }
}
