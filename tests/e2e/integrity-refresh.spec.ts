// P4 (文件完整性) follows what the workstation learns about the files at once: a viewer's check that
// finds a tampered file, or 校验案卷, re-reads the open review — no 重新读取 needed.
import { callApi, expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { ReviewPanel } from './pages/ReviewPanel';
import { AUDIO_TITLE, audioCasePackage } from './support/evidence-packages';
import { tamperBlob } from './support/tamper';

/** P4 opened with its passed checks shown: the file-integrity finding is ok while the store says so. */
async function expectIntact(review: ReviewPanel): Promise<void> {
  await review.expand('P4');
  await review.detail('P4').getByRole('button', { name: /项检查通过/ }).click();
  await expect(integrity(review, 'ok')).toContainText('哈希值一致');
}

const integrity = (review: ReviewPanel, severity: 'ok' | 'fail') => review.findings('P4').and(review.page.locator(`[data-check="P4.file-integrity"][data-severity="${severity}"]`));

test('a viewer finding a tampered file turns P4 red in the open review panel', async ({ page, freshHost }) => {
  const pkg = await audioCasePackage();
  await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });
  tamperBlob(freshHost.home, pkg.shaOf('e1'));

  const ws = new WorkstationPage(page);
  const review = new ReviewPanel(page);
  await ws.open(freshHost.url);
  const caseId = await ws.queue.openCaseNumber(pkg.caseNumber);
  await review.waitFor(caseId);
  // The store still holds the import-time check: all files 一致.
  await expectIntact(review);

  await ws.caseFile.openItem('进货单据');
  await expect(ws.caseFile.integrityBanner(0)).toBeVisible();
  await expect(integrity(review, 'fail')).toContainText('进货单据');
  await expect(integrity(review, 'ok')).toHaveCount(0);
  await expect(review.point('P4')).toHaveAttribute('data-worst', 'fail');
});

test('校验案卷 finding a tampered file turns P4 red in the open review panel', async ({ page, freshHost }) => {
  const pkg = await audioCasePackage();
  await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });

  const ws = new WorkstationPage(page);
  const review = new ReviewPanel(page);
  await ws.open(freshHost.url);
  const caseId = await ws.queue.openCaseNumber(pkg.caseNumber);
  await review.waitFor(caseId);
  await expectIntact(review);

  tamperBlob(freshHost.home, pkg.shaOf('e-audio'));
  const dialog = await ws.caseFile.verifyCase();
  await expect(dialog.getByTestId('integrity-summary')).toContainText('已篡改 1');
  await expect(integrity(review, 'fail')).toContainText(AUDIO_TITLE);
  await expect(integrity(review, 'ok')).toHaveCount(0);
});
