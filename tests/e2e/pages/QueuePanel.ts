// Page object: the 待审案件 queue (virtualised grid) and its first-start empty state.
import type { Locator, Page } from '@playwright/test';

export class QueuePanel {
  readonly grid: Locator;
  readonly rows: Locator;
  readonly search: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: '待审案件' });
    this.rows = this.grid.locator('[role="row"][data-case-id]');
    this.search = page.getByTestId('queue-search');
    this.empty = page.getByTestId('queue-empty');
  }

  async loadDemo(): Promise<void> {
    await this.empty.getByRole('button', { name: '载入演示案卷' }).click();
    await this.page.getByTestId('import-result').waitFor({ timeout: 60_000 });
  }

  async collapse(): Promise<void> {
    await this.show();
    await this.page.getByRole('button', { name: '收起队列' }).click();
    await this.page.getByRole('button', { name: '展开待审案件' }).waitFor();
  }

  /**
   * Shows the queue if it is folded: at 1366 opening a case folds it for the moment
   * (src/renderer/src/shell/queueFold.ts), as a reviewer's click on the rail brings it back.
   */
  async show(): Promise<void> {
    const rail = this.page.getByRole('button', { name: '展开待审案件' });
    if (await rail.isVisible()) await rail.click();
    // The panel, whether it shows the grid or search results.
    await this.page.getByRole('button', { name: '收起队列' }).waitFor();
  }

  /** Aria row count minus the header: every case, not only the rendered ones. */
  async caseCount(): Promise<number> {
    const n = await this.grid.getAttribute('aria-rowcount');
    return Number(n ?? 1) - 1;
  }

  /** Filters the queue to one case number and opens it. */
  async openCaseNumber(caseNumber: string): Promise<string> {
    await this.show();
    await this.search.fill(caseNumber);
    const row = this.rows.filter({ hasText: caseNumber }).first();
    await row.waitFor();
    const id = (await row.getAttribute('data-case-id')) ?? '';
    await this.openCaseId(id);
    return id;
  }

  async openCaseId(id: string): Promise<void> {
    await this.show();
    await this.grid.locator(`[role="row"][data-case-id="${id}"]`).click();
    await this.page.locator(`[data-testid="case-view"][data-case-id="${id}"]`).waitFor();
  }

  async openRow(index: number): Promise<string> {
    await this.show();
    const row = this.rows.nth(index);
    const id = (await row.getAttribute('data-case-id')) ?? '';
    await row.click();
    await this.page.locator(`[data-testid="case-view"][data-case-id="${id}"]`).waitFor();
    return id;
  }
}
