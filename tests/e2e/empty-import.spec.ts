// The first-start empty queue offers what it names: 导入案卷包… opens the sync panel's import form
// (focused), and a reviewer with a USB stick of case folders imports the whole folder at once — the
// path pasted with quotes as Windows’ 复制文件地址 copies it — each case reported by its 案号, a
// broken one among them too; the path to a case.json imports its folder. Not logged in, the empty
// queue says how to log in; logged in, its 立即同步 brings the assigned cases.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoPackages } from '../../src/main/demo/generate';
import { E2E_TODAY, expect, startHost, test as base, type RunningHost } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { SyncPanel } from './pages/SyncPanel';
import { QueuePanel } from './pages/QueuePanel';
import { withCentralAndHost } from './support/central-host';

// An empty store for each test: the worker's freshHost may already hold cases another spec imported.
const test = base.extend<{ emptyStore: RunningHost }>({
  emptyStore: async ({}, use) => {
    const host = await startHost();
    await use(host);
    host.stop();
  },
});

test('导入案卷包… from the empty queue: a quoted folder of case folders, one broken, each named; then a case.json path', async ({ page, emptyStore }) => {
  const stick = mkdtempSync(join(tmpdir(), 'fashen-e2e-stick-'));
  const cases = await generateDemoPackages({ outDir: join(stick, '案卷'), today: E2E_TODAY, count: 3, seed: 11 });
  // One case’s evidence changed after case.json listed its hash: that case fails, the others come in.
  const broken = cases[1]!;
  const listed = (JSON.parse(readFileSync(join(broken.dir, 'case.json'), 'utf8')) as { documents: { file: { path: string } }[] }).documents[0]!.file.path;
  const original = readFileSync(join(broken.dir, listed));
  writeFileSync(join(broken.dir, listed), Buffer.concat([original, Buffer.from([0])]));
  await page.setViewportSize({ width: 1366, height: 768 });
  await new WorkstationPage(page).open(emptyStore.url);
  const queue = new QueuePanel(page);
  await expect(queue.empty).toContainText('尚无待审案件 — 同步中心系统或导入案卷包');
  await expect(queue.empty.getByTestId('empty-hint')).toContainText('未登录中心系统：点“登录中心系统…”');
  await page.screenshot({ path: 'test-results/screenshots/empty-queue-first-start.png' });

  await queue.empty.getByTestId('empty-import').click();
  const sync = new SyncPanel(page);
  const field = sync.drawer.getByTestId('sync-import-path');
  await expect(field).toBeFocused();
  await field.fill(`"${join(stick, '案卷')}"`);
  await sync.drawer.getByTestId('sync-import-run').click();
  const result = sync.drawer.getByTestId('import-result');
  await expect(result).toContainText('已导入 2 个案卷，1 个失败', { timeout: 60_000 });
  await expect(result).toContainText(`已导入：${cases[0]!.caseNumber}、${cases[2]!.caseNumber}`);
  await expect(result.getByTestId('import-failed')).toContainText(`${broken.caseNumber}：案卷包文件校验失败（1 处问题）`);
  await page.screenshot({ path: 'test-results/screenshots/import-folder-of-cases.png' });

  // Repaired, its case.json given: the folder is imported, named in the result.
  writeFileSync(join(broken.dir, listed), original);
  await field.fill(join(broken.dir, 'case.json'));
  await sync.drawer.getByTestId('sync-import-run').click();
  await expect(result).toHaveText(`已导入案卷 ${broken.caseNumber}`, { timeout: 60_000 });
  await expect(result).not.toContainText(/[A-Za-z]{4,}/);
  await sync.close();
  await expect.poll(() => queue.caseCount()).toBe(3);
});

test('the empty queue’s 登录中心系统… opens the login form; logged in, its 立即同步 brings the assigned case', async ({ page }) => {
  // One case for alice; the host logs in after the empty queue's 登录中心系统… is tried.
  await withCentralAndHost({ login: false }, async ({ central, url, login }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await new WorkstationPage(page).open(url);
    const queue = new QueuePanel(page);
    const sync = new SyncPanel(page);
    await queue.empty.getByTestId('empty-login').click();
    await expect(sync.drawer.getByTestId('sync-login-form')).toBeVisible();
    await sync.close();

    await login();
    await page.reload();
    await expect(queue.empty.getByTestId('empty-hint')).toContainText(`已登录中心系统（${central.url}）`);
    await expect(queue.empty.getByTestId('empty-login')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screenshots/empty-queue-logged-in.png' });
    await queue.empty.getByTestId('empty-sync').click();
    await expect(sync.drawer).toBeVisible();
    await expect.poll(() => queue.caseCount(), { timeout: 60_000 }).toBe(1);
  });
});
