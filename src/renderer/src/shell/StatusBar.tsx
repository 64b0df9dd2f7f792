// Bottom status bar: sync state (opens the sync panel), shell, data folder, case count, cache
// encryption (opens 设置), signing key and 验证签名文件, today (from app.info), 快捷键 (the overview).
import type { AppInfo } from '../../../shared/api/app';
import { weekday } from '../../../shared/format/date';
import { SHELL_LABEL, weekdayLabel } from '../lib/labels';
import { OpinionStatus } from '../opinion/OpinionStatus';
import { SyncStatus } from '../sync/SyncStatus';
import { CacheStatus } from '../lock/CacheStatus';
import { openShortcuts } from './ShortcutsDialog';
import { shortcutTip } from '../lib/shortcuts';

interface Props {
  info: AppInfo | null;
  error: string | null;
  /** 打开案卷 from the sync panel. */
  onOpenCase: (caseId: string) => void;
  /** A sync (or an imported bundle) may have changed cases. */
  onCasesChanged: () => void;
}

export function StatusBar({ info, error, onOpenCase, onCasesChanged }: Props) {
  if (!info) {
    return (
      <footer className="status-bar" data-testid="status-bar">
        <span className={error ? 't-fail' : 'muted'}>{error ?? '正在连接工作台后端…'}</span>
      </footer>
    );
  }
  const years = yearRanges(info.calendarYears);
  const gap = calendarGap(info.today, info.calendarYears);
  return (
    <footer className="status-bar" data-testid="status-bar">
      <SyncStatus dataDir={info.dataDir} onOpenCase={onOpenCase} onChanged={onCasesChanged} />
      <span>{SHELL_LABEL[info.shell]}</span>
      <span className="ellipsis" title={info.dataDir}>
        数据目录 {info.dataDir}
      </span>
      <span className="num">案件 {info.caseCount}</span>
      <span className="spacer" />
      <CacheStatus />
      <OpinionStatus />
      <span className={gap ? 'num t-warn' : 'num'} title={`节假日日历覆盖年份 ${years}\n数据来源：${info.calendarSource}${gap ? `\n${gap.title}` : ''}`} data-testid="calendar-years">
        工作日历 {years}
        {gap ? ` · ${gap.label}` : ''}
      </span>
      <span className="num">
        今天 {info.today} {weekdayLabel(weekday(info.today))}
      </span>
      <span className="num">v{info.version}</span>
      <button type="button" className="sb-button" title={shortcutTip('shortcuts', '快捷键一览')} onClick={openShortcuts} data-testid="status-shortcuts">
        快捷键
      </button>
    </footer>
  );
}

/**
 * Deadlines reach into the next year from December on (10 working days for the review, 20 for
 * publication): without its holiday schedule they are counted by weekends and the statutory holidays
 * only (no 调休). Said here, where the reviewer sees it every day, not only in each deadline's warning.
 */
function calendarGap(today: string, years: number[]): { label: string; title: string } | null {
  const y = Number(today.slice(0, 4));
  const next = today.slice(5, 7) === '12' ? y + 1 : null;
  const missing = !years.includes(y) ? y : next !== null && !years.includes(next) ? next : null;
  if (missing === null) return null;
  return {
    label: `${missing}年未覆盖`,
    title: `${missing}年节假日安排尚未收到：落在${missing}年的期限暂按周末和法定节假日推算（调休未计）。中心系统发布后，下次同步（或导入带工作日历的交换包）时自动更新。`,
  };
}

/** 2004–2026、2099: runs of consecutive years (a year pushed on its own is not shown as covering the gap). */
function yearRanges(years: number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (!sorted.length) return '无';
  const runs: string[] = [];
  let start = sorted[0]!;
  let prev = start;
  for (const y of [...sorted.slice(1), Number.NaN]) {
    if (y === prev + 1) {
      prev = y;
      continue;
    }
    runs.push(start === prev ? String(start) : `${start}–${prev}`);
    start = prev = y;
  }
  return runs.join('、');
}
