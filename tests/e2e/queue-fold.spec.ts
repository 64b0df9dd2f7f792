// At 1366 the queue folds for the moment when a case is opened from it, so the case file gets the
// room; the rail or Ctrl+K brings it back, and the next start shows it again. At 1920 it stays.
import { expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';

test('opening a case at 1366 folds the queue for the moment; at 1920 it stays open', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  const rail = page.getByRole('button', { name: '展开待审案件' });
  await ws.open(workstationUrl);
  await expect(ws.queue.rows.first()).toBeVisible();
  const id = (await ws.queue.rows.first().getAttribute('data-case-id')) ?? '';
  await ws.queue.rows.first().click();
  await page.locator(`[data-testid="case-view"][data-case-id="${id}"]`).waitFor();
  await expect(rail).toBeVisible();
  await expect(ws.queue.grid).toHaveCount(0);
  await ws.screenshot('queue-folded-1366');

  // Ctrl+K brings it back with the search box ready; the case stays open.
  await page.keyboard.press('Control+k');
  await expect(ws.queue.search).toBeFocused();
  await expect(page.locator(`[data-testid="case-view"][data-case-id="${id}"]`)).toBeVisible();

  // Not remembered: after a reload the queue is there.
  await ws.queue.rows.nth(1).click();
  await expect(rail).toBeVisible();
  await page.reload();
  await ws.statusBar().getByText('数据目录').waitFor();
  await expect(ws.queue.grid).toBeVisible();
  await expect(rail).toHaveCount(0);

  // Wide enough for all three regions: nothing folds.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await ws.queue.rows.first().click();
  await page.locator(`[data-testid="case-view"][data-case-id="${id}"]`).waitFor();
  await expect(ws.queue.grid).toBeVisible();
  await expect(rail).toHaveCount(0);
});
