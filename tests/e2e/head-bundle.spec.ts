// 离线交换 with nothing to send: the panel says the bundle will carry only the audit chain head,
// exports it (signed with the reviewer's key, sealed with the bundle passphrase asked in a dialog),
// and says what it holds. Screenshots of the dialog at 1366 and 1920 wide.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSealedBytes } from '../../src/main/services/bundle-envelope/open';
import { callApi, expect, startHost, test } from './fixtures';
import { SyncPanel } from './pages/SyncPanel';

const PASS = 'head bundle passphrase';
const BUNDLE_PASS = '青山-打印机-四十七';

test('a bundle with an empty outbox carries only the audit head, and the panel says so', async ({ page }) => {
  const host = await startHost();
  // Outside the data folder: a bundle is carried away and may not be written into it.
  const stick = mkdtempSync(join(tmpdir(), 'fashen-stick-'));
  try {
    await callApi(host, 'settings.setReviewer', { name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
    await callApi(host, 'keys.create', { passphrase: PASS });
    await page.goto(host.url);
    const sync = new SyncPanel(page);
    await sync.open();
    const exp = sync.drawer.getByTestId('sync-export');
    await expect(exp.getByTestId('sync-export-contents')).toHaveText('没有待发送的提交：只导出本机审计链头（供中心系统核对审计记录），用签名密钥签名、交换包口令加密');
    const file = join(stick, 'head-only.fashen-bundle');
    await exp.getByTestId('sync-export-path').fill(file);
    await exp.getByTestId('sync-export-run').click();
    // The dialog: the key's passphrase, then the bundle passphrase twice — too short, weak, or the two
    // not the same, it cannot be confirmed; the hint says why.
    const dialog = page.getByTestId('sync-export-dialog');
    const confirm = page.getByTestId('sync-export-confirm');
    await expect(dialog.getByTestId('sync-export-strength')).toContainText('几个不相关的词');
    await page.screenshot({ path: 'test-results/screenshots/sync-export-passphrase-empty-1366.png' });
    await expect(confirm).toBeDisabled();
    await dialog.getByTestId('sync-export-passphrase').fill(PASS);
    await dialog.getByTestId('sync-export-bundle-pass').fill('短口令123');
    await expect(dialog.getByTestId('sync-export-strength')).toHaveText('还差 4 个字符');
    await dialog.getByTestId('sync-export-bundle-pass').fill('1234567890');
    await expect(dialog.getByTestId('sync-export-strength')).toContainText('强度：弱');
    await dialog.getByTestId('sync-export-bundle-pass').fill(BUNDLE_PASS);
    await expect(dialog.getByTestId('sync-export-strength')).toHaveText('强度：强');
    await dialog.getByTestId('sync-export-bundle-pass2').fill('青山-打印机-四十');
    await expect(dialog.getByTestId('sync-export-mismatch')).toHaveText('两次输入不一致');
    await expect(confirm).toBeDisabled();
    await page.screenshot({ path: 'test-results/screenshots/sync-export-passphrase-mismatch-1366.png' });
    await dialog.getByTestId('sync-export-bundle-pass2').fill(BUNDLE_PASS);
    await expect(confirm).toBeEnabled();
    await page.screenshot({ path: 'test-results/screenshots/sync-export-passphrase-1366.png' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: 'test-results/screenshots/sync-export-passphrase-1920.png' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await confirm.click();
    const done = exp.getByTestId('sync-export-done');
    await expect(done).toContainText(/已导出离线交换包：仅含本机审计链头（第 \d+ 条）/);
    await expect(done).toContainText('中心系统记下本机审计链头');
    await expect(done).toContainText('已用交换包口令加密');
    await page.screenshot({ path: 'test-results/screenshots/sync-head-only-bundle-1366.png' });
    expect(existsSync(file)).toBe(true);
    const bundle = JSON.parse((await openSealedBytes(file, BUNDLE_PASS, 'outbox')).toString('utf8'));
    expect(bundle.submissions).toEqual([]);
    expect(bundle.auditHead.seq).toBeGreaterThan(0);
  } finally {
    host.stop();
    rmSync(stick, { recursive: true, force: true });
  }
});
