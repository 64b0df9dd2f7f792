// A minute before the inactivity lock the page warns; any key or click answers it (and tells the
// back end, restarting its countdown). The page's clock is driven here, never wall time.
import { callApi, expect, startHost, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';

test('the page warns a minute before the inactivity lock; a key press takes the warning away', async ({ page }) => {
  const host = await startHost();
  try {
    await callApi(host, 'app.setLockAfter', { minutes: 3 });
    await page.clock.install();
    const ws = new WorkstationPage(page);
    await ws.open(host.url);
    await expect(page.getByTestId('lock-soon')).toHaveCount(0);
    await page.clock.fastForward('01:30');
    await expect(page.getByTestId('lock-soon')).toHaveCount(0);
    await page.clock.fastForward('00:40'); // 2 min 10 s without input: less than a minute left
    await expect(page.getByTestId('lock-soon')).toBeVisible();
    await expect(page.getByTestId('lock-soon')).toContainText('秒后将自动锁定');
    await ws.screenshot('lock-soon-1366');
    await page.keyboard.press('Shift');
    await expect(page.getByTestId('lock-soon')).toHaveCount(0);
  } finally {
    host.stop();
  }
});
