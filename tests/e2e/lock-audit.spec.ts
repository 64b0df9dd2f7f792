// The lock in the audit chain, end to end in the browser host: a wrong passphrase at the lock
// screen, the unlock, a new inactivity setting and 立即锁定 from 设置 are all recorded (the failed
// attempt written once the store is open again, without the passphrase), and 设置 › 安全状态 still
// shows 缓存已加密 / 口令保护 / 审计链完整. Screenshot of the settings drawer at 1366 wide.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnHost } from '../../scripts/host-process';
import { createKeyring } from '../../src/main/services/cache-crypto/keyring';
import { openCacheKey } from '../../src/main/services/cache-crypto/resolve';
import { Workstation } from '../../src/main/workstation';
import { buildPackage } from '../helpers/package-builder';
import { E2E_TODAY, expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { callsOf, recordApiCalls } from './support/api-calls';

const PASS = '端到端审计用的口令';
const WRONG = '猜错了的缓存口令';

test('failed and successful unlocks, the timeout and the lock are in the chain; 设置 shows it intact', async ({ page }) => {
  const home = mkdtempSync(join(tmpdir(), 'fashen-e2e-lockaudit-'));
  const key = await createKeyring(home, { kind: 'passphrase', passphrase: PASS });
  const seed = new Workstation({ dataDir: home, today: () => E2E_TODAY, cacheKey: key });
  expect((await seed.importer.importMany([(await buildPackage(mkdtempSync(join(tmpdir(), 'fashen-e2e-pkg-')))).dir]))[0]!.ok).toBe(true);
  seed.close();

  const env = process.env.FASHEN_CACHE_PASSPHRASE;
  delete process.env.FASHEN_CACHE_PASSPHRASE;
  const { url, child } = await spawnHost(home, E2E_TODAY);
  if (env !== undefined) process.env.FASHEN_CACHE_PASSPHRASE = env;
  try {
    const calls = recordApiCalls(page);
    await page.goto(url);
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await page.getByTestId('lock-passphrase').fill(WRONG);
    await page.getByTestId('lock-unlock').click();
    await expect(page.getByTestId('lock-error')).toContainText('缓存口令不正确');
    await page.getByTestId('lock-passphrase').fill(PASS);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('status-bar').getByText('数据目录')).toBeVisible();

    await page.getByTestId('settings-open').first().click();
    await expect(page.getByTestId('st-cache')).toContainText('✓ 已加密');
    await expect(page.getByTestId('st-cache-key')).toContainText('✓ 口令保护');
    await expect(page.getByTestId('st-keystore')).toContainText('✓ 口令保护');
    await expect(page.getByTestId('st-audit')).toContainText('✓ 完整');
    await page.getByTestId('st-lock-after').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /^5 分钟$/ }).click();
    await expect(page.getByTestId('st-lock-after')).toContainText('5 分钟');
    // Reopened: the chain (now with the lock entries) is checked again and still intact.
    await page.getByRole('button', { name: '重新检查安全状态' }).click();
    await expect(page.getByTestId('st-audit')).toContainText('✓ 完整');
    await expect(page.getByTestId('st-audit')).toContainText(/\d+ 条记录/);
    // app.security once at start and once on unlocking (shared by the lock screen, the status bar and
    // 设置); the new lock time comes back with its own answer, and the chain it added to is checked
    // again at once (the count shown is never older than the change) — 重新检查 reads both again.
    await expect
      .poll(() => callsOf(calls, 'app.security', 'audit.verify', 'app.setLockAfter'))
      .toEqual(['app.security', 'app.security', 'audit.verify', 'app.setLockAfter', 'audit.verify', 'app.security', 'audit.verify']);
    await new WorkstationPage(page).screenshot('settings-security-lock-audit-1366');
    await page.getByTestId('st-lock-now').click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
  } finally {
    child.kill('SIGTERM');
    await new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
  }

  // The chain as the store holds it (opened again with the passphrase, as `fashen audit list` does).
  const opening = await openCacheKey(home, { passphrase: PASS });
  if (opening.state !== 'open') throw new Error('store did not open');
  const ws = new Workstation({ dataDir: home, today: () => E2E_TODAY, cacheKey: opening.key });
  try {
    const entries = ws.audit.log.list().filter((e) => e.action.startsWith('app.') || e.detail.setting === 'lockAfterMinutes');
    expect(entries.map((e) => [e.action, e.detail.outcome ?? null, e.detail.method ?? e.detail.trigger ?? e.detail.setting])).toEqual([
      ['app.unlock', 'failed', 'passphrase'],
      ['app.unlock', null, 'passphrase'],
      ['settings.change', null, 'lockAfterMinutes'],
      ['app.lock', null, 'manual'],
    ]);
    expect(entries[2]!.detail).toMatchObject({ from: 15, to: 5, via: 'browser' });
    expect(JSON.stringify(entries)).not.toContain(WRONG);
    expect(ws.audit.log.verify().intact).toBe(true);
  } finally {
    ws.close();
  }
});
