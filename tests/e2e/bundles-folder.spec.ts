// 离线交换 › 导入案卷包 with a stick's folder holding several bundles from the central system: last
// week's, this week's (next year's holidays added) and one made for another reviewer. Each bundle
// gets its own block — its file, its cases, its signature checked or why not, its calendar — not
// only the first one's. Screenshots at 1366 and 1920 wide.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoPackages } from '../../src/main/demo/generate';
import { testCalendar } from '../helpers/test-calendar';
import { callApi, expect, test } from './fixtures';
import { SyncPanel } from './pages/SyncPanel';
import { WorkstationPage } from './pages/WorkstationPage';
import type { RunningCentral } from './support/central';
import { withCentralAndHost } from './support/central-host';

/** In December, when next year's holidays matter. */
const TODAY = '2026-12-03';

async function publishDemo(central: RunningCentral, seed: number, reviewer: string): Promise<string> {
  const [pkg] = await generateDemoPackages({ outDir: mkdtempSync(join(tmpdir(), 'fashen-e2e-pkg-')), today: TODAY, count: 1, seed });
  await central.admin.publish(pkg!.dir, reviewer);
  return pkg!.caseNumber;
}

async function bundleTo(central: RunningCentral, folder: string, name: string, user: string): Promise<void> {
  const made = await central.admin.send('GET', `/v1/admin/case-bundle?user=${user}`);
  expect(made.status).toBe(200);
  writeFileSync(join(folder, name), made.bytes);
}

test('a folder of central bundles: each bundle’s own signature, calendar and cases', async ({ page }) => {
  test.setTimeout(120_000);
  // No case yet; bob too; the host logged in as alice.
  await withCentralAndHost({ today: TODAY, cases: 0, prepare: (central) => central.admin.addReviewer('bob', 'bob-password-e2e') }, async ({ central, url, host }) => {
    // One sync (nothing assigned yet): the workstation learns the central system's bundle key.
    await callApi(host, 'sync.run', {});

    const stick = mkdtempSync(join(tmpdir(), 'fashen-e2e-stick-'));
    expect((await central.admin.send('PUT', '/v1/admin/calendar', testCalendar(2027))).status).toBe(200);
    await publishDemo(central, 11, 'alice');
    await bundleTo(central, stick, '案卷交换包-alice-1126.zip', 'alice');
    const [y27, y28] = [testCalendar(2027), testCalendar(2028)];
    const both = { source: '测试用节假日安排 2027–2028（虚构）', years: [2027, 2028], holidays: { ...y27.holidays, ...y28.holidays }, workdays: { ...y27.workdays, ...y28.workdays } };
    expect((await central.admin.send('PUT', '/v1/admin/calendar', both)).status).toBe(200);
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
  });
});
