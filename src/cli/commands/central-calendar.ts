// `fashen central calendar set|show|withdraw`: the working-day calendar the central system hands to
// every workstation (routes/calendar-admin.ts). A publication adds or replaces the years it names;
// the admin is told which years are now published and where a year differs from the app's own data.
import { readFileSync } from 'node:fs';
import { checkCalendarFile, datesInYear, readCalendarFile, type CalendarFile } from '../../shared/calendar/calendar-file';
import { CalendarPublishAnswer } from '../../shared/calendar/publish';
import type { Io } from '../main';
import { CentralError, UsageError, type CentralClient } from './central-client';

export const CALENDAR_USAGE = `  fashen central calendar set <calendar.json>   发布工作日历（国务院节假日安排；所列年份新增或替换，其余年份保留），工作站下次同步时更新
  fashen central calendar show [--json]          查看中心系统已发布的工作日历
  fashen central calendar withdraw <年份>        撤回已发布的某一年（工作站改按程序内置的安排计算该年）`;

type Session = <T>(run: (c: CentralClient) => Promise<T>) => Promise<T>;

function parseAnswer(body: unknown): CalendarPublishAnswer {
  const r = CalendarPublishAnswer.safeParse(body);
  if (!r.success) throw new CentralError('中心系统的回答格式不正确', null);
  return r.data;
}

function printPublished(a: CalendarPublishAnswer, io: Io, json: boolean): void {
  if (json) {
    io.out(`${JSON.stringify(a, null, 2)}\n`);
    return;
  }
  for (const d of a.differsFromBuiltIn) {
    if (d.days > 0) io.err(`注意：${d.year} 年与程序内置的节假日安排（${d.builtInSource}）有 ${d.days} 天不同；各工作站将按中心系统发布的计算该年期限，若非更正请撤回（fashen central calendar withdraw ${d.year}）\n`);
  }
}

function yearCounts(f: CalendarFile): string[] {
  return f.years.map((y) => `${y} 年：节假日 ${datesInYear(f.holidays, y).length} 天，调休上班日 ${datesInYear(f.workdays, y).length} 天（${f.sources?.[String(y)] ?? f.source}）`);
}

export async function calendarCommand(args: string[], session: Session, io: Io, json: boolean): Promise<number> {
  const [verb, arg] = args;
  if (verb === 'set' && arg && args.length === 2) {
    let text: string;
    try {
      text = readFileSync(arg, 'utf8');
    } catch (err) {
      throw new UsageError(`无法读取 ${arg}：${(err as Error).message}`);
    }
    // Checked here as well, so a mistake is shown with its reasons before anything is sent.
    const read = readCalendarFile(text);
    if (!read.ok) throw new CentralError(`工作日历数据无效（${arg}）`, null, read.problems);
    const a = parseAnswer(await session(async (c) => (await c.request('PUT', '/v1/admin/calendar', { json: read.file })).body));
    if (!json) io.out(`已发布工作日历：${a.years.join('、')} 年（${a.source}）；中心系统现发布 ${a.published.join('、')} 年；各工作站下次同步时更新\n`);
    printPublished(a, io, json);
    return 0;
  }
  if (verb === 'withdraw' && arg && args.length === 2) {
    if (!/^\d{4}$/.test(arg)) throw new UsageError(`年份不正确：${arg}`);
    const a = parseAnswer(await session(async (c) => (await c.request('DELETE', `/v1/admin/calendar/years/${arg}`)).body));
    if (json) io.out(`${JSON.stringify(a, null, 2)}\n`);
    else io.out(`已撤回 ${arg} 年的工作日历；中心系统现发布 ${a.published.join('、')} 年；各工作站下次同步后按程序内置的安排计算 ${arg} 年（无内置安排时按周末和法定节假日推算并提示）\n`);
    return 0;
  }
  if (verb === 'show' && args.length === 1) {
    const r = await session((c) => c.request<unknown>('GET', '/v1/calendar', { ok: [404] }));
    if (r.status === 404) {
      if (json) io.out('null\n');
      else io.out('中心系统尚未发布工作日历（各工作站按程序内置的节假日安排计算）\n');
      return 0;
    }
    const read = checkCalendarFile(r.body);
    if (!read.ok) throw new CentralError('中心系统的工作日历数据无效', null, read.problems);
    if (json) io.out(`${JSON.stringify({ years: read.file.years, source: read.file.source }, null, 2)}\n`);
    else io.out(`中心系统已发布的工作日历：\n${yearCounts(read.file).map((l) => `  ${l}\n`).join('')}`);
    return 0;
  }
  throw new UsageError(`用法：\n${CALENDAR_USAGE}`);
}
