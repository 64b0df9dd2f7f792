// Page object: the sync status line in the status bar and the 与中心系统同步 panel it opens.
import type { Locator, Page } from '@playwright/test';

export class SyncPanel {
  readonly line: Locator;
  readonly drawer: Locator;
  readonly state: Locator;

  constructor(readonly page: Page) {
    this.line = page.getByTestId('status-bar').getByTestId('sync-status');
    this.drawer = page.getByRole('dialog', { name: '与中心系统同步' });
    this.state = this.drawer.getByTestId('sync-panel-state');
  }

  async open(): Promise<void> {
    if (await this.drawer.isVisible()) return;
    await this.line.click();
    await this.drawer.getByTestId('sync-panel').waitFor({ timeout: 10_000 });
  }

  async close(): Promise<void> {
    await this.drawer.getByRole('button', { name: '关闭' }).click();
    await this.drawer.waitFor({ state: 'hidden' });
  }

  /** Re-read the status (after something changed outside the window: a login, the central system). */
  async refresh(): Promise<void> {
    await this.drawer.getByTestId('sync-refresh').click();
  }

  runButton(): Locator {
    return this.drawer.getByTestId('sync-run');
  }

  cancelButton(): Locator {
    return this.drawer.getByTestId('sync-cancel');
  }

  progressText(): Locator {
    return this.drawer.getByTestId('sync-progress-text');
  }

  queued(): Locator {
    return this.drawer.getByTestId('sync-queued-item');
  }

  attention(state?: 'stale' | 'rejected'): Locator {
    return this.drawer.locator(`[data-testid="sync-attention-item"]${state ? `[data-state="${state}"]` : ''}`);
  }
}
