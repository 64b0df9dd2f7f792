// 适合宽度 fits the page being read (pdf.js's page-width), not the widest page of the document: one
// landscape page among portrait ones used to make every portrait page small. Scrolling on to the
// landscape page keeps the zoom; choosing 适合宽度 again there fits that page.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { callApi, expect, test, type RunningHost } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import type { PdfViewerPanel } from './pages/PdfViewerPanel';
import { buildPackage, setNoticeBytes, tempDir } from '../helpers/package-builder';

const PORTRAIT: [number, number] = [595, 842];
const LANDSCAPE: [number, number] = [842, 595];
/** Page 4 of 6 is landscape (a table printed sideways), the others A4 portrait. */
const LANDSCAPE_PAGE = 4;

async function mixedOrientationPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= 6; n++) {
    const wide = n === LANDSCAPE_PAGE;
    const page = doc.addPage(wide ? LANDSCAPE : PORTRAIT);
    const { width, height } = page.getSize();
    page.drawText(`Page ${n} ${wide ? 'landscape table' : 'portrait record'}`, { x: 72, y: height - 90, size: 18, font });
    for (let line = 0; line < (wide ? 12 : 30); line++) {
      const y = height - 130 - line * 22;
      if (wide) page.drawRectangle({ x: 72, y: y - 6, width: width - 144, height: 22, borderColor: rgb(0.4, 0.4, 0.4), borderWidth: 0.6 });
      page.drawText(`${wide ? 'Row' : 'Line'} ${line + 1}: inspection finding, quantity and amount as recorded on site`, { x: 80, y, size: 11, font });
    }
  }
  return doc.save();
}

/** A case whose notice (行政处罚告知书) is the mixed-orientation PDF; returns its case number. */
async function importMixedOrientation(host: RunningHost): Promise<string> {
  const pkg = await buildPackage(tempDir('fashen-e2e-pkg-'));
  setNoticeBytes(pkg, await mixedOrientationPdf());
  await callApi(host, 'cases.import', { paths: [pkg.dir] });
  return pkg.manifest.case.caseNumber;
}

/** Opens the case's notice in the left pane and waits until its first page is drawn and every page measured. */
async function openNotice(ws: WorkstationPage, url: string, caseNumber: string): Promise<PdfViewerPanel> {
  await ws.open(url);
  await ws.queue.openCaseNumber(caseNumber);
  await ws.caseFile.openItem('行政处罚告知书');
  const pdf = ws.caseFile.pdf(0);
  await pdf.waitRendered(1);
  await pdf.viewer.and(ws.page.locator('[data-pages-measured="true"]')).waitFor();
  return pdf;
}

/** The width a page gets under 适合宽度: the scroll area's inner width less the column's padding (12 px a side). */
async function paneWidth(pdf: PdfViewerPanel): Promise<number> {
  return (await pdf.viewer.locator('.pdf-scroll').evaluate((el) => el.clientWidth)) - 24;
}

async function pageWidth(pdf: PdfViewerPanel, n: number): Promise<number> {
  return pdf.page(n).evaluate((el) => el.getBoundingClientRect().width);
}

/** Picks 适合宽度 in the zoom list (always on the bar, however narrow the pane). */
async function pickFitWidth(pdf: PdfViewerPanel): Promise<void> {
  await pdf.viewer.getByRole('combobox', { name: '缩放比例' }).click();
  await pdf.viewer.page().locator('.ant-select-dropdown:visible').getByTitle('适合宽度').click();
}

async function goToPage(pdf: PdfViewerPanel, n: number): Promise<void> {
  const input = pdf.viewer.getByTestId('pdf-page-input');
  await input.fill(String(n));
  await input.press('Enter');
  await expect.poll(() => pdf.currentPage()).toBe(n);
  await pdf.waitRendered(n);
}

test('适合宽度 fits the page being read; a landscape page keeps the zoom until 适合宽度 is chosen on it', async ({ page, freshHost }) => {
  const caseNumber = await importMixedOrientation(freshHost);
  const ws = new WorkstationPage(page);
  const pdf = await openNotice(ws, freshHost.url, caseNumber);

  // Opened at 适合宽度: page 1 (portrait) fills the pane's width, though page 4 is wider.
  const pane = await paneWidth(pdf);
  expect(Math.abs((await pageWidth(pdf, 1)) - pane)).toBeLessThan(2);

  // Scrolling on to the landscape page keeps the zoom: the portrait pages stay as they were, and
  // the landscape page is wider than the pane by its shape (842 / 595).
  await goToPage(pdf, LANDSCAPE_PAGE);
  expect(Math.abs((await pageWidth(pdf, LANDSCAPE_PAGE - 1)) - pane)).toBeLessThan(2);
  expect((await pageWidth(pdf, LANDSCAPE_PAGE)) / pane).toBeCloseTo(842 / 595, 1);
  // It shows from its left edge, where its lines start (the pane scrolled sideways to it).
  const scroll = pdf.viewer.locator('.pdf-scroll');
  const leftEdge = async () => (await pdf.page(LANDSCAPE_PAGE).boundingBox())!.x - (await scroll.boundingBox())!.x;
  await expect.poll(leftEdge).toBeGreaterThanOrEqual(0);
  expect(await leftEdge()).toBeLessThanOrEqual(12 + 1);
  await ws.screenshot('pdf-fit-width-landscape-kept-1366');

  // 适合宽度 chosen on the landscape page (the toolbar button, already on): that page fits now.
  await pdf.viewer.getByRole('button', { name: '适合宽度' }).click();
  await expect.poll(() => pageWidth(pdf, LANDSCAPE_PAGE)).toBeLessThan(pane + 2);
  expect(Math.abs((await pageWidth(pdf, LANDSCAPE_PAGE)) - pane)).toBeLessThan(2);
  expect(await pdf.currentPage()).toBe(LANDSCAPE_PAGE);
  await ws.screenshot('pdf-fit-width-landscape-fitted-1366');

  // Back on a portrait page, 适合宽度 from the zoom list fits the portrait page again.
  await goToPage(pdf, 5);
  await pickFitWidth(pdf);
  await expect.poll(async () => Math.abs((await pageWidth(pdf, 5)) - pane)).toBeLessThan(2);
  expect(await pdf.currentPage()).toBe(5);
});

test('screenshots: a mixed-orientation PDF at 适合宽度, 1366×768 and 1920×1080', async ({ page, freshHost }) => {
  const caseNumber = await importMixedOrientation(freshHost);
  const ws = new WorkstationPage(page);
  for (const size of [
    { name: '1366', width: 1366, height: 768 },
    { name: '1920', width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const pdf = await openNotice(ws, freshHost.url, caseNumber);
    expect(Math.abs((await pageWidth(pdf, 1)) - (await paneWidth(pdf)))).toBeLessThan(2);
    // The end of page 3 and the start of the landscape page 4 in view.
    await goToPage(pdf, LANDSCAPE_PAGE);
    await pdf.viewer.locator('.pdf-scroll').evaluate((el) => el.scrollBy(0, -el.clientHeight / 2));
    await pdf.waitRendered(LANDSCAPE_PAGE - 1);
    await page.waitForTimeout(300);
    await ws.screenshot(`pdf-fit-width-mixed-${size.name}`);
  }
});
