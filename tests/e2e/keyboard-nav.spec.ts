// Keyboard in the queue and the case file: ↓ from the queue's search box goes into the list even
// with no search shown; Ctrl+\ pressed twice comes back to the same panes; a click in the case tree
// leaves the keyboard on the clicked item, so ↑/↓ carry on from it.
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';

/** The pane's tabs by key (概要 is 'summary', an item its id). */
const tabKeys = (pane: Locator) => pane.locator('[role="tab"][data-tab-key]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-tab-key')));

test('↓ in the queue’s search box moves into the queue, on its first row', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(workstationUrl);
  await expect(ws.queue.rows.first()).toBeVisible();
  // The keyboard row elsewhere first, so landing on row 1 is the box's doing.
  await ws.queue.grid.focus();
  await page.keyboard.press('End');
  await expect(ws.queue.rows.first()).not.toHaveClass(/is-focused/);

  await ws.queue.search.focus();
  await page.keyboard.press('ArrowDown');
  await expect(ws.queue.grid).toBeFocused();
  await expect(ws.queue.rows.first()).toHaveClass(/is-focused/);
  // And the list takes it from there.
  await page.keyboard.press('ArrowDown');
  await expect(ws.queue.rows.nth(1)).toHaveClass(/is-focused/);

  // With a filter typed (no search run), the same: into the filtered rows.
  const party = (await ws.queue.rows.first().locator('[role="gridcell"]').nth(1).innerText()).trim();
  await ws.queue.search.fill(party.slice(0, 2));
  await ws.queue.search.press('ArrowDown');
  await expect(ws.queue.grid).toBeFocused();
  await expect(ws.queue.rows.first()).toHaveClass(/is-focused/);
});

test('Ctrl+\\ twice: from one pane back to one pane, from two panes back to the same two', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(workstationUrl);
  await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
  await ws.caseFile.openItem('询问笔录');
  await ws.caseFile.pdf(0).waitRendered(1);
  const left = ws.caseFile.pane(0);
  const right = ws.caseFile.pane(1);

  // One pane: split (an empty right pane takes the next item), then join again.
  await page.keyboard.press('Control+Backslash');
  await expect(right).toBeVisible();
  await ws.caseFile.openItem('现场笔录');
  await ws.caseFile.pdf(1).waitRendered(1);
  const leftTabs = await tabKeys(left);
  const rightTabs = await tabKeys(right);
  expect(rightTabs).toEqual([await ws.caseFile.item('现场笔录').getAttribute('data-item-id')]);

  // Two panes: the first press joins them, the second puts the right pane back as it was.
  await page.keyboard.press('Control+Backslash');
  await expect(right).toHaveCount(0);
  expect(await tabKeys(left)).toEqual([...leftTabs, ...rightTabs]);
  await page.keyboard.press('Control+Backslash');
  await expect(right).toBeVisible();
  expect(await tabKeys(left)).toEqual(leftTabs);
  expect(await tabKeys(right)).toEqual(rightTabs);
  await ws.caseFile.pdf(1).waitRendered(1);
  expect(await ws.caseFile.pdf(1).text(1)).toContain('现场笔录');
});

test('a click in the case tree leaves the keyboard on that item: ↓ and Enter open the next one', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(workstationUrl);
  await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
  const items = ws.caseFile.tree.getByTestId('case-item');
  const titles = (await items.locator('.tree-title').allInnerTexts()).map((t) => t.trim());
  expect(titles.length).toBeGreaterThanOrEqual(4);

  // Click the second item (not the first, where a tree's keyboard would start anyway).
  await items.nth(1).click();
  const activeTab = ws.caseFile.pane(0).getByRole('tab', { selected: true });
  await expect(activeTab).toContainText(titles[1]!);
  await expect(ws.caseFile.tree.locator(':focus')).toHaveCount(1);

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(activeTab).toContainText(titles[2]!);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(activeTab).toContainText(titles[0]!);

  // A click again after moving with the keys, then the mouse moved over another item (the tree
  // forgets its keyboard place on a mouse move): the keys carry on from the clicked item.
  await items.nth(3).click();
  await expect(activeTab).toContainText(titles[3]!);
  await items.nth(0).hover();
  await page.keyboard.press('ArrowUp');
  await ws.screenshot('case-tree-keyboard-1366');
  await page.keyboard.press('Enter');
  await expect(activeTab).toContainText(titles[2]!);
});
