// Marks made on an older version of a re-imported file carry a small note in the 批注 list:
// 原文件已更新，批注按原文重新定位 — 原文已移至第 N 页 when the text moved to another page (the mark
// is drawn there) — or 未能在新版本中找到原文 when the quote is gone.
import { POINT_IDS } from '../../src/shared/rules/types';
import { callApi, expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { buildPackage, setNoticeText, tempDir } from '../helpers/package-builder';

test('marks on a replaced file are flagged in the 批注 list', async ({ page, freshHost }) => {
  const pkg = await buildPackage(tempDir('fashen-e2e-pkg-'));
  await setNoticeText(pkg, [
    ['Hearing rights were notified to the party', 760],
    ['Fine of 5000 yuan', 736],
    ['Goods seized on site', 712],
  ]);
  await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });
  const caseId = pkg.manifest.case.id;
  const anchor = (exact: string, y: number) => ({ type: 'text', page: 1, quote: { exact, prefix: '', suffix: '' }, rects: [{ x: 72, y, width: 120, height: 16 }] });
  await callApi(freshHost, 'annotations.create', { caseId, itemId: 'd1', kind: 'highlight', anchor: anchor('Hearing rights were notified', 68), note: '已告知听证权利', reviewPoint: 'P4' });
  await callApi(freshHost, 'annotations.create', { caseId, itemId: 'd1', kind: 'note', anchor: anchor('Fine of 5000 yuan', 92), note: '罚款金额与决定书一致' });
  await callApi(freshHost, 'annotations.create', { caseId, itemId: 'e1', kind: 'highlight', anchor: anchor('Evidence', 68), note: '进货单据未改动' });
  await callApi(freshHost, 'annotations.create', { caseId, itemId: 'd1', kind: 'highlight', anchor: anchor('Goods seized on site', 116), note: '扣押物品清单' });
  // Redaction marks for the publication copy (导出公示版): one whose text moves, one whose text goes.
  await callApi(freshHost, 'annotations.create', { caseId, itemId: 'd1', kind: 'redaction', anchor: anchor('Goods seized', 116), redactionReason: 'trade_secret' });
  await callApi(freshHost, 'annotations.create', { caseId, itemId: 'd1', kind: 'redaction', anchor: anchor('5000 yuan', 92), redactionReason: 'trade_secret' });

  // The review returns the case (建议纠正); the agency resubmits revision 2 with a corrected notice.
  await callApi(freshHost, 'settings.setReviewer', { name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  for (const point of POINT_IDS) await callApi(freshHost, 'review.setPoint', { caseId, point, decision: 'problem', note: '需补正' });
  await callApi(freshHost, 'review.conclude', { caseId, type: '建议纠正', opinionText: '告知书罚款金额有误，建议纠正后重新报送。' });
  pkg.manifest.case.revision = 2;
  await setNoticeText(pkg, [
    ['HEARING RIGHTS were notified to the party', 760],
    ['Fine of 3000 yuan', 736],
    ['Goods seized on site', 500, 2],
  ]);
  const [out] = await callApi<{ ok: boolean; error?: string }[]>(freshHost, 'cases.import', { paths: [pkg.dir] });
  expect(out, JSON.stringify(out)).toMatchObject({ ok: true });

  await page.setViewportSize({ width: 1366, height: 800 });
  const ws = new WorkstationPage(page);
  await ws.open(freshHost.url);
  await ws.queue.openCaseNumber(pkg.manifest.case.caseNumber);
  await ws.annotations.open();
  const found = ws.annotations.rowWithNote('已告知听证权利').getByTestId('annotation-file-updated');
  await expect(found).toHaveText('原文件已更新，批注按原文重新定位');
  await expect(found).toHaveAttribute('data-quote', 'found');
  const lost = ws.annotations.rowWithNote('罚款金额与决定书一致').getByTestId('annotation-file-updated');
  await expect(lost).toHaveText('未能在新版本中找到原文');
  await expect(ws.annotations.rowWithNote('进货单据未改动').getByTestId('annotation-file-updated')).toHaveCount(0);
  const movedRow = ws.annotations.rowWithNote('扣押物品清单');
  await expect(movedRow.getByTestId('annotation-file-updated')).toHaveText('原文已移至第 2 页（原在第 1 页）');
  await expect(movedRow).toContainText('第 2 页');
  await ws.screenshot('annotations-file-updated');

  // Opening it shows the mark on page 2, over the quote (not at the stored place on page 1).
  const id = (await movedRow.getAttribute('data-annotation-id'))!;
  await movedRow.locator('.ann-main').click();
  const pdf = ws.caseFile.pdf(0);
  await pdf.waitRendered(2);
  const drawn = pdf.page(2).locator(`[data-annotation-id="${id}"] .pdf-mark`).first();
  await expect(drawn).toBeVisible();
  await expect(pdf.page(1).locator(`[data-annotation-id="${id}"]`)).toHaveCount(0);
  const [markBox, pageBox] = [await drawn.boundingBox(), await pdf.page(2).boundingBox()];
  // The quote is drawn at y = 500 of 842 pt (from the bottom): about 40 % down the page.
  const down = (markBox!.y - pageBox!.y) / pageBox!.height;
  expect(down, `mark at ${down.toFixed(2)} of the page height`).toBeGreaterThan(0.3);
  expect(down).toBeLessThan(0.5);
  await ws.screenshot('annotations-moved-mark');

  // The publication copy removes the moved text where it is now and says which marked text is gone.
  await ws.caseFile.pane(0).getByTestId('export-redacted').click();
  const done = page.getByRole('dialog', { name: '已导出公示版' });
  await expect(done).toBeVisible({ timeout: 30_000 });
  await expect(done.getByTestId('redacted-reanchored')).toHaveText('文件已更新，1 处标记按原文在新版本中定位：第 1 → 2 页');
  await expect(done).toContainText('处理页共 1 页（第 2 页）');
  await expect(done.getByTestId('redacted-warnings')).toContainText('「5000 yuan」（原在第 1 页）在文件新版本中未找到，未作隐去');
  await ws.screenshot('export-redacted-reanchored');
});
