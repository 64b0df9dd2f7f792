// 快捷键一览: “?” outside text fields opens it (again “?” or Esc closes it), the status bar's 快捷键
// opens it too; keys pressed while it is up do not act on the case behind; “?” typed in a text field
// is just a “?”. axe-core on the open dialog; screenshot at 1366×768.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';

test('“?” opens the shortcut overview, Esc closes it, and in a text field it types a “?”', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  const dialog = page.getByRole('dialog', { name: '快捷键' });
  await ws.open(workstationUrl);
  await ws.queue.rows.first().click();
  await ws.caseFile.view.waitFor();
  const tabs = ws.caseFile.pane(0).getByRole('tab');
  const before = await tabs.count();

  // Shift+/ on the page (not in a field) opens it: grouped, keys drawn as <kbd>.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Shift+Slash');
  await expect(dialog).toBeVisible();
  for (const group of ['全局', '队列', '案卷与材料', 'PDF', '审核要点', '集体讨论']) await expect(dialog.getByRole('region', { name: group })).toBeVisible();
  const split = dialog.locator('.sc-row').filter({ hasText: '并排显示' });
  await expect(split.locator('kbd')).toHaveText(['Ctrl', '\\']);
  await expect(dialog.locator('.sc-row').filter({ hasText: '跳到审核要点 P10' }).locator('kbd')).toHaveText(['0']);
  await ws.screenshot('shortcuts-1366');
  const axe = await new AxeBuilder({ page }).include('.ant-modal').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))).toEqual([]);

  // Keys pressed while it is up stay in it: J does not open the next item behind it.
  await page.keyboard.press('j');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await tabs.count()).toBe(before);

  // “?” again closes it, as Esc does.
  await page.keyboard.press('Shift+Slash');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Shift+Slash');
  await expect(dialog).toBeHidden();

  // The status bar's 快捷键 opens it.
  await ws.statusBar().getByTestId('status-shortcuts').click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // In a text field “?” is typed, not a shortcut.
  await page.keyboard.press('Control+k');
  await expect(ws.queue.search).toBeFocused();
  await page.keyboard.type('罚款?');
  await expect(ws.queue.search).toHaveValue('罚款?');
  await expect(dialog).toBeHidden();
});
