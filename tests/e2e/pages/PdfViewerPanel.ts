// Page object: the PDF viewer inside one pane (only its visible tab).
import type { Locator } from '@playwright/test';

export class PdfViewerPanel {
  readonly viewer: Locator;

  constructor(pane: Locator) {
    this.viewer = pane.getByTestId('pdf-viewer').filter({ visible: true });
  }

  page(n: number): Locator {
    return this.viewer.locator(`[data-testid="pdf-page"][data-page-number="${n}"]`);
  }

  async waitRendered(n = 1): Promise<void> {
    await this.viewer.locator(`[data-testid="pdf-page"][data-page-number="${n}"][data-rendered="true"]`).waitFor({ timeout: 30_000 });
  }

  /** Share of sampled pixels on the page's canvas that are not white (0–1). */
  async inkRatio(n = 1): Promise<number> {
    return this.page(n)
      .locator('canvas')
      .evaluate((canvas: HTMLCanvasElement) => {
        const ctx = canvas.getContext('2d');
        if (!ctx) return 0;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let ink = 0;
        let seen = 0;
        for (let i = 0; i < data.length; i += 4 * 16) {
          seen++;
          if ((data[i] ?? 255) < 200 || (data[i + 1] ?? 255) < 200 || (data[i + 2] ?? 255) < 200) ink++;
        }
        return seen ? ink / seen : 0;
      });
  }

  /** Marks drawn for stored annotations (highlight, note, redaction). */
  marks(kind?: 'highlight' | 'note' | 'redaction'): Locator {
    return this.viewer.locator(kind ? `.pdf-mark.mark-${kind}` : '.pdf-mark');
  }

  searchHighlights(): Locator {
    return this.viewer.getByTestId('search-highlight');
  }

  async currentPage(): Promise<number> {
    return Number(await this.viewer.getAttribute('data-current-page'));
  }

  /** Drag-select text in the text layer: from the start of the span containing `text` to `to` of its width. */
  async selectText(n: number, text: string, to = 0.6): Promise<void> {
    const span = this.page(n).locator('.textLayer span').filter({ hasText: text }).first();
    await span.waitFor();
    const box = await span.boundingBox();
    if (!box) throw new Error(`第 ${n} 页找不到“${text}”`);
    const mouse = this.viewer.page().mouse;
    const y = box.y + box.height / 2;
    await mouse.move(box.x + 1, y);
    await mouse.down();
    await mouse.move(box.x + box.width * to, y, { steps: 8 });
    await mouse.up();
  }

  async text(n = 1): Promise<string> {
    const layer = this.page(n).locator('.textLayer');
    await layer.locator('span').first().waitFor();
    return (await layer.textContent()) ?? '';
  }
}
