// A signature whose certificate the central system issued names the signer's central account (UID)
// beside the real name: the 意见书 list's verification shows 签名人 王审核（…） · 中心账号 alice, and
// the 签名密钥 dialog lists 中心账号 alice with the key. Screenshot at 1366 wide.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoPackages } from '../../src/main/demo/generate';
import { spawnHost } from '../../scripts/host-process';
import { callApi, E2E_TODAY, expect, test } from './fixtures';
import { OpinionPanel } from './pages/OpinionPanel';
import { WorkstationPage } from './pages/WorkstationPage';
import { concludeReviewOk } from './support/review-api';
import { ADMIN_PASSWORD, CentralAdmin, startCentral } from './support/central';

const PASS = 'correct horse battery';

test('the verification of an opinion signed with a central certificate names the central account', async ({ page }) => {
  test.setTimeout(180_000);
  const central = await startCentral();
  const home = mkdtempSync(join(tmpdir(), 'fashen-e2e-'));
  const { url, child } = await spawnHost(home, E2E_TODAY);
  const u = new URL(url);
  const host = { origin: u.origin, token: u.searchParams.get('token')! };
  try {
    await central.admin.addReviewer('alice', 'alice-password-e2e');
    // The admin puts the reviewer's real name on her certificates (CN); the account goes in as UID.
    const { token } = await CentralAdmin.login(central.url, 'admin', ADMIN_PASSWORD);
    const named = await fetch(`${central.url}/v1/admin/users/alice`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ displayName: '王审核' }) });
    expect(named.status).toBe(200);
    const [g] = await generateDemoPackages({ outDir: mkdtempSync(join(tmpdir(), 'fashen-e2e-uid-')), today: E2E_TODAY, count: 1 });
    const { caseId } = await central.admin.publish(g!.dir, 'alice');

    await callApi(host, 'settings.setReviewer', { name: '王审核', agency: '马鞍山市市场监督管理局', legalQualification: true });
    await callApi(host, 'sync.login', { server: central.url, user: 'alice', password: 'alice-password-e2e' });
    await callApi(host, 'sync.run', {});
    await callApi(host, 'keys.create', { passphrase: PASS });
    await concludeReviewOk(host, caseId);
    const preview = await callApi<{ contentHash: string }>(host, 'opinions.preview', { caseId });
    await callApi(host, 'opinions.sign', { caseId, contentHash: preview.contentHash, passphrase: PASS });

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
  } finally {
    child.kill('SIGTERM');
    await central.stop();
  }
});
