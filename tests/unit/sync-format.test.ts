// The sync status line and the running-sync figures as the reviewer reads them (renderer/sync/format).
import { describe, expect, it } from 'vitest';
import type { OutboxEntryView, SyncProgress, SyncStatusView } from '../../src/shared/api/sync';
import { autoText, entryLabel, formatBytes, formatRemaining, formatWhen, laterText, progressText, syncLine } from '../../src/renderer/src/sync/format';

// 2026-11-23 15:00 in China.
const NOW = new Date('2026-11-23T07:00:00.000Z');

function view(patch: Partial<SyncStatusView> = {}): SyncStatusView {
  return {
    state: '已同步',
    pending: 0,
    attention: 0,
    lastSyncAt: '2026-11-23T06:05:00.000Z',
    lastError: null,
    server: 'http://central.example:8080',
    line: '已同步',
    login: { server: 'http://central.example:8080', user: 'alice' },
    lastOutcome: 'synced',
    queued: [],
    needsAttention: [],
    refused: [],
    auto: null,
    ...patch,
  };
}

const pulling = (p: Partial<SyncProgress>): SyncProgress => ({ phase: 'pull', filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, speed: 0, remaining: null, label: '', ...p });

describe('status line', () => {
  it('says when the last sync ended, in China time; pending entries follow', () => {
    expect(syncLine(view(), null, false, NOW)).toMatchObject({ kind: 'synced', text: '已同步（14:05）', tone: 'ok' });
    expect(syncLine(view({ lastSyncAt: '2026-11-20T01:30:00.000Z' }), null, false, NOW).text).toBe('已同步（11-20 09:30）');
    expect(syncLine(view({ lastSyncAt: '2025-12-31T15:00:00.000Z' }), null, false, NOW).text).toBe('已同步（2025-12-31 23:00）');
    // New Year's night in China is already this year (UTC still says last year).
    expect(syncLine(view({ lastSyncAt: '2025-12-31T17:00:00.000Z' }), null, false, NOW).text).toBe('已同步（01-01 01:00）');
    const pending = syncLine(view({ pending: 2 }), null, false, NOW);
    expect(pending.text).toBe('已同步（14:05） · 2 项待发送');
    expect(pending.tone).toBe('');
  });

  it('not logged in wins over any earlier state; logged in but never synced says so', () => {
    expect(syncLine(view({ login: null, state: '出错', lastError: 'x' }), null, false, NOW)).toMatchObject({ kind: 'logged-out', text: '未登录中心系统' });
    expect(syncLine(view({ lastOutcome: null, state: '离线', lastSyncAt: null }), null, false, NOW).text).toBe('尚未同步');
    expect(syncLine(view({ lastOutcome: null, state: '离线', lastSyncAt: null, pending: 1 }), null, false, NOW).text).toBe('尚未同步（1 项待发送）');
  });

  it('offline, cancelled and error lines carry the count or the reason', () => {
    expect(syncLine(view({ state: '离线', lastOutcome: 'offline', pending: 3, lastError: '无法连接中心系统 10.1.2.3:443：连接超时（网络不通或服务器无响应） [ETIMEDOUT]' }), null, false, NOW)).toMatchObject({
      kind: 'offline',
      text: '离线（3 项待发送）',
      tone: 'warn',
      title: '无法连接中心系统 10.1.2.3:443：连接超时（网络不通或服务器无响应） [ETIMEDOUT]',
    });
    expect(syncLine(view({ state: '离线', lastOutcome: 'offline' }), null, false, NOW).text).toBe('离线');
    expect(syncLine(view({ state: '离线', lastOutcome: 'cancelled', pending: 1 }), null, false, NOW)).toMatchObject({ kind: 'cancelled', text: '同步已取消（1 项待发送）' });
    expect(syncLine(view({ state: '出错', lastOutcome: 'error', lastError: '登录已失效' }), null, false, NOW)).toMatchObject({ kind: 'error', text: '出错（登录已失效）', tone: 'fail' });
    expect(syncLine(view({ state: '出错', lastOutcome: 'error', lastError: null }), null, false, NOW).text).toBe('出错（原因不明）');
  });

  it('while running: the phase, then files, speed and time remaining', () => {
    expect(syncLine(view(), null, true, NOW).text).toBe('同步中（连接中心系统）');
    expect(syncLine(view(), { ...pulling({}), phase: 'push', label: '发送待发送的提交' }, true, NOW).text).toBe('同步中（发送待发送的提交）');
    expect(syncLine(view(), pulling({ filesDone: 3, filesTotal: 12, speed: 1.5 * 1024 * 1024, remaining: 8 }), true, NOW).text).toBe('同步中（文件 3/12，1.5 MB/s，剩余 8 秒）');
    expect(syncLine(view({ state: '同步中' }), pulling({ filesDone: 0, filesTotal: 4 }), false, NOW).text).toBe('同步中（文件 0/4，剩余时间估算中）');
    expect(progressText(pulling({ filesDone: 4, filesTotal: 4, speed: 2048, remaining: 0 }))).toBe('文件 4/4，2.0 KB/s');
    expect(progressText(pulling({ label: '接收案件' }))).toBe('接收案件');
  });
});

describe('figures', () => {
  it('bytes, remaining time, timestamps', () => {
    expect([0, 1023, 1536, 20 * 1024, 5.25 * 1024 * 1024, 3 * 1024 ** 3].map(formatBytes)).toEqual(['0 B', '1023 B', '1.5 KB', '20 KB', '5.3 MB', '3.00 GB']);
    expect(formatBytes(-1)).toBe('—');
    expect([0, 0.2, 59, 60, 125, 600, 3599, 3600, 4800].map(formatRemaining)).toEqual(['0 秒', '1 秒', '59 秒', '1 分', '2 分 5 秒', '10 分', '59 分', '1 小时', '1 小时 20 分']);
    expect(formatWhen('2026-11-23T15:59:00.000Z', NOW)).toBe('23:59');
    expect(formatWhen('2026-11-22T15:59:00.000Z', NOW)).toBe('11-22 23:59');
    // Past midnight in China is another day even where UTC is not.
    expect(formatWhen('2026-11-22T16:30:00.000Z', NOW)).toBe('00:30');
  });

  it('entries and what followed them', () => {
    const e: Pick<OutboxEntryView, 'kind' | 'round' | 'version'> = { kind: 'opinion', round: 2, version: 1 };
    expect(entryLabel(e)).toBe('审核意见书 第2轮 第1版');
    expect(entryLabel({ kind: 'minutes', round: 1, version: 3 })).toBe('集体讨论记录 第1轮');
    expect(entryLabel({ kind: 'opinion', round: null, version: null })).toBe('审核意见书');
    expect(laterText(null)).toBeNull();
    expect(laterText({ id: 'x', state: 'accepted', round: 2, version: 1 })).toBe('已重新签署第2轮第1版（中心系统已接收）');
    expect(laterText({ id: 'x', state: 'queued', round: null, version: 2 })).toBe('已重新签署第2版（待发送）');
    expect(laterText({ id: 'x', state: 'rejected', round: null, version: null })).toBe('已重新签署新的提交（被退回）');
  });
});

describe('autoText (the panel’s 自动同步 row)', () => {
  it('says when the next run is due, in China time', () => {
    expect(autoText(view({ auto: { enabled: true, nextAt: '2026-11-23T07:15:00.000Z' } }), false)).toBe('已开启 · 下次约 15:15');
  });
  it('while a run goes on, or logged out, or off', () => {
    expect(autoText(view({ auto: { enabled: true, nextAt: null } }), true)).toBe('已开启 · 正在同步');
    expect(autoText(view({ auto: { enabled: false, nextAt: null } }), false)).toBe('已关闭（仅手动同步）');
    expect(autoText(view({ auto: { enabled: true, nextAt: '2026-11-23T07:15:00.000Z' }, login: null }), false)).toBe('登录后自动同步');
    expect(autoText(view({ auto: null }), false)).toBe('未开启（仅手动同步）');
  });
  it('offline: the next try, and that it keeps trying', () => {
    expect(autoText(view({ auto: { enabled: true, nextAt: '2026-11-23T07:02:00.000Z' }, state: '离线', pending: 1, lastOutcome: 'offline' }), false)).toBe('已开启 · 连接恢复后自动发送，下次尝试约 15:02');
  });
});
