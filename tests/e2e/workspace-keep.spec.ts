// The case view's open documents survive its remounting: collapsing the queue and going to another
// case and back keep each case's tabs, split and active tab; a search jump already shown is not
// shown again (a document the reviewer closed stays closed).
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';

const tabs = (pane: Locator) => pane.locator('[role="tab"] .pane-tab-label');
const activeTab = (pane: Locator) => pane.locator('[role="tab"][aria-selected="true"] .pane-tab-label');

test('collapsing the queue and switching cases keep the tabs, the split and the active tab', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(workstationUrl);
  await ws.caseFile.openCaseHaving(ws.queue, '立案审批表');
  const caseId = await ws.caseFile.view.getAttribute('data-case-id');
  const [left, right] = [ws.caseFile.pane(0), ws.caseFile.pane(1)];

  await ws.caseFile.openItem('现场笔录');
  await ws.caseFile.openItem('立案审批表');
  await ws.caseFile.openItem('询问笔录', 'other');
  await expect(right).toBeVisible();
  await left.getByRole('tab', { name: '现场笔录' }).click();
  await expect(activeTab(left)).toHaveText('现场笔录');

  const expectKept = async () => {
    await expect(tabs(left)).toHaveText(['概要', '现场笔录', '立案审批表']);
    await expect(tabs(right)).toHaveText(['询问笔录']);
    await expect(activeTab(left)).toHaveText('现场笔录');
    await expect(left).toHaveAttribute('data-active', 'true');
  };

  await ws.queue.collapse();
  await expectKept();

  await page.getByRole('button', { name: '展开待审案件' }).click();
  const other = ws.queue.grid.locator(`[role="row"][data-case-id]:not([data-case-id="${caseId}"])`).first();
  const otherId = (await other.getAttribute('data-case-id')) ?? '';
  await ws.queue.openCaseId(otherId);
  // Another case has its own workspace: just its 概要.
  await expect(tabs(ws.caseFile.pane(0))).toHaveText(['概要']);
  await expect(right).toHaveCount(0);

  await ws.queue.openCaseId(caseId ?? '');
  await expectKept();
});

test('a search jump already shown is not replayed when the case view mounts again', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(workstationUrl);
  await expect(ws.queue.rows.first()).toBeVisible();
  await ws.search.search('与本案关系');
  const hit = ws.search.pageHit(0);
  const pageNo = Number(await hit.getAttribute('data-page'));
  await hit.click();
  const left = ws.caseFile.pane(0);
  await ws.caseFile.pdf(0).waitRendered(pageNo);
  await expect(tabs(left)).toHaveCount(2);
  const shown = (await activeTab(left).textContent()) ?? '';

  // The reviewer closes the document the hit opened, then folds the queue away (the view mounts again).
  await left.locator('[role="tab"][aria-selected="true"] .pane-tab-close').click();
  await expect(tabs(left)).toHaveText(['概要']);
  await ws.queue.collapse();
  // Opening another item comes after any replay the mount would make: only that item joins 概要.
  const next = ws.caseFile.tree.getByTestId('case-item').filter({ hasNotText: shown }).first();
  await next.click();
  await expect(tabs(left)).toHaveCount(2);
  expect(await tabs(left).allTextContents()).not.toContain(shown);
});

test('a PDF shown again resumes at the page the reader had reached', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(workstationUrl);
  await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
  await ws.caseFile.openItem('询问笔录');
  const pdf = ws.caseFile.pdf(0);
  await pdf.waitRendered(1);
  await page.getByRole('button', { name: '下一页（PageDown）' }).first().click();
  await expect.poll(() => pdf.currentPage()).toBe(2);

  await ws.queue.collapse();
  await ws.caseFile.pdf(0).waitRendered(2);
  await expect.poll(() => ws.caseFile.pdf(0).currentPage()).toBe(2);
});
