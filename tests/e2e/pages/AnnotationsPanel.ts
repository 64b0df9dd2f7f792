// Page object: the 批注 tab of the case sidebar — every highlight and note of the case.
import type { Locator, Page } from '@playwright/test';

export class AnnotationsPanel {
  readonly tab: Locator;
  readonly list: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('side-tab-notes');
    this.list = page.getByTestId('annotation-list');
    this.rows = this.list.getByTestId('annotation-row');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await this.list.waitFor();
  }

  rowWithNote(note: string): Locator {
    return this.rows.filter({ hasText: note });
  }

  async filterByPoint(label: string): Promise<void> {
    await this.list.getByTestId('annotation-filter').click();
    await this.page.getByRole('option', { name: new RegExp(`^${label}`) }).click();
  }
}
