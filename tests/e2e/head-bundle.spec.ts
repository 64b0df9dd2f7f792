// 离线交换 with nothing to send: the panel says the bundle will carry only the audit chain head,
// exports it (signed with the reviewer's key), and says what it holds. Screenshot at 1366 wide.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callApi, expect, startHost, test } from './fixtures';
import { SyncPanel } from './pages/SyncPanel';

const PASS = 'head bundle passphrase';

test('a bundle with an empty outbox carries only the audit head, and the panel says so', async ({ page }) => {
  const host = await startHost();
  // Outside the data folder: a bundle is plain JSON and may not be written into it.
  const stick = mkdtempSync(join(tmpdir(), 'fashen-stick-'));
  try {
    await callApi(host, 'settings.setReviewer', { name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
    await callApi(host, 'keys.create', { passphrase: PASS });
    await page.goto(host.url);
    const sync = new SyncPanel(page);
    await sync.open();
    const exp = sync.drawer.getByTestId('sync-export');
    await expect(exp.getByTestId('sync-export-contents')).toHaveText('没有待发送的提交：只导出本机审计链头（供中心系统核对审计记录），用签名密钥签名');
    const file = join(stick, 'head-only.fashen-bundle.json');
    await exp.getByTestId('sync-export-path').fill(file);
    await expect(exp.getByTestId('sync-export-run')).toBeDisabled(); // the key's passphrase first
    await exp.getByTestId('sync-export-passphrase').fill(PASS);
    await exp.getByTestId('sync-export-run').click();
    const done = exp.getByTestId('sync-export-done');
    await expect(done).toContainText(/已导出离线交换包：仅含本机审计链头（第 \d+ 条）/);
    await expect(done).toContainText('中心系统记下本机审计链头');
    await page.screenshot({ path: 'test-results/screenshots/sync-head-only-bundle-1366.png' });
    expect(existsSync(file)).toBe(true);
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    expect(bundle.submissions).toEqual([]);
    expect(bundle.auditHead.seq).toBeGreaterThan(0);
  } finally {
    host.stop();
    rmSync(stick, { recursive: true, force: true });
  }
});
