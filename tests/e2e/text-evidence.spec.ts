// Plain-text evidence (chat logs, till exports — 电子数据) is read in the pane, UTF-8 or GB18030,
// instead of "cannot be previewed" with no way to read it; a Word document shows its text; both are searched.
import { callApi, expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { DOCX_LINES, TEXT_TITLES, textCasePackage } from './support/evidence-packages';

test('a text evidence file is shown as text, in either encoding', async ({ page, freshHost }) => {
  const pkg = await textCasePackage();
  await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });
  const ws = new WorkstationPage(page);
  await ws.open(freshHost.url);
  await ws.queue.openCaseNumber(pkg.caseNumber);
  const pane = ws.caseFile.pane(0);

  await ws.caseFile.openItem(TEXT_TITLES.utf8);
  const viewer = pane.getByTestId('text-viewer').filter({ visible: true });
  await expect(viewer).toContainText('合肥的批发市场，没有票据。');
  await expect(viewer).toContainText('UTF-8');
  await ws.screenshot('text-evidence');

  await ws.caseFile.openItem(TEXT_TITLES.gbk);
  await expect(pane.getByTestId('text-viewer').filter({ visible: true })).toContainText('收银记录：售出涉案食品 12 件');
  await expect(pane.getByTestId('text-viewer').filter({ visible: true })).toContainText('GB18030');

  // Bytes labelled text that are not text say so, with the original to export, instead of 乱码.
  await ws.caseFile.openItem(TEXT_TITLES.binary);
  await expect(pane.getByTestId('text-not-text').filter({ visible: true })).toContainText('内容不是文本');
  await expect(pane.getByTestId('text-not-text').filter({ visible: true }).getByTestId('export-original')).toBeVisible();

  // A .docx shows its text in the face of official papers; 导出原件 saves the original under its title (an export: audited).
  await ws.caseFile.openItem(TEXT_TITLES.docx);
  const docx = pane.getByTestId('docx-viewer').filter({ visible: true });
  await expect(docx).toContainText(DOCX_LINES[1]);
  await expect(docx).toContainText('Word 文档 · 文字预览');
  await ws.screenshot('docx-text');
  const download = page.waitForEvent('download');
  await pane.getByTestId('export-original').filter({ visible: true }).click();
  expect((await download).suggestedFilename()).toBe(`${TEXT_TITLES.docx}.docx`);
  await ws.screenshot('export-original');

  // The text of both kinds is searched like a PDF page's, and a hit says 正文 (they have no pages).
  await ws.search.search('没有票据');
  await expect(ws.search.hits.filter({ hasText: '合肥的批发市场' }).first()).toContainText('正文');
  await ws.search.search('未索取进货票据');
  await expect(ws.search.hits.first()).toContainText('正文');
  await expect(ws.search.results.locator('.sr-item').first()).toContainText(TEXT_TITLES.docx);
  // Opening the hit marks the words in the Word document's text, as a PDF hit is marked on its page.
  await ws.search.hits.first().click();
  await expect(pane.getByTestId('docx-viewer').filter({ visible: true }).getByTestId('text-find')).toHaveText('未索取进货票据');
  await ws.search.search('没有票据');
  await ws.search.hits.filter({ hasText: '合肥的批发市场' }).first().click();
  await expect(pane.getByTestId('text-viewer').filter({ visible: true }).getByTestId('text-find')).toHaveText('没有票据');
  await ws.screenshot('text-evidence-hit');

  // Two words: the hit marked as before, the other word marked lighter wherever it stands; Esc clears both.
  await ws.search.search('没有票据 张三');
  await ws.search.hits.filter({ hasText: '张三' }).first().click();
  const chat = pane.getByTestId('text-viewer').filter({ visible: true });
  const hitWord = await chat.getByTestId('text-find').textContent();
  expect(['没有票据', '张三']).toContain(hitWord);
  await expect(chat.getByTestId('text-term')).toHaveText([hitWord === '张三' ? '没有票据' : '张三']);
  await ws.screenshot('text-evidence-two-words');
  await chat.locator('.text-viewer-body').press('Escape');
  await expect(chat.getByTestId('text-find')).toHaveCount(0);
  await expect(chat.getByTestId('text-term')).toHaveCount(0);
});
