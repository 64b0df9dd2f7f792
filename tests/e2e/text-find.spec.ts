// Ctrl+F in the text and Word panes, as in the PDF pane: a find bar with "n/m", Enter and
// Shift+Enter walking the matches (scrolled to), 无结果 in red, Esc closing it — and Ctrl+F in a
// text pane opens its own bar, not the bar of the PDF in the other pane.
import type { Locator } from '@playwright/test';
import { callApi, expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { addEvidence, DOCX_LINES, TEXT_TITLES, textCasePackage } from './support/evidence-packages';
import { buildPackage, tempDir } from '../helpers/package-builder';

const LOG_TITLE = '收银系统操作日志';

/** 400 lines of a till log; 罚没款 on lines 5, 200 and 390 (the last two far below the first screen). */
function tillLog(): Buffer {
  const lines = Array.from({ length: 400 }, (_, i) => `2026-06-05 ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} 第${i + 1}笔 售出预包装食品 1 件`);
  lines[4] = '2026-06-05 08:04 备注：罚没款 专户待核对';
  lines[199] = '2026-06-05 11:19 备注：罚 没 款（分两次缴纳）';
  lines[389] = '2026-06-05 14:29 备注：罚没款已缴清';
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

/** Whether the element lies within the scroll box’s visible part. */
async function inView(el: Locator, box: Locator): Promise<boolean> {
  const e = (await el.boundingBox())!;
  const b = (await box.boundingBox())!;
  return e.y >= b.y && e.y + e.height <= b.y + b.height;
}

test('Ctrl+F in a text pane: n/m, Enter and Shift+Enter scroll to each match, 无结果, Esc closes', async ({ page, freshHost }) => {
  const pkg = await buildPackage(tempDir('fashen-e2e-pkg-'), { caseNumber: `测市监处罚〔2026〕${Math.floor(Math.random() * 9000) + 1000}号` });
  addEvidence(pkg, [['e-log', LOG_TITLE, 'evidence/till.log.txt', tillLog()]], { kind: '电子数据', proves: '销售记录', mime: 'text/plain' });
  await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });
  const ws = new WorkstationPage(page);
  await ws.open(freshHost.url);
  await ws.queue.openCaseNumber(pkg.manifest.case.caseNumber);
  await ws.caseFile.openItem(LOG_TITLE);
  const viewer = ws.caseFile.pane(0).getByTestId('text-viewer').filter({ visible: true });
  const body = viewer.locator('.text-viewer-body');
  await expect(viewer).toContainText('第1笔');

  await body.click();
  await page.keyboard.press('Control+f');
  const input = viewer.getByTestId('text-find-input');
  await expect(input).toBeFocused();
  // Folded as the PDF find: "罚 没 款" with spaces counts too.
  await input.fill('罚没款');
  const count = viewer.getByTestId('text-find-count');
  await expect(count).toHaveText('1/3');
  await expect(viewer.getByTestId('text-match')).toHaveCount(3);
  const current = viewer.locator('mark.text-match.is-current');
  await expect(current).toHaveText('罚没款');
  await input.press('Enter');
  await expect(count).toHaveText('2/3');
  await expect(current).toHaveText('罚 没 款');
  await expect.poll(() => inView(current, body)).toBe(true);
  await ws.screenshot('text-find-bar');
  await input.press('Enter');
  await expect(count).toHaveText('3/3');
  await expect(current).toHaveText('罚没款');
  await expect.poll(() => inView(current, body)).toBe(true);
  await input.press('Shift+Enter');
  await expect(count).toHaveText('2/3');

  await input.fill('未出现的词');
  await expect(count).toHaveText('无结果');
  await expect(count).toHaveClass(/t-fail/);
  await expect(viewer.getByTestId('text-match')).toHaveCount(0);
  await input.press('Escape');
  await expect(viewer.getByTestId('text-findbar')).toHaveCount(0);
  await expect(body).toBeFocused();
});

test('Ctrl+F in a Word pane finds in its text; in a split, the focused pane’s bar opens, not the PDF’s', async ({ page, freshHost }) => {
  const pkg = await textCasePackage();
  await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });
  const ws = new WorkstationPage(page);
  await ws.open(freshHost.url);
  await ws.queue.openCaseNumber(pkg.caseNumber);

  // A PDF on the left, the Word document on the right.
  await ws.caseFile.openItem('进货单据');
  const pdf = ws.caseFile.pdf(0);
  await pdf.waitRendered(1);
  await ws.caseFile.openItem(TEXT_TITLES.docx, 'other');
  const docx = ws.caseFile.pane(1).getByTestId('docx-viewer').filter({ visible: true });
  await expect(docx).toContainText(DOCX_LINES[1]);

  await docx.locator('.text-viewer-body').click();
  await page.keyboard.press('Control+f');
  const input = docx.getByTestId('text-find-input');
  await expect(input).toBeFocused();
  await expect(pdf.viewer.getByTestId('pdf-findbar')).toHaveCount(0);
  await input.fill('进货 票据');
  await expect(docx.getByTestId('text-find-count')).toHaveText('1/1');
  await expect(docx.locator('mark.text-match.is-current')).toHaveText('进货票据');
  await input.fill('罚款');
  await expect(docx.getByTestId('text-find-count')).toHaveText('无结果');
  await input.press('Escape');
  await expect(docx.getByTestId('text-findbar')).toHaveCount(0);

  // Back in the PDF pane, Ctrl+F is the PDF’s again.
  await pdf.viewer.locator('.pdf-scroll').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+f');
  await expect(pdf.viewer.getByTestId('pdf-find-input')).toBeFocused();
  await expect(docx.getByTestId('text-findbar')).toHaveCount(0);
});
