// 剩余审核时限 counts today when today is a working day (收件 + 10 个工作日): the short label says so —
// 剩余 N 个工作日（含今日）— in the case header, the review panel, the queue cell's tooltip and under the queue.
import { callApi, expect, test } from './fixtures';
import { ReviewPanel } from './pages/ReviewPanel';
import { WorkstationPage } from './pages/WorkstationPage';

test('the remaining review time says 含今日 wherever its label appears (today a working day)', async ({ page, workstationHost }) => {
  const rows = await callApi<{ id: string; remainingWorkingDays: number | null; remainingIncludesToday?: boolean; status: string }[]>(workstationHost, 'cases.list', {});
  const row = rows.find((r) => (r.remainingWorkingDays ?? 0) > 0 && r.status !== 'concluded' && r.status !== 'returned')!;
  expect(row.remainingIncludesToday).toBe(true); // E2E_TODAY 2026-11-23 is a Monday
  const label = `剩余 ${row.remainingWorkingDays} 个工作日（含今日）`;

  const ws = new WorkstationPage(page);
  const panel = new ReviewPanel(page);
  await ws.open(workstationHost.url);
  const cell = ws.queue.grid.locator(`[role="row"][data-case-id="${row.id}"] .remaining`);
  await expect(cell).toHaveText(String(row.remainingWorkingDays));
  await expect(cell).toHaveAttribute('title', new RegExp(`^${label.replace(/[()（）]/g, '.')}`));
  // The compact column (just the number) is explained under the queue.
  await expect(page.getByTestId('queue-counts-today')).toHaveText('· 剩余工作日含今日');

  await ws.queue.grid.locator(`[role="row"][data-case-id="${row.id}"]`).click();
  await panel.waitFor(row.id);
  await expect(page.getByTestId('case-header').locator('.remaining')).toHaveText(label);
  await expect(panel.root.getByTestId('review-remaining')).toHaveText(label);
  // The longer label still leaves the panel's 计算过程 whole at 1366 px.
  const toggle = panel.root.getByTestId('deadline-computation-toggle');
  const [box, pane] = [await toggle.boundingBox(), await panel.root.boundingBox()];
  expect(box!.x + box!.width).toBeLessThanOrEqual(pane!.x + pane!.width);
  for (const [w, h] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await ws.screenshot(`remaining-today-${w}`);
  }
});
