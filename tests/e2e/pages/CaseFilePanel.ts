// Page object: the case file — header, tree of 文书/证据, panes and their viewers.
import type { Locator, Page } from '@playwright/test';
import { PdfViewerPanel } from './PdfViewerPanel';
import type { QueuePanel } from './QueuePanel';

export class CaseFilePanel {
  readonly view: Locator;
  readonly header: Locator;
  readonly tree: Locator;

  constructor(readonly page: Page) {
    this.view = page.getByTestId('case-view');
    this.header = page.getByTestId('case-header');
    this.tree = page.getByRole('navigation', { name: '文书与证据' });
  }

  item(title: string): Locator {
    return this.tree.getByTestId('case-item').filter({ hasText: title }).first();
  }

  /** Opens queue rows one by one until a case file lists an item with this title. */
  async openCaseHaving(queue: QueuePanel, title: string, maxRows = 12): Promise<void> {
    const n = Math.min(maxRows, await queue.rows.count());
    for (let i = 0; i < n; i++) {
      await queue.openRow(i);
      if ((await this.tree.getByTestId('case-item').filter({ hasText: title }).count()) > 0) return;
    }
    throw new Error(`没有案卷包含“${title}”`);
  }

  async openItem(title: string, where: 'active' | 'other' = 'active'): Promise<void> {
    const item = this.item(title);
    if (where === 'active') {
      await item.click();
      return;
    }
    await item.click({ button: 'right' });
    await this.page.getByRole('menuitem', { name: /在(右|左)侧打开/ }).click();
  }

  pane(index: 0 | 1): Locator {
    return this.page.getByTestId(`pane-${index}`);
  }

  pdf(index: 0 | 1): PdfViewerPanel {
    return new PdfViewerPanel(this.pane(index));
  }

  /** The red integrity banner over the visible viewer of a pane. */
  integrityBanner(index: 0 | 1 = 0): Locator {
    return this.pane(index).getByTestId('integrity-banner').filter({ visible: true });
  }

  /** 校验案卷: runs the check and returns the result dialog once the summary is there. */
  async verifyCase(): Promise<Locator> {
    await this.page.getByTestId('verify-case').click();
    const dialog = this.page.getByTestId('integrity-dialog');
    await dialog.getByTestId('integrity-summary').waitFor({ timeout: 30_000 });
    return dialog;
  }

  async toggleSplit(): Promise<void> {
    await this.page.getByTestId('toggle-split').click();
  }
}
