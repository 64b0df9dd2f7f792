// A signed opinion's state follows the automatic sync without a page reload: with the case open,
// the conclusion card and the 意见书 list say 待发送; the automatic sync delivers it; both then say
// what the central system answered, and the status line 已同步.
import { callApi, expect, test } from './fixtures';
import { SyncPanel } from './pages/SyncPanel';
import { WorkstationPage } from './pages/WorkstationPage';
import { withCentralAndHost } from './support/central-host';
import { signOpinionOk } from './support/review-api';

const PASS = 'correct horse battery';

test('the automatic sync delivers a signed opinion: the open case stops saying 待发送', async ({ page }) => {
  test.setTimeout(180_000);
  await withCentralAndHost({ autoSync: true }, async ({ url, host, caseId }) => {
    await expect.poll(async () => (await callApi<{ id: string }[]>(host, 'cases.list', {})).length, { timeout: 60_000 }).toBe(1);
    // Logged in: the new key's certificate comes from the central system.
    await callApi(host, 'keys.create', { passphrase: PASS });

    // Held back while the case is opened: the switch off, conclude and sign.
    await callApi(host, 'sync.setAuto', { enabled: false });
    await signOpinionOk(host, caseId, PASS);

    await page.setViewportSize({ width: 1366, height: 768 });
    const ws = new WorkstationPage(page);
    await ws.open(url);
    await ws.queue.openCaseId(caseId);
    const panel = page.locator(`[data-testid="review-panel"][data-case-id="${caseId}"]`);
    const card = panel.getByTestId('opinion-signed-line');
    const listed = panel.getByTestId('opinion-list').getByTestId('opinion-row-submission').first();
    await expect(card).toContainText('待发送');
    await expect(listed).toHaveText('待发送');
    const sync = new SyncPanel(page);
    await expect(sync.line).toContainText('1 项待发送');

    // The switch on again (as in the panel; a run follows within seconds): no click on 立即同步, no reload.
    await callApi(host, 'sync.setAuto', { enabled: true });
    await expect(sync.line).toHaveAttribute('data-state', 'synced', { timeout: 60_000 });
    await expect(sync.line).not.toContainText('待发送');
    await expect(card).not.toContainText('待发送', { timeout: 15_000 });
    await expect(card).toContainText(/中心已接收|中心已退回/);
    await expect(listed).toHaveText(/中心已接收|中心已退回/);
    await ws.screenshot('sync-opinion-state-after-auto');
  });
});
