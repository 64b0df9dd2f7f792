// Bottom status bar: shell, data folder, case count, signing key and 验证签名文件, today (from app.info).
import type { AppInfo } from '../../../shared/api/app';
import { weekday } from '../../../shared/format/date';
import { SHELL_LABEL, weekdayLabel } from '../lib/labels';
import { OpinionStatus } from '../opinion/OpinionStatus';

export function StatusBar({ info, error }: { info: AppInfo | null; error: string | null }) {
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
      <span>{SHELL_LABEL[info.shell]}</span>
      <span className="ellipsis" title={info.dataDir}>
        数据目录 {info.dataDir}
      </span>
      <span className="num">案件 {info.caseCount}</span>
      <span className="spacer" />
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
