// Sync status as the reviewer sees it (状态栏 and `fashen sync`): one line, same wording everywhere.
//   已同步 · 拉取 3 个案件 · 发送 2 件 | 同步中 | 离线（2 项待发送） | 出错（原因）

import type { ReturnedSubmission } from './returned';

export type SyncState = '已同步' | '同步中' | '离线' | '出错';

export interface SyncStatus {
  state: SyncState;
  /** Outbox entries still waiting for the central system's confirmation. */
  pending: number;
  /** Submissions the central system answered 退回 (rejected) or 已过时 (stale): they stay visible. */
  attention: number;
  /** End of the last complete sync (ISO), null before the first. */
  lastSyncAt: string | null;
  /** zh-CN reason of the last failed sync (or of refused feed entries), null when none. */
  lastError: string | null;
  /** The central system's address, null when not logged in. */
  server: string | null;
}

/** What one sync did (counts for the status line and `fashen sync --json`). */
export interface SyncSummary {
  /** Cases imported or brought to a new revision (new round). */
  pulled: number;
  /** Submissions the server confirmed in this run (accepted, also as a repeat). */
  sent: number;
  stale: number;
  rejected: number;
  /** Feed entries refused (malformed package, conflicting revision): reported, not imported. */
  refused: number;
  /** Cases no longer assigned to this reviewer (kept, marked unavailable). */
  unassigned: number;
  /** Their 案号 (each once): reassigned to another reviewer, no longer to be concluded or signed here. */
  reassignedCases?: string[];
  bytes: number;
  /** Reviewer keys registered with the central system in this run. */
  enrolled?: number;
  /** Submissions given an RFC 3161 timestamp before their first send. */
  stamped?: number;
  /** Submissions sent (or about to be) without a timestamp because no TSA is configured. */
  unstamped?: number;
  /** Years of a working-day calendar update taken from the central system in this run (deadlines may move). */
  calendarUpdated?: number[];
  /** Where that update says it comes from (the State Council notice). */
  calendarSource?: string;
}

export interface SyncProgress {
  phase: 'push' | 'pull' | 'done';
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  /** Bytes per second over the last few seconds. */
  speed: number;
  /** Seconds left at the current speed, null when unknown. */
  remaining: number | null;
  label: string;
}

export function statusLine(status: SyncStatus, summary?: SyncSummary | null): string {
  switch (status.state) {
    case '同步中':
      return '同步中';
    case '离线':
      return status.pending ? `离线（${status.pending} 项待发送）` : '离线';
    case '出错':
      return `出错（${status.lastError ?? '原因不明'}）`;
    case '已同步': {
      const parts: string[] = ['已同步'];
      if (summary?.pulled) parts.push(`拉取 ${summary.pulled} 个案件`);
      if (summary?.sent) parts.push(`发送 ${summary.sent} 件`);
      if (summary?.stale) parts.push(`${summary.stale} 件已过时（案件已更新）`);
      if (summary?.rejected) parts.push(`${summary.rejected} 件被退回`);
      if (summary?.refused) parts.push(`${summary.refused} 个案卷包被拒收`);
      if (summary?.unassigned) parts.push(reassignedText(summary));
      if (summary?.unstamped) parts.push(`${summary.unstamped} 件未加盖时间戳（未配置时间戳服务）`);
      if (status.pending) parts.push(`${status.pending} 项待发送`);
      return parts.join(' · ');
    }
  }
}

/** 1 件案件已改派给其他审核员（马市监处罚〔2026〕204号）: the first few 案号, the count exact. */
function reassignedText(s: SyncSummary): string {
  const numbers = s.reassignedCases ?? [];
  const n = numbers.length || s.unassigned;
  const shown = numbers.slice(0, 3).join('、');
  return `${n} 件案件已改派给其他审核员${shown ? `（${shown}${numbers.length > 3 ? ' 等' : ''}）` : ''}`;
}

/** The line with what the status bar shows beside it: 已同步 · 1 件需处理 (stale or rejected submissions not yet dealt with). */
export function withAttention(line: string, status: Pick<SyncStatus, 'attention'>): string {
  return status.attention ? `${line} · ${status.attention} 件需处理` : line;
}

export type SyncOutcome = 'synced' | 'offline' | 'error' | 'cancelled';

/** A feed entry the workstation refused to import (kept so the reviewer can be told why). */
export interface RefusedEntry {
  seq: number;
  caseId: string;
  revision: number;
  reason: string;
  details: string[];
  at: string;
}

export interface SyncRunResult {
  outcome: SyncOutcome;
  summary: SyncSummary;
  status: SyncStatus;
  /** The status line, e.g. 已同步 · 拉取 3 个案件 · 发送 2 件 */
  line: string;
  refused: RefusedEntry[];
  /** Outbox entries left queued for a reason other than the network (and keys the central system refused). */
  problems: string[];
  /** Worth telling, not errors: keys registered, revocations reported, entries sent without a timestamp. */
  notes?: string[];
  /** Submissions the central system answered 退回 or 已过时 in this run, in the order sent. */
  returned?: ReturnedSubmission[];
}
