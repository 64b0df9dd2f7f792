// The app syncs by itself (the product's default; the other specs switch it off to drive every
// run by the button): a reviewer logs in from the panel and her cases arrive in the queue without
// a click; the panel says automatic sync is on and when the next run is due; her switch turns it off;
// the browser saying the network is back brings the next run to within seconds.
import { expect, test } from './fixtures';
import { SyncPanel } from './pages/SyncPanel';
import { WorkstationPage } from './pages/WorkstationPage';
import { ALICE_PW, withCentralAndHost } from './support/central-host';

/** HH:MM in China time of `ms` and of the minutes either side (a minute may turn meanwhile). */
function chinaMinute(ms: number): string[] {
  const fmt = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(11, 16);
  return [fmt(ms - 60_000), fmt(ms), fmt(ms + 60_000)];
}

test('logged in from the panel: the cases arrive without 立即同步; the panel tells when the next run is due', async ({ page }) => {
  test.setTimeout(120_000);
  // Two cases for alice; the reviewer logs in from the panel.
  await withCentralAndHost({ autoSync: true, cases: 2, login: false }, async ({ central, url }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    const ws = new WorkstationPage(page);
    await ws.open(url);
    await expect(ws.queue.rows).toHaveCount(0);
    const sync = new SyncPanel(page);
    await sync.open();
    await expect(sync.drawer.getByTestId('sync-panel-auto')).toHaveText('登录后自动同步');
    const form = sync.drawer.getByTestId('sync-login-form');
    await form.getByTestId('sync-login-server').fill(central.url);
    await form.getByTestId('sync-login-user').fill('alice');
    await form.getByTestId('sync-login-password').fill(ALICE_PW);
    await form.getByTestId('sync-login-submit').click();

    // No click on 立即同步: the run starts a few seconds after the login, the queue fills.
    await expect(ws.queue.rows).toHaveCount(2, { timeout: 60_000 });
    await expect(sync.line).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
    await sync.refresh();
    await expect(sync.drawer.getByTestId('sync-panel-auto')).toHaveText(/^已开启 · 下次约 \d\d:\d\d$/);
    await ws.screenshot('sync-auto-after-login');

    // The reviewer's switch: off (only by hand), and on again.
    const auto = sync.drawer.getByTestId('sync-panel-auto');
    await sync.drawer.getByTestId('sync-auto-switch').click();
    await expect(auto).toHaveText('已关闭（仅手动同步）');
    await sync.refresh();
    await expect(auto).toHaveText('已关闭（仅手动同步）');
    await sync.drawer.getByTestId('sync-auto-switch').click();
    await expect(auto).toHaveText(/^已开启 · (下次约 \d\d:\d\d|正在同步)$/);

    // The network comes back (the browser's online event): the next run is seconds away, not a quarter hour.
    await expect(sync.line).toHaveAttribute('data-state', 'synced', { timeout: 30_000 });
    await sync.refresh();
    const quarterHour = chinaMinute(Date.now() + 15 * 60_000);
    await expect(auto).toHaveText(new RegExp(`^已开启 · 下次约 (${quarterHour.join('|')})$`));
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    const soon = chinaMinute(Date.now());
    await expect(auto).toHaveText(new RegExp(`^已开启 · (下次约 (${soon.join('|')})|正在同步)$`));
  });
});
