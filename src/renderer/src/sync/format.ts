// The sync status line and the figures of a running sync, in the reviewer's words:
//   未登录中心系统 · 尚未同步 · 已同步（14:05） · 同步中（文件 3/12，1.2 MB/s，剩余 8 秒）
//   · 离线（2 项待发送） · 同步已取消 · 出错（原因）
// Pure functions (tested in tests/unit/sync-format.test.ts); times in China time.
import type { OutboxEntryView, SyncProgress, SyncStatusView } from '../../../shared/api/sync';
import { SUBMISSION_KIND_LABEL } from '../../../shared/sync/answer-labels';
import { formatBytes } from '../../../shared/format/bytes';
import { chinaDateTime, chinaTime } from '../../../shared/format/date';

export type LineKind = 'loading' | 'logged-out' | 'never' | 'running' | 'synced' | 'offline' | 'cancelled' | 'error';

export interface SyncLine {
  kind: LineKind;
  text: string;
  /** Colour by meaning only: ok green, warn amber, fail red. */
  tone: 'ok' | 'warn' | 'fail' | '';
  /** The full text for the tooltip (the line itself may be cut short). */
  title: string;
}

export { formatBytes };

export const formatSpeed = (bytesPerSecond: number) => `${formatBytes(Math.round(bytesPerSecond))}/s`;

/** 8 秒 · 2 分 5 秒 · 12 分 · 1 小时 20 分 */
export function formatRemaining(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} 秒`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 ? `${m} 分 ${s % 60} 秒` : `${m} 分`;
  if (m < 60) return `${m} 分`;
  return `${Math.floor(m / 60)} 小时${m % 60 ? ` ${m % 60} 分` : ''}`;
}

/** 14:05 today (China time), 11-20 14:05 this year, else 2025-12-30 14:05. */
export function formatWhen(iso: string, now: Date): string {
  const at = chinaDateTime(iso);
  const today = chinaDateTime(now);
  if (at.slice(0, 10) === today.slice(0, 10)) return at.slice(11);
  if (at.slice(0, 4) === today.slice(0, 4)) return at.slice(5);
  return at;
}

/** What the run is doing right now, for the line and the panel. */
export function progressText(p: SyncProgress | null): string {
  if (!p || p.phase === 'push') return p?.label || '连接中心系统';
  if (p.phase === 'done') return '正在完成';
  if (p.filesTotal === 0) return p.label || '接收案件';
  const parts = [`文件 ${p.filesDone}/${p.filesTotal}`];
  if (p.speed > 0) parts.push(formatSpeed(p.speed));
  if (p.filesDone < p.filesTotal) parts.push(p.remaining === null ? '剩余时间估算中' : `剩余 ${formatRemaining(p.remaining)}`);
  return parts.join('，');
}

const pendingText = (n: number) => (n ? `${n} 项待发送` : '');

export function syncLine(view: SyncStatusView | null, progress: SyncProgress | null, running: boolean, now: Date): SyncLine {
  if (!view) return { kind: 'loading', text: '同步状态读取中…', tone: '', title: '' };
  if (running || view.state === '同步中') {
    const text = `同步中（${progressText(progress)}）`;
    return { kind: 'running', text, tone: '', title: text };
  }
  if (!view.login) return { kind: 'logged-out', text: '未登录中心系统', tone: '', title: '尚未登录中心系统：登录后才能同步案卷和发送签署的意见书' };
  const pending = pendingText(view.pending);
  const withPending = (base: string) => (pending ? `${base}（${pending}）` : base);
  if (view.lastOutcome === null) {
    const text = withPending('尚未同步');
    return { kind: 'never', text, tone: '', title: `${text} — 点击打开同步面板` };
  }
  switch (view.state) {
    case '已同步': {
      const when = view.lastSyncAt ? formatWhen(view.lastSyncAt, now) : '';
      const text = `已同步${when ? `（${when}）` : ''}${pending ? ` · ${pending}` : ''}`;
      return { kind: 'synced', text, tone: pending ? '' : 'ok', title: view.lastSyncAt ? `上次同步 ${chinaDateTime(view.lastSyncAt)}` : text };
    }
    case '出错': {
      const reason = view.lastError ?? '原因不明';
      return { kind: 'error', text: `出错（${reason}）`, tone: 'fail', title: `同步出错：${reason}` };
    }
    default: {
      if (view.lastOutcome === 'cancelled') {
        const text = withPending('同步已取消');
        return { kind: 'cancelled', text, tone: pending ? 'warn' : '', title: `${text}；已完成的部分已保存，下次同步继续` };
      }
      const text = withPending('离线');
      return { kind: 'offline', text, tone: 'warn', title: view.lastError ?? text };
    }
  }
}

/** 审核意见书 第1轮 第2版 · 集体讨论记录 第1轮 (the kind's word as the central CLI and the meeting screens say it) */
export function entryLabel(e: Pick<OutboxEntryView, 'kind' | 'round' | 'version'>): string {
  const parts = [SUBMISSION_KIND_LABEL[e.kind]];
  if (e.round !== null) parts.push(`第${e.round}轮`);
  if (e.version !== null && e.kind === 'opinion') parts.push(`第${e.version}版`);
  return parts.join(' ');
}

const LATER_STATE: Record<NonNullable<OutboxEntryView['later']>['state'], string> = {
  queued: '待发送',
  sent: '已发送',
  accepted: '中心系统已接收',
  rejected: '被退回',
  stale: '已过时',
};

/** What happened after a stale or rejected submission: 已重新签署第2版（中心系统已接收）. */
export function laterText(later: OutboxEntryView['later']): string | null {
  if (!later) return null;
  const what = later.version !== null ? `第${later.round !== null ? `${later.round}轮第` : ''}${later.version}版` : '新的提交';
  return `已重新签署${what}（${LATER_STATE[later.state]}）`;
}

/** The 自动同步 row: on or off, and when the next run is due (China time). */
export function autoText(view: Pick<SyncStatusView, 'auto' | 'login' | 'state' | 'lastOutcome'>, running: boolean): string {
  if (!view.auto) return '未开启（仅手动同步）';
  if (!view.auto.enabled) return '已关闭（仅手动同步）';
  if (!view.login) return '登录后自动同步';
  if (running || !view.auto.nextAt) return '已开启 · 正在同步';
  const at = chinaTime(view.auto.nextAt);
  const down = view.lastOutcome === 'offline' || view.lastOutcome === 'error';
  return down ? `已开启 · 连接恢复后自动发送，下次尝试约 ${at}` : `已开启 · 下次约 ${at}`;
}
