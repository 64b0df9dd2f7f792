// The lock in the browser host: a passphrase-protected store (host started without the
// passphrase) opens on the lock screen; a wrong passphrase is refused in place; the right one
// shows the workbench; 设置 › 立即锁定 unmounts it again. A new store started with neither a
// passphrase nor the development key is not possible in the host, so "设置缓存口令" is shown by
// locking a host whose store has no key yet — covered in tests/integration/cache/lock.test.ts.
// Screenshots at 1366×768 and 1920×1080.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnHost } from '../../scripts/host-process';
import { createKeyring } from '../../src/main/services/cache-crypto/keyring';
import { Workstation } from '../../src/main/workstation';
import { buildPackage } from '../helpers/package-builder';
import { E2E_TODAY, expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';

const PASS = '端到端测试用的口令';

test('a passphrase-protected store opens locked; unlock, change the passphrase and lock again from 设置', async ({ page }) => {
  const home = mkdtempSync(join(tmpdir(), 'fashen-e2e-lock-'));
  const key = await createKeyring(home, { kind: 'passphrase', passphrase: PASS });
  const ws = new Workstation({ dataDir: home, today: () => E2E_TODAY, cacheKey: key });
  expect((await ws.importer.importMany([(await buildPackage(mkdtempSync(join(tmpdir(), 'fashen-e2e-pkg-')))).dir]))[0]!.ok).toBe(true);
  ws.close();

  const env = process.env.FASHEN_CACHE_PASSPHRASE;
  delete process.env.FASHEN_CACHE_PASSPHRASE;
  const { url, child } = await spawnHost(home, E2E_TODAY);
  if (env !== undefined) process.env.FASHEN_CACHE_PASSPHRASE = env;
  try {
    await page.goto(url);
    const lock = page.getByTestId('lock-screen');
    await expect(lock).toBeVisible();
    await expect(lock).toHaveAttribute('data-mode', 'passphrase');
    await expect(page.getByRole('heading', { name: '工作台已锁定' })).toBeVisible();
    await expect(page.getByTestId('status-bar')).toHaveCount(0);
    for (const size of [
      { name: '1366', width: 1366, height: 768 },
      { name: '1920', width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.screenshot({ path: `test-results/screenshots/lock-${size.name}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await page.getByTestId('lock-passphrase').fill('不对的口令口令');
    await page.getByTestId('lock-unlock').click();
    await expect(page.getByTestId('lock-error')).toContainText('缓存口令不正确');
    await page.screenshot({ path: 'test-results/screenshots/lock-wrong-1366.png' });

    await page.getByTestId('lock-passphrase').fill(PASS);
    await page.keyboard.press('Enter');
    const wsPage = new WorkstationPage(page);
    await expect(page.getByTestId('status-bar').getByText('数据目录')).toBeVisible();
    await expect(page.getByText('测试食品有限公司').first()).toBeVisible();
    await expect(page.getByTestId('status-cache')).toHaveText('缓存已加密');
    await wsPage.screenshot('lock-unlocked-1366');

    await page.getByTestId('settings-open').first().click();
    await expect(page.getByTestId('st-cache')).toContainText('✓ 已加密');
    await expect(page.getByTestId('st-cache-key')).toContainText('✓ 口令保护');
    await expect(page.getByTestId('settings-lock')).toBeVisible();
    await wsPage.screenshot('settings-lock-1366');

    // A new cache passphrase: a wrong current one is refused; then only the new one unlocks.
    const audit = page.getByTestId('st-audit');
    const auditCount = async () => Number(/(\d+) 条记录/.exec((await audit.textContent()) ?? '')?.[1] ?? 0);
    await expect(audit).toContainText('✓ 完整');
    const entriesBefore = await auditCount();
    const NEW_PASS = '换过的缓存口令 2027';
    await page.getByTestId('st-passphrase').click();
    const form = page.getByTestId('passphrase-form');
    await form.getByTestId('passphrase-current').fill('不对的口令口令');
    await form.getByTestId('passphrase-next').fill(NEW_PASS);
    await form.getByTestId('passphrase-repeat').fill(NEW_PASS);
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(form.getByTestId('passphrase-error')).toHaveText('当前缓存口令不正确，口令未更改');
    await form.getByTestId('passphrase-current').fill(PASS);
    await wsPage.screenshot('settings-passphrase-1366');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(form).toHaveCount(0);
    // 设置 checks the chain again: the 修改缓存口令 entry is counted, not the count from before it.
    await expect(page.getByTestId('st-cache-key')).toContainText('✓ 口令保护');
    await expect.poll(auditCount).toBeGreaterThan(entriesBefore);
    await expect(audit).toContainText('✓ 完整');
    await page.getByTestId('st-lock-now').click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await expect(page.getByText('测试食品有限公司')).toHaveCount(0);
    await expect(page.getByTestId('lock-reason')).toHaveText(/^已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 锁定。$/);

    // A reload while locked stays locked.
    await page.reload();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    await page.getByTestId('lock-passphrase').fill(PASS);
    await page.getByTestId('lock-unlock').click();
    await expect(page.getByTestId('lock-error')).toContainText('缓存口令不正确');
    await page.getByTestId('lock-passphrase').fill(NEW_PASS);
    await page.getByTestId('lock-unlock').click();
    await expect(page.getByText('测试食品有限公司').first()).toBeVisible();
  } finally {
    child.kill('SIGTERM');
  }
});
