// 离线交换 › 导入案卷包 with a stick's folder holding several bundles from the central system: last
// week's, this week's (next year's holidays added) and one made for another reviewer. Each bundle
// gets its own block — its file, its cases, its signature checked or why not, its calendar — not
// only the first one's. Screenshots at 1366 and 1920 wide.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoPackages } from '../../src/main/demo/generate';
import { spawnHost } from '../../scripts/host-process';
import { startCentral, type CentralUnderTest } from '../helpers/server';
import { testCalendar } from '../helpers/test-calendar';
import { upload, zipPackage } from '../helpers/server-fixtures';
import { callApi, expect, test } from './fixtures';
import { SyncPanel } from './pages/SyncPanel';
import { WorkstationPage } from './pages/WorkstationPage';

async function publishDemo(central: CentralUnderTest, seed: number, reviewer: string): Promise<string> {
  const [pkg] = await generateDemoPackages({ outDir: mkdtempSync(join(tmpdir(), 'fashen-e2e-pkg-')), today: '2026-12-03', count: 1, seed });
  expect((await upload(central.admin, await zipPackage(pkg!.dir))).status).toBe(201);
  expect((await central.admin.post(`/v1/admin/cases/${encodeURIComponent(pkg!.caseId)}/assign`, { user: reviewer })).status).toBe(200);
  return pkg!.caseNumber;
}

async function bundleTo(central: CentralUnderTest, folder: string, name: string, user: string): Promise<void> {
  const made = await central.admin.request('GET', `/v1/admin/case-bundle?user=${user}`);
  expect(made.status).toBe(200);
  writeFileSync(join(folder, name), made.body);
}

test('a folder of central bundles: each bundle’s own signature, calendar and cases', async ({ page }) => {
  test.setTimeout(120_000);
  const central = await startCentral();
  const home = mkdtempSync(join(tmpdir(), 'fashen-e2e-'));
  const { url, child } = await spawnHost(home, '2026-12-03');
  try {
    const u = new URL(url);
    const host = { origin: u.origin, token: u.searchParams.get('token')! };
    await central.user('alice', 'reviewer', 'alice-password-e2e');
    await central.user('bob', 'reviewer', 'bob-password-e2e');
    await callApi(host, 'sync.login', { server: central.url, user: 'alice', password: 'alice-password-e2e' });
    // One sync (nothing assigned yet): the workstation learns the central system's bundle key.
    await callApi(host, 'sync.run', {});

    const stick = mkdtempSync(join(tmpdir(), 'fashen-e2e-stick-'));
    expect((await central.admin.request('PUT', '/v1/admin/calendar', { json: testCalendar(2027) })).status).toBe(200);
    await publishDemo(central, 11, 'alice');
    await bundleTo(central, stick, '案卷交换包-alice-1126.zip', 'alice');
    const [y27, y28] = [testCalendar(2027), testCalendar(2028)];
    const both = { source: '测试用节假日安排 2027–2028（虚构）', years: [2027, 2028], holidays: { ...y27.holidays, ...y28.holidays }, workdays: { ...y27.workdays, ...y28.workdays } };
    expect((await central.admin.request('PUT', '/v1/admin/calendar', { json: both })).status).toBe(200);
    await publishDemo(central, 12, 'alice');
    await bundleTo(central, stick, '案卷交换包-alice-1203.zip', 'alice');
    await publishDemo(central, 13, 'bob');
    await bundleTo(central, stick, '案卷交换包-bob-1203.zip', 'bob');

    for (const [width, height] of [
      [1366, 768],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await new WorkstationPage(page).open(url);
      const sync = new SyncPanel(page);
      await sync.open();
      await sync.drawer.getByTestId('sync-import-path').fill(stick);
      await sync.drawer.getByTestId('sync-import-run').click();
      const blocks = sync.drawer.getByTestId('sync-import-bundle');
      await expect(blocks).toHaveCount(3, { timeout: 30_000 });
      await expect(blocks.nth(0)).toContainText('案卷交换包-alice-1126.zip');
      await expect(blocks.nth(0).getByTestId('sync-bundle-central')).toContainText('中心系统签名已核验（为 alice 制作）');
      await expect(blocks.nth(1)).toContainText('案卷交换包-alice-1203.zip');
      await expect(blocks.nth(1).getByTestId('sync-bundle-central')).toContainText('中心系统签名已核验（为 alice 制作）');
      await expect(blocks.nth(2).getByTestId('sync-bundle-counts')).toHaveText('整包未导入');
      await expect(blocks.nth(2).getByTestId('sync-bundle-refusal')).toContainText('此交换包是中心系统为审核员 bob 制作的，本机登录的是 alice');
      if (width === 1366) {
        // The first time: both of alice's bundles bring a case and each its own calendar.
        await expect(blocks.nth(0).getByTestId('sync-bundle-counts')).toHaveText('已导入 1 件');
        await expect(blocks.nth(0).getByTestId('sync-bundle-calendar')).toHaveText('工作日历已更新：2027 年节假日安排（测试用节假日安排（虚构，非真实公告））');
        await expect(blocks.nth(1).getByTestId('sync-bundle-counts')).toHaveText('已导入 1 件 · 已是最新 1 件');
        await expect(blocks.nth(1).getByTestId('sync-bundle-calendar')).toHaveText('工作日历已更新：2027、2028 年节假日安排（测试用节假日安排 2027–2028（虚构））');
      } else {
        // Again: nothing new, each says so.
        await expect(blocks.nth(1).getByTestId('sync-bundle-counts')).toHaveText('已导入 0 件 · 已是最新 2 件');
      }
      await sync.drawer.getByTestId('sync-import').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/screenshots/bundles-folder-${width}.png` });
      await sync.drawer.getByTestId('sync-import').screenshot({ path: `test-results/screenshots/bundles-folder-import-${width}.png` });
    }
  } finally {
    child.kill('SIGTERM');
    await central.close();
  }
});
