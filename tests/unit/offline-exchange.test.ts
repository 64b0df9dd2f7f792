// The sync panel's 导入案卷包 in the renderer: after a bundle is taken the status is read again at
// once (the answers it carried settled outbox entries: 待发送 must drop now, not after a reload), and
// the import result says, one line a case, what is worth knowing about the cases that came in or
// were left alone. (No DOM here: the result is rendered to markup; the Api and store are stand-ins.)
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ImportOutcome } from '../../src/shared/api/cases';
import type { BundleImport } from '../../src/shared/api/sync';

const answered: BundleImport = { outcomes: [], calendar: null, central: { verified: true, reviewer: 'alice', createdAt: '2026-12-03T08:00:00Z', answers: { accepted: 1, stale: 0, rejected: 0 } } };
const calls = vi.hoisted(() => ({ api: [] as unknown[], changed: 0, refresh: 0 }));

vi.mock('../../src/renderer/src/api', () => ({
  api: {
    call: async (...a: unknown[]) => {
      calls.api.push(a);
      return answered;
    },
    on: () => () => undefined,
  },
}));
vi.mock('../../src/renderer/src/sync/store', () => ({
  syncActions: {
    changed: () => void calls.changed++,
    refresh: async () => void calls.refresh++,
  },
}));

beforeEach(() => {
  calls.api.length = 0;
  calls.changed = 0;
  calls.refresh = 0;
});

describe('导入案卷包 (sync panel)', () => {
  it('reads the sync status again right after the import (the outbox answers it carried), and tells the case list', async () => {
    const { takeBundle } = await import('../../src/renderer/src/sync/OfflineExchange');
    expect(await takeBundle('/media/u/案卷交换包.zip')).toBe(answered);
    expect(calls.api).toEqual([['sync.importBundle', { path: '/media/u/案卷交换包.zip' }]]);
    expect(calls.changed).toBe(1);
    expect(calls.refresh).toBe(1);
  });
});

describe('the central system’s signature on the bundle', () => {
  it('verified, but whose the workstation is not known: a warning saying for whom it was made, not the green all-clear', async () => {
    const { CentralSigned } = await import('../../src/renderer/src/sync/OfflineExchange');
    const central = { verified: true as const, reviewer: 'bob', createdAt: '2026-12-03T08:00:00Z', answers: { accepted: 0, stale: 0, rejected: 0 } };
    expect(renderToStaticMarkup(createElement(CentralSigned, { central }))).toContain('ant-alert-success');
    const warned = renderToStaticMarkup(createElement(CentralSigned, { central: { ...central, warning: '本机未登录中心系统……它是为审核员 bob 制作的' } }));
    expect(warned).toContain('ant-alert-warning');
    expect(warned).not.toContain('ant-alert-success');
    expect(warned).toContain('它是为审核员 bob 制作的');
  });
});

describe('ImportResult', () => {
  const text = async (outcomes: ImportOutcome[]) => {
    const { ImportResult } = await import('../../src/renderer/src/queue/ImportResult');
    return renderToStaticMarkup(createElement(ImportResult, { outcomes })).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  };

  it('a new round over unfinished work and an older revision left alone: one line each; counted as imported and unchanged, not failed', async () => {
    const t = await text([
      { source: 'b/1', ok: true, caseId: 'c1', caseNumber: '测市监处罚〔2026〕1号', action: 'new_round', note: '第 1 轮尚未完成的审核记录已保留在“上一轮”中' },
      { source: 'b/2', ok: true, caseId: 'c2', caseNumber: '测市监处罚〔2026〕2号', action: 'unchanged', note: '本机已有更新的修订 2，交换包中的修订 1 较早，未导入（无需处理）' },
    ]);
    expect(t).toContain('已导入 1 个案卷，1 个已是最新');
    expect(t).not.toContain('失败');
    expect(t).toContain('测市监处罚〔2026〕1号 ：新一轮：第 1 轮尚未完成的审核记录已保留在“上一轮”中');
    expect(t).toContain('测市监处罚〔2026〕2号 ：本机已有更新的修订 2，交换包中的修订 1 较早，未导入（无需处理）');
  });

  it('a case that failed is counted once, by its case number', async () => {
    const t = await text([
      { source: 'b/1', ok: true, caseId: 'c1', caseNumber: '测市监处罚〔2026〕1号', action: 'imported' },
      { source: 'b/2', ok: false, caseId: 'c2', caseNumber: '测市监处罚〔2026〕2号', error: '案卷包文件校验失败（1 处问题）', details: ['文件校验值不符：evidence/a.pdf'] },
    ]);
    expect(t).toContain('已导入 1 个案卷，1 个失败');
    expect(t).toContain('测市监处罚〔2026〕2号 ：案卷包文件校验失败（1 处问题）');
  });

  it('names the case it imported, and several by 案号 after what happened to them (imported, already up to date)', async () => {
    const one = await text([{ source: '/stick/case-004', ok: true, caseId: 'c4', caseNumber: '测市监处罚〔2026〕4号', action: 'imported' }]);
    expect(one).toContain('已导入案卷 测市监处罚〔2026〕4号');
    const many = await text([
      { source: '/stick/1', ok: true, caseId: 'c1', caseNumber: '测市监处罚〔2026〕1号', action: 'imported' },
      { source: '/stick/2', ok: true, caseId: 'c2', caseNumber: '测市监处罚〔2026〕2号', action: 'unchanged' },
      { source: '/stick/3', ok: true, caseId: 'c3', caseNumber: '测市监处罚〔2026〕3号', action: 'new_round' },
      { source: '/stick/4', ok: false, error: '案卷包缺少 case.json' },
    ]);
    expect(many).toContain('已导入 2 个案卷，1 个已是最新，1 个失败');
    expect(many).toContain('/stick/4 ：案卷包缺少 case.json');
    expect(many).toContain('已导入： 测市监处罚〔2026〕1号、测市监处罚〔2026〕3号');
    expect(many).toContain('已是最新（未更改）： 测市监处罚〔2026〕2号');
  });

  const FULL = '导入失败：磁盘空间不足：数据目录所在磁盘仅剩 128.1 MB，需为数据库留出 128.0 MB，无法继续写入；请清理磁盘空间后重试，已完成的部分已保存';
  const numbered = (n: number, extra: Partial<ImportOutcome> = {}): ImportOutcome => ({ source: `/stick/${n}`, ok: true, caseId: `c${n}`, caseNumber: `测市监处罚〔2026〕${n}号`, action: 'imported', ...extra });

  it('cases refused for the same reason (a full disk): the reason once, then the cases; a failure with details of its own keeps its line', async () => {
    const t = await text([
      numbered(1),
      numbered(2, { ok: false, error: FULL }),
      numbered(3, { ok: false, error: '案卷包文件校验失败（1 处问题）', details: ['文件校验值不符：evidence/a.pdf'] }),
      numbered(4, { ok: false, error: FULL }),
      numbered(5, { ok: false, error: FULL }),
    ]);
    expect(t).toContain('已导入 1 个案卷，4 个失败');
    expect(t.split('磁盘空间不足')).toHaveLength(2);
    expect(t).toContain(`${FULL} 3 个： 测市监处罚〔2026〕2号、测市监处罚〔2026〕4号、测市监处罚〔2026〕5号`);
    expect(t).toContain('测市监处罚〔2026〕3号 ：案卷包文件校验失败（1 处问题） 文件校验值不符：evidence/a.pdf');
  });

  it('a thousand cases from a stick: the first twenty named, then how many in all', async () => {
    const t = await text([...Array.from({ length: 1000 }, (_, i) => numbered(i + 1)), ...Array.from({ length: 30 }, (_, i) => numbered(2000 + i, { ok: false, error: FULL }))]);
    expect(t).toContain('已导入 1000 个案卷，30 个失败');
    expect(t).toContain('测市监处罚〔2026〕19号、测市监处罚〔2026〕20号 等 1000 个');
    expect(t).not.toContain('测市监处罚〔2026〕21号');
    expect(t).toContain('30 个： 测市监处罚〔2026〕2000号、');
    expect(t).toContain('测市监处罚〔2026〕2019号 等 30 个');
    expect(t).not.toContain('测市监处罚〔2026〕2020号');
  });
});

describe('a folder of several central bundles', () => {
  it('one block per bundle: its file, its cases, its own signature and calendar — the second not hidden behind the first', async () => {
    const { BundleReports } = await import('../../src/renderer/src/sync/BundleResult');
    const verified = { verified: true as const, reviewer: 'alice', createdAt: '2026-12-03T08:00:00Z', answers: { accepted: 0, stale: 0, rejected: 0 } };
    const html = renderToStaticMarkup(
      createElement(BundleReports, {
        bundles: [
          { source: '/media/u/交换/1-上周.zip', calendar: { taken: true, years: [2099], source: '甲', changed: true }, central: verified, counts: { taken: 1, unchanged: 0, refused: 0 } },
          { source: '/media/u/交换/2-本周.zip', calendar: { taken: false, problem: '工作日历数据无效：2100年只列了 1 天节假日' }, central: { verified: false, note: '交换包的签名密钥不是本机上次同步时中心系统告知的' }, counts: { taken: 1, unchanged: 1, refused: 1 } },
          { source: '/media/u/交换/3.zip', calendar: null, counts: { taken: 0, unchanged: 0, refused: 1 }, refusal: '交换包的中心系统签名无效（签名不符），可能在途中被改动，未导入任何内容' },
        ],
      }),
    );
    const blocks = html.split('data-testid="sync-import-bundle"').slice(1).map((b) => b.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
    expect(blocks).toHaveLength(3);
    expect(blocks[0]).toContain('1-上周.zip 已导入 1 件');
    expect(blocks[0]).toContain('中心系统签名已核验（为 alice 制作）');
    expect(blocks[0]).toContain('工作日历已更新：2099 年节假日安排（甲）');
    expect(blocks[1]).toContain('2-本周.zip 已导入 1 件 · 已是最新 1 件 · 未导入 1 件');
    expect(blocks[1]).toContain('中心系统签名未能核验：交换包的签名密钥不是本机上次同步时中心系统告知的');
    expect(blocks[1]).toContain('工作日历未被采用，期限仍按原日历计算 工作日历数据无效：2100年只列了 1 天节假日');
    expect(blocks[2]).toContain('3.zip 整包未导入 交换包的中心系统签名无效（签名不符）');
    expect(blocks[2]).not.toContain('工作日历');
  });
});
