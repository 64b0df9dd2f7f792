// 设置 › 离线更新 at 1366×768: the section sits at the drawer's foot, so 验证's answer (a refusal or
// the valid file's details) would open below the fold. It is brought into view and takes the focus
// (screen readers read it), with reduced motion as without.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { packOfflineUpdate, readPrivateKey } from '../../src/main/services/update/release-tools';
import { tempDir } from '../helpers/package-builder';
import { makeRelease } from '../helpers/update-release';
import { expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';

const devKey = { privateKey: readPrivateKey(join(process.cwd(), 'tests/fixtures/update/dev-release-key.pem')) };

/** Types a path into 离线更新 with the field at the very bottom of the drawer (as a reviewer scrolls to it), then 验证. */
async function verifyAtFoot(page: Page, path: string): Promise<void> {
  const field = page.getByTestId('st-offline-path');
  await field.evaluate((e) => e.scrollIntoView({ block: 'end' }));
  await field.fill(path);
  await expect(field).toBeInViewport({ ratio: 1 });
  await page.getByTestId('st-offline-verify').click();
}

test('离线更新 at 1366: the answer to 验证 is scrolled into view and focused', async ({ page, freshHost }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const ws = new WorkstationPage(page);
  await ws.open(freshHost.url);
  await page.getByTestId('settings-open').first().click();
  await expect(page.getByTestId('settings')).toBeVisible();
  const answer = page.getByTestId('st-offline-answer');

  // A file that is no update package: the refusal, whole, in view and focused.
  const bad = join(tempDir('stick-'), 'badsig.fsupdate');
  writeFileSync(bad, 'not an update package');
  await verifyAtFoot(page, bad);
  const error = page.getByTestId('st-offline-error');
  await expect(error).toBeVisible();
  await expect(error).toBeInViewport({ ratio: 1 });
  await expect(answer).toBeFocused();
  await ws.screenshot('offline-update-refused-1366');

  // A valid one, with reduced motion: its details come into view at once, the focus on them.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const release = makeRelease({ key: devKey, version: '0.9.1' });
  const stick = join(tempDir('stick-'), 'Fashen-0.9.1-linux.fsupdate');
  await packOfflineUpdate(release.dir, release.channelFile, stick);
  await verifyAtFoot(page, stick);
  const result = page.getByTestId('st-offline-result');
  await expect(result).toContainText('✓ 签名有效，文件完整');
  await expect(result).toBeInViewport({ ratio: 1 });
  await expect(answer).toBeFocused();
  await ws.screenshot('offline-update-verified-1366');
});
