// 签名密钥 dialog with a real central server: a key made before login shows 仅本机开发 CA; `fashen
// login` registers it (已登记到中心); a replacement key is registered at once; 吊销 asks for a reason
// behind a confirmation and the central system is told (已告知中心), or — with the server gone —
// at the next sync (待告知中心). Screenshots at 1366 and 1920 wide.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { callApi, startHost, type RunningHost } from './fixtures';
import { OpinionPanel } from './pages/OpinionPanel';
import { WorkstationPage } from './pages/WorkstationPage';
import { startCentral, type RunningCentral } from './support/central';

const PASS = 'reviewer-passphrase-1';
const ALICE_PW = 'alice-password-e2e';

let host: RunningHost;
let central: RunningCentral;

test.beforeAll(async () => {
  host = await startHost();
  central = await startCentral();
  await central.admin.addReviewer('alice', ALICE_PW);
  await callApi(host, 'settings.setReviewer', { name: '王审核', agency: '马鞍山市市场监督管理局', legalQualification: true });
});

test.afterAll(async () => {
  await central?.stop();
  host?.stop();
});

async function fashenLogin(home: string, server: string): Promise<string> {
  const r = await promisify(execFile)(process.execPath, ['out/cli/fashen.mjs', 'login', '--server', server, '--user', 'alice', '--password-env', 'ALICE_PW'], {
    env: { ...process.env, FASHEN_HOME: home, ALICE_PW },
    timeout: 60_000,
  });
  return r.stdout;
}

test('keys: local → registered at login → replaced (registered at once) → revoked, told now or at the next sync', async ({ page }) => {
  test.setTimeout(180_000);
  const ws = new WorkstationPage(page);
  const op = new OpinionPanel(page);
  await ws.open(host.url);

  // 1. Not logged in: the new key's certificate is the local development CA's.
  await op.openKeys();
  await expect(op.keysDialog.getByTestId('keys-central')).toContainText('未登录');
  await expect(op.keysDialog.getByTestId('key-create-issuer')).toContainText('登录中心系统后自动登记');
  await op.fillNewKeyPassphrase(PASS);
  const rows = op.keysDialog.getByTestId('key-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('key-registration')).toHaveText('仅本机开发 CA');
  // The local development CA knows no central account: none shown.
  await expect(rows.first().getByTestId('key-account')).toHaveCount(0);
  await expect(op.keysDialog.getByTestId('keys-devca')).toContainText('在同步面板中登录（也可在命令行运行 fashen login）');
  // The local certificate names the reviewer as set: nothing to reconcile.
  await expect(op.keysDialog.getByTestId('keys-name-mismatch')).toHaveCount(0);
  await ws.screenshot('keys-local-1366');
  await op.closeKeys();

  // 2. `fashen login` registers it; the dialog shows the central system and the central certificate.
  await expect(page.getByTestId('sync-status')).toContainText('未登录中心系统');
  expect(await fashenLogin(host.home, central.url)).toMatch(/已将签名密钥 [0-9a-f]{32} 登记到中心系统/);
  // Back from the terminal to the window: the status line reads the login at once (not at its 30 s poll).
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByTestId('sync-status')).not.toContainText('未登录', { timeout: 5_000 });
  await op.openKeys();
  await expect(op.keysDialog.getByTestId('keys-central')).toContainText(`${central.url}（用户 alice）`);
  await expect(rows.first().getByTestId('key-registration')).toHaveText('已登记到中心');
  await expect(rows.first()).toContainText('中心系统开发 CA');
  await expect(rows.first()).toContainText('alice（马鞍山市市场监督管理局）'); // the subject as the central certificate names it
  // The central certificate names the account too (UID).
  await expect(rows.first().getByTestId('key-account')).toHaveText('中心账号 alice');
  await expect(op.keysDialog.getByTestId('keys-devca')).toHaveCount(0);
  // No display name was set for alice: the central certificate carries the account name, and the
  // dialog says how the admin puts the reviewer's name on it.
  await expect(op.keysDialog.getByTestId('keys-name-mismatch')).toContainText('证书署名为“alice”，审核人员姓名为“王审核”');
  await expect(op.keysDialog.getByTestId('keys-name-mismatch')).toContainText('fashen central user set alice --display-name 王审核');

  // 3. A replacement while logged in: registered at once; the old one is 已停用 (still registered).
  await op.keysDialog.getByTestId('key-replace').click();
  await expect(op.keysDialog.getByTestId('key-create-issuer')).toContainText('创建后立即登记');
  await op.fillNewKeyPassphrase(PASS);
  await expect(rows).toHaveCount(2);
  await expect(op.keysDialog.locator('[data-testid="key-row"][data-status="active"]').getByTestId('key-registration')).toHaveText('已登记到中心');
  const retired = op.keysDialog.locator('[data-testid="key-row"][data-status="retired"]');
  await expect(retired.getByTestId('key-registration')).toHaveText('已登记到中心');
  await ws.screenshot('keys-registered-1366');

  // 4. 吊销 the retired key: a reason is required, then the central system is told at once.
  await retired.getByTestId('key-revoke').click();
  const form = page.getByTestId('key-revoke-form');
  await expect(form).toBeVisible();
  const confirm = page.getByTestId('key-revoke-confirm');
  await expect(confirm).toBeDisabled();
  await form.getByTestId('key-revoke-reason').fill('旧笔记本电脑报废');
  await expect(confirm).toBeEnabled();
  await ws.screenshot('keys-revoke-confirm-1366');
  await confirm.click();
  const revoked = op.keysDialog.locator('[data-testid="key-row"][data-status="revoked"]');
  await expect(revoked).toHaveCount(1);
  await expect(revoked.getByTestId('key-registration')).toHaveText('已告知中心');
  await expect(revoked).toContainText('旧笔记本电脑报废');

  // 5. The central system is gone: the active key is revoked here at once; told at the next sync.
  await central.stop();
  await op.keysDialog.locator('[data-testid="key-row"][data-status="active"]').getByTestId('key-revoke').click();
  await page.getByTestId('key-revoke-form').getByTestId('key-revoke-reason').fill('审核员调离');
  await page.getByTestId('key-revoke-confirm').click();
  await expect(op.keysDialog.getByTestId('keys-notice')).toContainText('中心系统暂时无法连接');
  await expect(op.keysDialog.locator('[data-testid="key-row"][data-status="revoked"]')).toHaveCount(2);
  await expect(op.keysDialog.getByTestId('key-registration').filter({ hasText: '待告知中心' })).toHaveCount(1);
  await expect(op.keysDialog.getByTestId('key-create')).toBeVisible(); // no active key: create one
  // The status bar says the key is revoked, not 未创建签名密钥.
  await expect(page.getByTestId('status-keys')).toHaveText('签名密钥已吊销');
  await ws.screenshot('keys-revoked-offline-1366');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await ws.screenshot('keys-revoked-offline-1920');
});
