// The opinion's preview open while a sync learns that the central system gave the case to another
// reviewer: the document pane says so plainly (since when this workstation knows) and its bar no
// longer offers 签署 — no sign button that the back end would then refuse. Screenshots at 1366 and 1920.
import { callApi, expect, test } from './fixtures';
import { SyncPanel } from './pages/SyncPanel';
import { WorkstationPage } from './pages/WorkstationPage';
import { concludeReviewOk } from './support/review-api';
import { withCentralAndHost } from './support/central-host';

const PASS = 'correct horse battery';

test('a preview on a case reassigned meanwhile says so and offers no 签署', async ({ page }) => {
  test.setTimeout(180_000);
  await withCentralAndHost({ prepare: (central) => central.admin.addReviewer('bob', 'bob-password-e2e') }, async ({ central, url, host, caseId }) => {
    await callApi(host, 'sync.run', {});
    expect((await callApi<{ id: string }[]>(host, 'cases.list', {})).length).toBe(1);
    await callApi(host, 'keys.create', { passphrase: PASS });
    await concludeReviewOk(host, caseId);

    await page.setViewportSize({ width: 1366, height: 768 });
    const ws = new WorkstationPage(page);
    await ws.open(url);
    await ws.queue.openCaseId(caseId);
    await page.getByTestId('opinion-preview').click();
    const bar = page.getByTestId('opinion-preview-bar');
    await expect(bar.getByTestId('opinion-sign')).toBeVisible();
    await expect(page.getByTestId('opinion-preview-reassigned')).toHaveCount(0);

    // Meanwhile the central system gives the case to bob; the next 立即同步 learns of it.
    expect((await central.admin.post(`/v1/admin/cases/${encodeURIComponent(caseId)}/assign`, { user: 'bob' })).status).toBe(200);
    const sync = new SyncPanel(page);
    await sync.open();
    await sync.runButton().click();
    await expect(sync.drawer.getByTestId('sync-result')).toContainText('1 件案件已改派给其他审核员', { timeout: 30_000 });
    await sync.close();

    const note = page.getByTestId('opinion-preview-reassigned');
    await expect(note).toContainText(/本案已由中心系统改派给其他审核员（本机于 \d{4}-\d\d-\d\d \d\d:\d\d.* 同步时得知），您不能再签署这份意见书。/);
    await expect(note).toContainText('此预览仅供查阅');
    await expect(bar.getByTestId('opinion-preview-tag')).toHaveText('预览 · 已改派，不能签署');
    await expect(bar.getByTestId('opinion-sign')).toHaveCount(0);
    await expect(page.getByTestId('review-reassigned')).toBeVisible();
    await expect(page.getByTestId('opinion-sign-start')).toHaveCount(0);
    await ws.screenshot('reassigned-preview-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect(note).toBeVisible();
    await ws.screenshot('reassigned-preview-1920');

    // Made again now: the back end's preview says the same.
    await page.setViewportSize({ width: 1366, height: 768 });
    await bar.getByTestId('opinion-repreview').click();
    await expect(note).toBeVisible();
    await expect(bar.getByTestId('opinion-sign')).toHaveCount(0);
  });
});
