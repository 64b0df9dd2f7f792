// The main window's widths where a reviewer reads for hours: the queue uses the room it has while no
// case is open; the case-file tree keeps readable titles even when the reviewer brings the queue back
// beside a case; a split folds the queue so both panes fit their documents at a readable zoom; the
// folded rail shows the case count as one number.
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';

async function width(l: Locator): Promise<number> {
  const box = await l.boundingBox();
  return box?.width ?? 0;
}

/** The percent shown by the visible zoom picker of a pane. */
async function zoomPercent(pane: Locator): Promise<number> {
  const label = pane.locator('.ant-select').filter({ visible: true }).getByText(/^\d+%$/).first();
  await label.waitFor();
  return Number(((await label.textContent()) ?? '').replace('%', ''));
}

test('with no case open the queue widens, 当事人 and 案由 taking the room (1366 and 1920)', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(workstationUrl);
  await expect(ws.queue.rows.first()).toBeVisible();
  const head = (name: string) => ws.queue.grid.getByRole('columnheader', { name: new RegExp(`^${name}`) });
  await expect(head('案由')).toBeVisible();
  expect(await width(head('当事人'))).toBeGreaterThanOrEqual(120);
  expect(await width(head('案由'))).toBeGreaterThanOrEqual(120);
  // The hint beside the queue still reads on one line each.
  await expect(page.getByTestId('centre-empty')).toBeVisible();
  await ws.screenshot('layout-queue-1366');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect.poll(() => width(head('当事人'))).toBeGreaterThanOrEqual(220);
  expect(await width(head('案由'))).toBeGreaterThanOrEqual(220);
  // Party names (company names up to some 14 characters) are not cut.
  for (const cell of await ws.queue.grid.locator('.col-partyName').all()) {
    expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  }
  await ws.screenshot('layout-queue-1920');
});

test('the tree keeps readable titles with the queue brought back at 1366; long titles wrap whole', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(workstationUrl);
  await expect(ws.queue.rows.first()).toBeVisible();
  await ws.caseFile.openCaseHaving(ws.queue, '送达回证（责令改正通知书）');
  // The two 送达回证 differ only at the end: they read in full, wrapping to a second line when narrow.
  const receipts = ws.caseFile.tree.getByTestId('case-item').filter({ hasText: '送达回证' });
  await expect(receipts).toHaveCount(2);
  const readInFull = async () => {
    for (const r of await receipts.all()) {
      const title = r.locator('.tree-title');
      expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true);
      expect(await r.getAttribute('title')).toContain(((await title.textContent()) ?? '').trim());
    }
  };
  await readInFull();
  await ws.screenshot('layout-case-open-1366');

  // The reviewer brings the queue back: the tree keeps some 8 characters and the date.
  await page.getByRole('button', { name: '展开待审案件' }).click();
  await expect(ws.queue.grid).toBeVisible();
  const titles = ws.caseFile.tree.locator('.tree-title');
  for (const t of await titles.all()) expect(await width(t)).toBeGreaterThanOrEqual(8 * 13);
  await expect(ws.caseFile.item('案件来源登记表').locator('.tree-date')).toBeVisible();
  await readInFull();
  // The documents give way without a sideways scroll (概要 falls to one column).
  const summary = ws.caseFile.pane(0).locator('.pane-scroll');
  expect(await summary.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await ws.screenshot('layout-queue-and-case-1366');
});

test('a split folds the queue so both panes fit their documents; bringing it back is allowed', async ({ page, workstationUrl }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const ws = new WorkstationPage(page);
  const rail = page.getByRole('button', { name: '展开待审案件' });
  await ws.open(workstationUrl);
  await expect(ws.queue.rows.first()).toBeVisible();
  await ws.caseFile.openCaseHaving(ws.queue, '现场检查照片');
  // One pane at 1920 fits beside the queue.
  await expect(ws.queue.grid).toBeVisible();
  await ws.caseFile.openItem('现场笔录');
  await ws.caseFile.pdf(0).waitRendered();
  await ws.caseFile.openItem('现场检查照片', 'other');
  await expect(ws.caseFile.pane(1)).toBeVisible();
  await expect(rail).toBeVisible();
  // 适合宽度 follows the wider panes: a readable page, not 35 %.
  await expect.poll(() => zoomPercent(ws.caseFile.pane(0))).toBeGreaterThanOrEqual(55);
  expect(await width(ws.caseFile.pane(1))).toBeGreaterThanOrEqual(480);
  await ws.screenshot('layout-split-1920');

  // The reviewer may bring the queue back beside the split: it stays.
  await rail.click();
  await expect(ws.queue.grid).toBeVisible();
  await page.waitForTimeout(300);
  await expect(ws.queue.grid).toBeVisible();

  // The rail shows the count as one number in a badge.
  await ws.queue.collapse();
  const count = page.getByTestId('queue-rail-count');
  await expect(count).toHaveText('10');
  const box = await count.boundingBox();
  expect(box && box.height < 20 && box.width > box.height * 0.9).toBe(true);
  await page.setViewportSize({ width: 1366, height: 768 });
  await ws.screenshot('layout-split-1366');
});
