// Page object: global search — the queue's search box (Ctrl+K, Enter) and the grouped results.
import type { Locator, Page } from '@playwright/test';

export class SearchPanel {
  readonly box: Locator;
  readonly results: Locator;
  readonly groups: Locator;
  readonly hits: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.box = page.getByTestId('queue-search');
    this.results = page.getByTestId('search-results');
    this.groups = this.results.getByTestId('search-group');
    this.hits = this.results.getByTestId('search-hit');
    this.error = this.results.getByTestId('search-error');
  }

  /** Ctrl+K, type, Enter: searches everything. */
  async search(text: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.box.fill(text);
    await this.box.press('Enter');
    await this.page.locator('[data-testid="search-results"][data-loading="false"]').waitFor();
  }

  /** The n-th page hit (a document or evidence page, not a case field). */
  pageHit(n = 0): Locator {
    return this.results.locator('[data-testid="search-hit"]:not([data-page=""])').nth(n);
  }
}
