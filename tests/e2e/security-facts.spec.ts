// 设置's disk facts follow the cases: after the first cases arrive, 文件库为空 is no longer claimed
// without the reviewer pressing ↻.
import { expect, startHost, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';

test('the cache facts are read again when cases arrive', async ({ page }) => {
  test.setTimeout(180_000);
  const host = await startHost();
  try {
    const ws = new WorkstationPage(page);
    await ws.open(host.url);
    await page.getByTestId('settings-open').first().click();
    await expect(page.getByTestId('st-cache')).toContainText('文件库为空');
    await page.keyboard.press('Escape');
    await page.getByTestId('load-demo').click();
    await expect(page.getByTestId('queue-empty')).toHaveCount(0, { timeout: 120_000 });
    await page.getByTestId('settings-open').first().click();
    await expect(page.getByTestId('st-cache')).toContainText('数据库与文件库均未发现明文');
  } finally {
    host.stop();
  }
});
