// Bottom status bar: sync state (opens the sync panel), shell, data folder, case count, cache
// encryption (opens 设置), signing key and 验证签名文件, today (from app.info).
import type { AppInfo } from '../../../shared/api/app';
import { weekday } from '../../../shared/format/date';
import { SHELL_LABEL, weekdayLabel } from '../lib/labels';
import { OpinionStatus } from '../opinion/OpinionStatus';
import { SyncStatus } from '../sync/SyncStatus';
import { CacheStatus } from '../lock/CacheStatus';

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
  const years = info.calendarYears.length ? `${Math.min(...info.calendarYears)}–${Math.max(...info.calendarYears)}` : '无';
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
      <span className="num" title="节假日日历覆盖年份">
        工作日历 {years}
      </span>
      <span className="num">
        今天 {info.today} {weekdayLabel(weekday(info.today))}
      </span>
      <span className="num">v{info.version}</span>
    </footer>
  );
}
