// The main window end to end: first start, the queue, a case file, the PDF viewer, side by side,
// screenshots at both office screen sizes, and axe-core on the queue and the case view.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';

const SIZES = [
  { name: '1366', width: 1366, height: 768 },
  { name: '1920', width: 1920, height: 1080 },
] as const;

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

async function shootAtBothSizes(ws: WorkstationPage, name: string): Promise<void> {
  for (const size of SIZES) {
    await ws.page.setViewportSize({ width: size.width, height: size.height });
    await ws.page.waitForTimeout(300); // let resize observers re-lay out and pages re-render
    await ws.screenshot(`${name}-${size.name}`);
  }
  await ws.page.setViewportSize({ width: 1366, height: 768 });
}

test('first start: 载入演示案卷 fills the queue', async ({ page, emptyWorkstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(emptyWorkstationUrl);
  await expect(ws.queue.empty).toContainText('尚无待审案件');
  await ws.queue.loadDemo();
  await expect(ws.queue.rows.first()).toBeVisible();
  expect(await ws.queue.caseCount()).toBeGreaterThanOrEqual(10);
});

test.describe('with the demo case files', () => {
  test('queue, case file and the 询问笔录 PDF', async ({ page, workstationUrl }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await expect(ws.queue.rows.first()).toBeVisible();
    expect(await ws.queue.caseCount()).toBeGreaterThanOrEqual(10);
    await expect(ws.statusBar()).toContainText('今天');

    await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
    await expect(ws.caseFile.header).toBeVisible();
    await expect(page.getByTestId('case-summary')).toBeVisible();
    // 裁量 says each factor once: the demo's stated reason restates them, and they were printed twice.
    const discretion = (await page.getByTestId('discretion-body').textContent()) ?? '';
    const clauses = discretion.replace(/^：/, '').split(/[；。，]/).filter((c) => c.length >= 6);
    expect(clauses.length).toBeGreaterThan(0);
    for (const c of new Set(clauses)) expect(discretion.split(c).length - 1, c).toBe(1);

    await ws.caseFile.openItem('询问笔录');
    const pdf = ws.caseFile.pdf(0);
    await pdf.waitRendered(1);
    expect(await pdf.inkRatio(1)).toBeGreaterThan(0.002);
    expect(await pdf.text(1)).toContain('询问笔录');
  });

  test('two documents side by side', async ({ page, workstationUrl }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
    await ws.caseFile.openItem('询问笔录');
    await ws.caseFile.pdf(0).waitRendered(1);

    await page.keyboard.press('Control+Backslash');
    await expect(ws.caseFile.pane(1)).toBeVisible();
    await expect(ws.caseFile.pane(1)).toHaveAttribute('data-active', 'true');
    await ws.caseFile.openItem('现场笔录');

    const left = ws.caseFile.pdf(0);
    const right = ws.caseFile.pdf(1);
    await right.waitRendered(1);
    expect(await left.inkRatio(1)).toBeGreaterThan(0.002);
    expect(await right.inkRatio(1)).toBeGreaterThan(0.002);
    expect(await right.text(1)).toContain('现场笔录');
  });

  test('screenshots of queue, case and split at 1366×768 and 1920×1080', async ({ page, workstationUrl }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await expect(ws.queue.rows.first()).toBeVisible();
    await shootAtBothSizes(ws, 'queue');

    await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
    await expect(page.getByTestId('case-summary')).toBeVisible();
    await shootAtBothSizes(ws, 'case');

    // Side by side is read with the queue collapsed, as a reviewer would.
    await ws.queue.collapse();
    await ws.caseFile.openItem('询问笔录');
    await ws.caseFile.pdf(0).waitRendered(1);
    await ws.caseFile.toggleSplit();
    await ws.caseFile.openItem('现场笔录');
    await ws.caseFile.pdf(1).waitRendered(1);
    await shootAtBothSizes(ws, 'split');
  });

  test('axe: no serious or critical violations on the queue and the case view', async ({ page, workstationUrl }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await expect(ws.queue.rows.first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
    await expect(page.getByTestId('case-summary')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await ws.caseFile.openItem('询问笔录');
    await ws.caseFile.pdf(0).waitRendered(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
