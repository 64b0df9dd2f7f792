// Page object: the main window (queue | case file | status bar).
import type { Page } from '@playwright/test';
import { QueuePanel } from './QueuePanel';
import { CaseFilePanel } from './CaseFilePanel';
import { SearchPanel } from './SearchPanel';
import { AnnotationsPanel } from './AnnotationsPanel';

export class WorkstationPage {
  readonly queue: QueuePanel;
  readonly caseFile: CaseFilePanel;
  readonly search: SearchPanel;
  readonly annotations: AnnotationsPanel;

  constructor(readonly page: Page) {
    this.queue = new QueuePanel(page);
    this.caseFile = new CaseFilePanel(page);
    this.search = new SearchPanel(page);
    this.annotations = new AnnotationsPanel(page);
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByTestId('status-bar').getByText('数据目录').waitFor();
  }

  statusBar() {
    return this.page.getByTestId('status-bar');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
