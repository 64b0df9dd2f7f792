// A signature whose certificate the central system issued names the signer's central account (UID)
// beside the real name: the 意见书 list's verification shows 签名人 王审核（…） · 中心账号 alice, and
// the 签名密钥 dialog lists 中心账号 alice with the key. Screenshot at 1366 wide.
import { callApi, expect, test } from './fixtures';
import { OpinionPanel } from './pages/OpinionPanel';
import { WorkstationPage } from './pages/WorkstationPage';
import { signOpinionOk } from './support/review-api';
import type { RunningCentral } from './support/central';
import { withCentralAndHost } from './support/central-host';

const PASS = 'correct horse battery';

test('the verification of an opinion signed with a central certificate names the central account', async ({ page }) => {
  test.setTimeout(180_000);
  // The admin puts the reviewer's real name on her certificates (CN); the account goes in as UID.
  const nameAlice = async (central: RunningCentral) => {
    const named = await central.admin.send('PATCH', '/v1/admin/users/alice', { displayName: '王审核' });
    expect(named.status).toBe(200);
  };
  await withCentralAndHost({ prepare: nameAlice }, async ({ url, host, caseId }) => {
    await callApi(host, 'sync.run', {});
    await callApi(host, 'keys.create', { passphrase: PASS });
    await signOpinionOk(host, caseId, PASS);

    await page.setViewportSize({ width: 1366, height: 768 });
    const ws = new WorkstationPage(page);
    await ws.open(url);
    await ws.queue.openCaseId(caseId);
    const op = new OpinionPanel(page);
    const checks = await op.verifyRow(1);
    await expect(checks.getByTestId('verification-verdict').first()).toHaveText('有效');
    await expect(checks.getByTestId('verification-signer').first()).toContainText('王审核（马鞍山市市场监督管理局） · 中心账号 alice');
    await checks.scrollIntoViewIfNeeded();
    await checks.screenshot({ path: 'test-results/screenshots/certificate-account-verify-1366.png' });

    await op.openKeys();
    await expect(op.keysDialog.getByTestId('key-account').first()).toHaveText('中心账号 alice');
    await ws.screenshot('certificate-account-keys-1366');
  });
});
