// The audit trail in the case view (审计记录), the approval asked for an export when the agency
// requires one, and crash reporting: a renderer error on file, the notice of the last error on
// the next start with 查看详情 / 知道了.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { spawnHost } from '../../scripts/host-process';
import type { Page } from '@playwright/test';
import { CrashLog, crashDir } from '../../src/main/services/crash/crash-log';
import { DEFAULT_LOCK_AFTER_MINUTES } from '../../src/main/services/lock/settings';
import { addDays, chinaToday } from '../../src/shared/format/date';
import { callApi, E2E_TODAY, expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';

test.describe('审计记录', () => {
  test('opening a case and an item shows in the case’s trail, with the chain intact', async ({ page, workstationUrl }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await expect(ws.queue.rows.first()).toBeVisible();
    await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
    await ws.caseFile.openItem('询问笔录');
    await ws.caseFile.pdf(0).waitRendered(1);
    await page.getByTestId('audit-open').click();
    const trail = page.getByTestId('audit-trail');
    await expect(trail.getByTestId('audit-chain')).toHaveAttribute('data-intact', 'true');
    await expect(trail.locator('[data-action="case.open"]').first()).toContainText('打开案件');
    const opened = trail.locator('[data-action="evidence.open"]').first();
    await expect(opened).toContainText('打开材料');
    await expect(opened).toContainText('询问笔录');
    await expect(trail.locator('[data-action="case.import"]')).toHaveCount(1);
    await ws.screenshot('audit-trail-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await ws.screenshot('audit-trail-1920');
  });

  test('设置 › 查看全部审计记录 lists the whole log with each entry’s case, one kind at a time', async ({ page, workstationUrl, workstationHost }) => {
    // The host is the worker's, shared with later specs: its lock time goes back to the default
    // afterwards, or a spec that comes more than 5 idle minutes later meets a locked workstation.
    try {
      await setLockAndReadLog(page, workstationUrl);
    } finally {
      await callApi(workstationHost, 'app.setLockAfter', { minutes: DEFAULT_LOCK_AFTER_MINUTES });
    }
  });

  async function setLockAndReadLog(page: Page, workstationUrl: string): Promise<void> {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await expect(ws.queue.rows.first()).toBeVisible();
    await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
    const caseNumber = (await page.getByTestId('case-header').locator('.case-number').textContent())!;
    await page.getByTestId('settings-open').first().click();
    await page.getByTestId('st-lock-after').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^5 分钟$/ }).click();
    await expect(page.getByTestId('st-lock-after')).toContainText('5 分钟');
    await page.getByTestId('audit-log-open').click();
    const log = page.getByTestId('audit-log');
    await expect(log.getByTestId('audit-chain')).toHaveAttribute('data-intact', 'true');
    // Newest first: the setting just changed, then the case opened, named by its case number.
    await expect(log.getByTestId('audit-row').first()).toHaveAttribute('data-action', 'settings.change');
    const opened = log.locator('[data-action="case.open"]').first();
    await expect(opened).toContainText('打开案件');
    await expect(opened.locator('.audit-subject')).toHaveText(caseNumber);
    await expect(log.locator('[data-action="case.import"]').first().locator('.audit-subject')).toContainText('〔2026〕');
    await expect(log.getByTestId('audit-log-foot')).toContainText('已是全部');
    await ws.screenshot('audit-log-1366');
    // One kind: 锁定、密钥与设置 shows the setting and no case work.
    await log.getByTestId('audit-filter').getByText('锁定、密钥与设置').click();
    await expect(log.locator('[data-action="case.open"]')).toHaveCount(0);
    await expect(log.locator('[data-action="settings.change"]')).toHaveCount(1);
    await log.getByTestId('audit-filter').getByText('集体讨论').click();
    await expect(log).toContainText('没有“集体讨论”类的记录。');
  }

  test('全部审计记录 filters by part of a 案号 and by a range of days, and clearing them restores the list', async ({ page, workstationUrl }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await expect(ws.queue.rows.first()).toBeVisible();
    await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
    const caseNumber = (await page.getByTestId('case-header').locator('.case-number').textContent())!;
    // Typed as people do: half-width brackets and a space for 〔2026〕153号.
    const part = caseNumber.slice(caseNumber.indexOf('〔')).replace('〔', '[').replace('〕', '] ');
    const numberPart = caseNumber.slice(caseNumber.indexOf('〔'));
    await page.getByTestId('settings-open').first().click();
    await page.getByTestId('audit-log-open').click();
    const log = page.getByTestId('audit-log');
    const foot = log.getByTestId('audit-log-foot');
    await expect(foot).toContainText('已列出最近');

    await log.getByTestId('audit-case-filter').fill(part);
    await expect(foot).toContainText(`案号含“${part.trim()}”的`);
    await expect(log.locator('[data-action="case.open"]').first()).toBeVisible();
    for (const subject of await log.locator('td.audit-subject').allTextContents()) expect(subject).toContain(numberPart);

    // The entries were made today (China time): yesterday to today keeps them, a past month has none.
    const today = chinaToday();
    // The picker's two inputs (start, end).
    const dates = log.getByTestId('audit-date-filter');
    await dates.first().click();
    await dates.first().fill(addDays(today, -1));
    await dates.first().press('Enter');
    await dates.nth(1).fill(today);
    await dates.nth(1).press('Enter');
    await expect(foot).toContainText(`件案件，${addDays(today, -1)} 至 ${today}）`);
    await expect(foot).toContainText('已是全部');
    await expect(log.locator('[data-action="case.open"]').first()).toBeVisible();
    await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
    await ws.screenshot('audit-log-filter-1366');

    await log.getByTestId('audit-case-filter').fill('999999号');
    await expect(log.getByTestId('audit-log-empty')).toHaveText('没有案号含“999999号”的案件。');
    await expect(log.getByTestId('audit-row')).toHaveCount(0);

    // Clearing the 案号 gives back every case’s entries of those days.
    await log.getByTestId('audit-case-filter').fill('');
    await expect(foot).toContainText(`已列出`);
    await expect(foot).not.toContainText('案号含');
    await expect(foot).toContainText(`（${addDays(today, -1)} 至 ${today}）`);
    await expect(log.locator('[data-action="settings.change"], [data-action="case.import"]').first()).toBeVisible();

    // A past range with nothing in it, then cleared: the whole log again.
    await dates.first().click();
    await dates.first().fill('2026-10-01');
    await dates.first().press('Enter');
    await dates.nth(1).fill('2026-10-31');
    await dates.nth(1).press('Enter');
    await expect(log.getByTestId('audit-log-empty')).toHaveText('没有符合条件的记录（2026-10-01 至 2026-10-31）。');
    await log.locator('.audit-date-filter').hover();
    await log.locator('.audit-date-filter .ant-picker-clear').click();
    await expect(foot).toContainText('已列出最近');
  });

  test('an export the policy requires approval for asks for it, goes through with it, and is recorded', async ({ page, workstationUrl, workstationHost }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await expect(ws.queue.rows.first()).toBeVisible();
    await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
    const caseId = (await ws.caseFile.view.getAttribute('data-case-id'))!;
    const itemId = (await ws.caseFile.item('询问笔录').getAttribute('data-item-id'))!;
    await callApi(workstationHost, 'annotations.create', { caseId, itemId, kind: 'redaction', anchor: { type: 'area', page: 1, rects: [{ x: 300, y: 200, width: 120, height: 14 }] }, redactionReason: 'personal' });
    await callApi(workstationHost, 'settings.setExportPolicy', { exportRequiresApproval: true });
    try {
      await page.reload();
      await page.getByTestId('status-bar').getByText('数据目录').waitFor();
      await ws.queue.openCaseId(caseId);
      await ws.caseFile.openItem('询问笔录');
      await ws.caseFile.pdf(0).waitRendered(1);
      await ws.caseFile.pane(0).getByTestId('export-redacted').click();
      const dialog = page.getByRole('dialog', { name: '导出须经批准' });
      await expect(dialog).toContainText('须经批准');
      // Empty fields are not accepted.
      await dialog.getByRole('button', { name: '填写完毕，导出' }).click();
      await expect(dialog).toContainText('请填写批准文号或审批单号');
      await dialog.getByTestId('approval-reference').fill('测市监批〔2026〕12号');
      await dialog.getByTestId('approval-approver').fill('李局长');
      await ws.screenshot('export-approval-1366');
      await dialog.getByRole('button', { name: '填写完毕，导出' }).click();
      await expect(page.getByRole('dialog', { name: '已导出公示版' })).toBeVisible({ timeout: 30_000 });
      await page.getByRole('dialog', { name: '已导出公示版' }).locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
      await page.getByTestId('audit-open').click();
      const exported = page.getByTestId('audit-trail').locator('[data-action="export.redacted"]');
      await expect(exported.first()).toContainText('批准：测市监批〔2026〕12号（李局长）');
      // The first attempt only waited for the approval: 待批准, not red like a refusal.
      await expect(exported.nth(1)).toContainText('导出公示版（待批准）');
      await expect(exported.nth(1)).not.toHaveClass(/is-refused/);
    } finally {
      await callApi(workstationHost, 'settings.setExportPolicy', { exportRequiresApproval: false });
    }
  });
});

test.describe('crash reporting', () => {
  let child: ChildProcess | null = null;
  test.afterEach(() => {
    child?.kill('SIGTERM');
    child = null;
  });

  test('a renderer error is written to <data>/logs and shown on the next start; 知道了 clears it', async ({ page }) => {
    const home = mkdtempSync(join(tmpdir(), 'fashen-e2e-crash-'));
    // An error from an earlier run (the main process), already on file.
    new CrashLog(crashDir(home), { version: '0.1.0', dataDir: home }).write({ source: 'main', kind: 'uncaughtException', error: new Error(`数据库文件 ${join(home, 'fashen.db')} 被占用`) });

    let host = await spawnHost(home, E2E_TODAY);
    child = host.child;
    const ws = new WorkstationPage(page);
    await ws.open(host.url);
    const notice = page.getByTestId('crash-notice');
    await expect(notice).toContainText('上次运行时工作台发生错误');
    await notice.getByTestId('crash-details').click();
    const details = page.getByTestId('crash-detail');
    await expect(details).toContainText('工作台主进程（uncaughtException）');
    await expect(details).toContainText('数据库文件 <数据目录>/fashen.db 被占用');
    await ws.screenshot('crash-notice-1366');

    // This run's renderer error goes on file (and waits for the next start).
    await page.evaluate(() => setTimeout(() => { throw new TypeError('测试：界面渲染出错'); }, 0));
    const logs = crashDir(home);
    const rendererReport = () =>
      readdirSync(logs)
        .filter((f) => f.startsWith('crash-2'))
        .map((f) => JSON.parse(readFileSync(join(logs, f), 'utf8')) as { source: string; kind: string; message: string; page?: string })
        .find((r) => r.source === 'renderer');
    await expect.poll(() => rendererReport()?.message ?? null).toBe('测试：界面渲染出错');
    expect(rendererReport()).toMatchObject({ kind: 'window.onerror', page: expect.not.stringContaining('token') });

    await page.getByRole('dialog', { name: '错误详情' }).getByRole('button', { name: '知道了' }).click();
    await expect(notice).toHaveCount(0);

    // Next start: the renderer error is what is shown now; 知道了 on the notice itself clears it.
    child.kill('SIGTERM');
    host = await spawnHost(home, E2E_TODAY);
    child = host.child;
    await ws.open(host.url);
    await expect(notice).toContainText('上次运行时工作台发生错误');
    await notice.getByTestId('crash-details').click();
    await expect(page.getByTestId('crash-detail')).toContainText('界面（window.onerror）');
    await page.getByRole('dialog', { name: '错误详情' }).locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await notice.getByTestId('crash-ack').click();
    await expect(notice).toHaveCount(0);
    await page.reload();
    await page.getByTestId('status-bar').getByText('数据目录').waitFor();
    await expect(notice).toHaveCount(0);
    expect(existsSync(join(logs, 'crash-ack.json'))).toBe(true);
  });
});
