// 校验案卷 on a case with a big video: the dialog shows the file being re-hashed with a 取消校验
// button; cancelling stops the check and the report says 已取消, files not reached stay 未校验.
import { callApi, expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { buildPackage, tempDir } from '../helpers/package-builder';
import { addSparseVideo } from '../helpers/sparse-video';

const VIDEO_TITLE = '执法记录仪视频';
/** Sparse, so building it is instant; re-hashing it takes seconds — long enough to press 取消. */
const VIDEO_BYTES = 1024 * 1024 * 1024;

async function bigVideoPackage(): Promise<{ dir: string; caseNumber: string }> {
  const pkg = await buildPackage(tempDir('fashen-e2e-pkg-'));
  await addSparseVideo(pkg, { id: 'e-video', title: VIDEO_TITLE, bytes: VIDEO_BYTES });
  pkg.write();
  return { dir: pkg.dir, caseNumber: pkg.manifest.case.caseNumber };
}

test('校验案卷 can be cancelled while a big video is re-hashed', async ({ page, freshHost }) => {
  test.setTimeout(180_000);
  const pkg = await bigVideoPackage();
  await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });
  await page.setViewportSize({ width: 1366, height: 800 });

  const ws = new WorkstationPage(page);
  await ws.open(freshHost.url);
  await ws.queue.openCaseNumber(pkg.caseNumber);
  await page.getByTestId('verify-case').click();
  const dialog = page.getByTestId('integrity-dialog');
  // The progress names the big file, keeps the file count and counts bytes of the whole case.
  const progress = dialog.getByTestId('integrity-progress');
  await expect(progress).toContainText(`正在校验「${VIDEO_TITLE}」`, { timeout: 60_000 });
  await expect(progress).toContainText(/^已校验 2\/3 个文件 · [\d.]+ (B|KB|MB|GB) \/ 1\.00 GB · 正在校验/);
  // The bar counts bytes: it agrees with the bytes in the text (one render), not with 2 of 3 files.
  const shown = await dialog.evaluate((d) => ({
    percent: Number(d.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')),
    text: d.querySelector('[data-testid="integrity-progress"]')?.textContent ?? '',
  }));
  const [, amount, unit] = /· ([\d.]+) (B|KB|MB|GB) \//.exec(shown.text) ?? [];
  const doneBytes = Number(amount) * { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[unit as 'B' | 'KB' | 'MB' | 'GB'];
  expect(Math.abs(shown.percent - (doneBytes / VIDEO_BYTES) * 100)).toBeLessThan(1.5);
  await ws.screenshot('integrity-running-cancel');
  // 在后台继续 closes the dialog; 校验案卷 reopens it on the running check (no second run) to cancel.
  await page.getByTestId('integrity-close').click();
  await expect(dialog).toBeHidden();
  await page.getByTestId('verify-case').click();
  await expect(dialog.getByTestId('integrity-progress')).toBeVisible();
  await page.getByTestId('integrity-cancel').click();

  const summary = dialog.getByTestId('integrity-summary');
  await expect(summary).toContainText('已取消', { timeout: 30_000 });
  await expect(summary).toContainText('1 个未校验');
  await expect(summary).toHaveAttribute('data-cancelled', 'true');
  await expect(dialog.locator('tr', { hasText: VIDEO_TITLE }).getByTestId('integrity-state')).toHaveAttribute('data-state', 'unchecked');
  await expect(dialog.locator('[data-testid="integrity-state"][data-state="ok"]')).toHaveCount(2);
  await expect(page.getByTestId('integrity-cancel')).toHaveCount(0);
  await ws.screenshot('integrity-cancelled');
  await page.getByTestId('integrity-close').click();
  // Nothing was marked wrong: the video is not shown as damaged in the tree.
  await expect(ws.caseFile.item(VIDEO_TITLE)).not.toHaveAttribute('data-file-state', /tampered|missing/);
});
