// 设置 in the browser host: the true security state (encrypted, but the host's development key file
// is 未加密保护), the
// version, channel and update source; 检查更新 against a real central server publishing a signed
// release (found and verified; installing is desktop-only); an offline .fsupdate verified and a
// tampered one refused with the reason. Screenshots at 1366×768 and 1920×1080.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packOfflineUpdate, readPrivateKey } from '../../src/main/services/update/release-tools';
import { startCentral, type CentralUnderTest } from '../helpers/server';
import { tempDir } from '../helpers/package-builder';
import { makeRelease } from '../helpers/update-release';
import { expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { callsOf, recordApiCalls } from './support/api-calls';

const devKey = { privateKey: readPrivateKey(join(process.cwd(), 'tests/fixtures/update/dev-release-key.pem')) };
let central: CentralUnderTest;

test.beforeAll(async () => {
  central = await startCentral();
  const release = makeRelease({ key: devKey, version: '0.9.0' });
  const dir = join(central.dataDir, 'updates', 'stable');
  mkdirSync(dir, { recursive: true });
  for (const f of [release.channelFile, `${release.channelFile}.sig`, release.installer]) copyFileSync(join(release.dir, f), join(dir, f));
});
test.afterAll(async () => {
  await central?.close();
});

test('设置 shows the security state and checks and verifies updates', async ({ page, freshHost }) => {
  const ws = new WorkstationPage(page);
  const calls = recordApiCalls(page);
  await ws.open(freshHost.url);
  await page.getByTestId('settings-open').first().click();
  const settings = page.getByTestId('settings');
  await expect(settings).toBeVisible();

  // Security: what is on disk, not what is hoped.
  // The host's new store is encrypted, but with the development key file beside it: not protected.
  await expect(page.getByTestId('st-cache')).toHaveAttribute('data-tone', 'warn');
  await expect(page.getByTestId('st-cache')).toContainText('已加密，但密钥未加密保护');
  await expect(page.getByTestId('st-cache-key')).toHaveAttribute('data-tone', 'fail');
  await expect(page.getByTestId('st-cache-key')).toContainText('✗ 未加密保护');
  await expect(page.getByTestId('status-cache')).toHaveText('缓存密钥未加密保护');
  await expect(page.getByTestId('st-keystore')).toContainText('口令保护');
  await expect(page.getByTestId('st-audit')).not.toContainText('正在校验');
  await expect(page.getByTestId('st-audit')).toContainText('✓ 完整');
  // One app.security for the lock gate, the status bar and 设置 alike.
  await expect.poll(() => callsOf(calls, 'app.security', 'audit.verify')).toEqual(['app.security', 'audit.verify']);

  // Version and updates: no central login yet.
  await expect(page.getByTestId('st-channel')).toHaveText('stable');
  await expect(page.getByTestId('st-feed')).toContainText('未登录中心系统');
  await expect(page.getByTestId('st-keys')).toContainText('dev-release.pem');
  await page.getByTestId('st-check').click();
  await expect(page.getByTestId('st-update-state')).toHaveAttribute('data-state', 'unconfigured');

  // With a central-system login: the signed release is found and verified; only the desktop installs it.
  writeFileSync(join(freshHost.home, 'central.json'), JSON.stringify({ server: central.url, token: 'e2e' }));
  await page.getByTestId('st-check').click();
  await expect(page.getByTestId('st-update-state')).toHaveAttribute('data-state', 'available');
  await expect(page.getByTestId('st-update-state')).toContainText('有新版本 0.9.0，签名已验证');
  await expect(page.getByTestId('st-update-state')).toContainText('仅桌面版可安装');
  await expect(page.getByTestId('st-feed')).toContainText(`${central.url}/updates/stable/`);

  // Offline update: a signed file verifies…
  const release = makeRelease({ key: devKey, version: '0.9.1' });
  const stick = join(tempDir('stick-'), 'Fashen-0.9.1-linux.fsupdate');
  await packOfflineUpdate(release.dir, release.channelFile, stick);
  await page.getByTestId('st-offline-path').fill(stick);
  await page.getByTestId('st-offline-verify').click();
  const result = page.getByTestId('st-offline-result');
  await expect(result).toContainText('✓ 签名有效，文件完整');
  await expect(result).toContainText('0.9.1');
  await expect(result).toContainText(release.installer);
  await expect(page.getByTestId('st-offline-blocked')).toContainText('仅桌面版可安装');

  for (const size of [
    { name: '1366', width: 1366, height: 768 },
    { name: '1920', width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(300);
    await ws.screenshot(`settings-${size.name}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });

  // …a tampered one is refused, with the reason.
  const bytes = readFileSync(stick);
  const at = bytes.indexOf(release.bytes.subarray(4096, 4128));
  bytes[at + 3] = bytes[at + 3]! ^ 0xff;
  const tampered = join(tempDir('stick-'), 'tampered.fsupdate');
  writeFileSync(tampered, bytes);
  await page.getByTestId('st-offline-path').fill(tampered);
  await page.getByTestId('st-offline-verify').click();
  await expect(page.getByTestId('st-offline-error')).toContainText('SHA-512');
  await expect(page.getByTestId('st-offline-result')).toHaveCount(0);
  await ws.screenshot('settings-offline-refused-1366');

  // A path pasted with Windows' 复制文件地址 comes in quotes: still found.
  await page.getByTestId('st-offline-path').fill(`"${stick}"`);
  await page.getByTestId('st-offline-verify').click();
  await expect(page.getByTestId('st-offline-result')).toContainText('✓ 签名有效，文件完整');

  // A channel with nothing published for this platform: a neutral state, not a red error.
  mkdirSync(join(central.dataDir, 'updates', 'empty'), { recursive: true });
  writeFileSync(join(freshHost.home, 'update.json'), JSON.stringify({ channel: 'empty' }));
  await page.getByTestId('st-check').click();
  await expect(page.getByTestId('st-update-state')).toHaveAttribute('data-state', 'not-published');
  await expect(page.getByTestId('st-update-state')).toContainText('中心系统尚未发布本平台的更新');
  await expect(page.getByTestId('st-update-state').locator('.t-fail')).toHaveCount(0);
  await ws.screenshot('settings-not-published-1366');

  // Ctrl+, opens it again after closing.
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await page.keyboard.press('Control+,');
  await expect(page.getByTestId('settings')).toBeVisible();
});
