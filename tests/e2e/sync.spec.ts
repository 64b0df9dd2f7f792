// Sync with the central system end to end (issue 6), against the real central server
// (scripts/central.mjs, PGlite) on loopback behind a slow link (a pacing TCP proxy, so a run lasts
// long enough to watch and cancel, and that can be unplugged):
//   未登录中心系统 → 面板登录表单（错误地址、错误密码，再正确登录）→ 立即同步 (files, speed, remaining) → 取消 → 立即同步 → 已同步
//   with the cases in the queue → an opinion signed → link unplugged: 离线（1 项待发送）with the
//   reason → meanwhile the handling unit resubmits (revision 2); plugged: 案卷已更新 with the reason
//   and the current revision, the case in round 2 → signed in round 2 after the central system
//   revoked the reviewer's certificate: 被退回 with its reason → 打开案卷 shows round 2 and what changed
//   → 知道了 on both: still listed with their reasons, no longer counted.
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSealedBytes } from '../../src/main/services/bundle-envelope/open';
import type { Page } from '@playwright/test';
import { callApi, expect, test as base, type RunningHost } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { SyncPanel } from './pages/SyncPanel';
import { CentralAdmin, type RunningCentral } from './support/central';
import { ALICE_PW, withCentralAndHost } from './support/central-host';
import { startSlowLink, type SlowLink } from './support/slow-link';

const PASS = 'correct horse battery';
/** The bundle passphrase the reviewer will tell the admin by phone. */
const BUNDLE_PASS = '青山-打印机-四十七';
/** The county office's line: slow enough that a 3.6 MB first sync takes several seconds. */
const LINK_BYTES_PER_SECOND = 450 * 1024;

interface World {
  host: RunningHost;
  central: RunningCentral;
  link: SlowLink;
  packages: string[];
  keyFile: { keyId: string };
}

interface PointLite {
  id: string;
  automatic: { id: string; severity: string }[];
  overrides: { check: string }[];
}

/** The workstation's signing key file (<home>/keys/<keyId>.json). */
interface KeyFile {
  keyId: string;
  chain: string[];
  csrPem?: string;
}

function keyFileOf(home: string): KeyFile {
  const dir = join(home, 'keys');
  const name = readdirSync(dir).find((n) => n.endsWith('.json'))!;
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as KeyFile;
}

/** The reviewer's signing key first: its local CA is the trust anchor the central system is
 *  configured with (FASHEN_TRUST_ANCHORS — in production the agency CA). */
async function keyAsAnchor(host: RunningHost): Promise<string> {
  await callApi(host, 'keys.create', { passphrase: PASS });
  const key = keyFileOf(host.home);
  const anchors = join(mkdtempSync(join(tmpdir(), 'fashen-e2e-sync-')), 'anchors.pem');
  writeFileSync(anchors, key.chain[key.chain.length - 1]!);
  return anchors;
}

// Three cases for alice; the reviewer logs in from the panel, through the slow link.
const test = base.extend<object, { world: World }>({
  world: [
    async ({}, use) => {
      await withCentralAndHost({ cases: 3, login: false, trustAnchors: keyAsAnchor }, async ({ host, central, cases }) => {
        const link = await startSlowLink(central.port, LINK_BYTES_PER_SECOND);
        try {
          await use({ host, central, link, packages: cases.map((g) => g.dir), keyFile: keyFileOf(host.home) });
        } finally {
          await link.close();
        }
      });
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

/** The reviewer's key registered with the central system: the sync registers it by itself (its
 *  PKCS#10 request from the key file); should it not have yet, the same request is sent here. */
async function ensureEnrolled(home: string, server: string): Promise<void> {
  const key = keyFileOf(home);
  // The saved token is sealed with the cache key: log in afresh for this check.
  const login = await fetch(`${server}/v1/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: 'alice', password: ALICE_PW, device: 'e2e-check' }) });
  const { token } = (await login.json()) as { token: string };
  const known = await fetch(`${server}/v1/certificates/${key.keyId}`, { headers: { authorization: `Bearer ${token}` } });
  if (known.status === 200) return;
  expect(key.csrPem, 'the key file holds its certificate request').toBeTruthy();
  const enrol = await new CentralAdmin(server, token).post('/v1/certificates', { request: key.csrPem });
  expect([200, 201]).toContain(enrol.status);
}

/** P1–P10 无问题 (failing checks set aside with a reason) and a conclusion. */
async function conclude(host: RunningHost, caseId: string, type: string, text: string): Promise<void> {
  const review = await callApi<{ points: PointLite[] }>(host, 'review.get', { caseId });
  for (const p of review.points) {
    for (const f of p.automatic.filter((a) => a.severity === 'fail' && !p.overrides.some((o) => o.check === a.id))) {
      await callApi(host, 'review.override', { caseId, check: f.id, reason: '经核实，承办机构已补正，不影响认定' });
    }
  }
  for (const p of review.points) await callApi(host, 'review.setPoint', { caseId, point: p.id, decision: 'ok', note: '' });
  await callApi(host, 'review.conclude', { caseId, type, opinionText: text });
}

/** Preview and sign the concluded review: the signed submission goes to the outbox. */
async function sign(host: RunningHost, caseId: string): Promise<void> {
  const preview = await callApi<{ contentHash: string }>(host, 'opinions.preview', { caseId });
  await callApi(host, 'opinions.sign', { caseId, contentHash: preview.contentHash, passphrase: PASS });
}

const statusBarShot = (page: Page, name: string) => page.getByTestId('status-bar').screenshot({ path: `test-results/screenshots/${name}.png` });

/** The handling unit corrects the facts and resubmits: revision 2 of the same case. */
function revisionTwo(packageDir: string, work: string): string {
  const dir = join(work, 'revision-2');
  cpSync(packageDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { case: { revision: number; facts: string } };
  manifest.case.revision = 2;
  manifest.case.facts = `${manifest.case.facts}经复查，剩余的10罐已全部依法封存。`;
  writeFileSync(join(dir, 'case.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

test('status line and sync panel: logged out, first sync with progress and cancel, offline queue, rejected and stale submissions', async ({ page, world }) => {
  test.setTimeout(300_000);
  const { host, central, link } = world;
  const ws = new WorkstationPage(page);
  const sync = new SyncPanel(page);
  await ws.open(host.url);

  // 1. No saved login: the line says so; the panel shows how to log in, 立即同步 is off.
  await expect(sync.line).toHaveText('未登录中心系统');
  await expect(sync.line).toHaveAttribute('data-state', 'logged-out');
  await statusBarShot(page, 'sync-statusbar-logged-out');
  await sync.open();
  const form = sync.drawer.getByTestId('sync-login-form');
  await expect(form).toContainText('登录中心系统');
  await expect(sync.runButton()).toHaveCount(0);
  await ws.screenshot('sync-panel-logged-out');
  await sync.drawer.screenshot({ path: 'test-results/screenshots/sync-panel-login-form.png' });

  // 2. Log in from the form (through the slow link): a bad address and a wrong password are told
  //    plainly in Chinese; then the right one, and the panel shows the login.
  const fill = async (server: string, password: string) => {
    await form.getByTestId('sync-login-server').fill(server);
    await form.getByTestId('sync-login-user').fill('alice');
    await form.getByTestId('sync-login-password').fill(password);
    await form.getByTestId('sync-login-submit').click();
  };
  await fill('ftp://center.example', ALICE_PW);
  await expect(form.getByTestId('sync-login-error')).toContainText('http:// 或 https://');
  await expect(form.getByTestId('sync-login-password')).toHaveValue('');
  await fill(link.url, 'not-the-password');
  await expect(form.getByTestId('sync-login-error')).toContainText('用户名或密码不正确');
  await ws.screenshot('sync-panel-login-error');
  await fill(link.url, ALICE_PW);
  await expect(sync.drawer.getByTestId('sync-panel-server')).toContainText(link.url);
  await expect(sync.drawer.getByTestId('sync-panel-server')).toContainText('用户 alice');
  await expect(sync.state).toHaveText('尚未同步');

  // 3. 立即同步: files, speed and time remaining while the cases come down; then 取消.
  await sync.runButton().click();
  await expect(sync.line).toHaveAttribute('data-state', 'running');
  await expect(sync.progressText()).toHaveText(/^文件 \d+\/\d+，[\d.]+ (KB|MB)\/s，剩余 /);
  await expect(sync.line).toContainText(/同步中（文件 \d+\/\d+/);
  // The phase is said once (the head); the line under the bar names a case, once one has come.
  await expect(sync.drawer.getByTestId('sync-progress').getByText('接收案件', { exact: true })).toHaveCount(1);
  await ws.screenshot('sync-panel-running');
  await statusBarShot(page, 'sync-statusbar-running');
  await sync.cancelButton().click();
  await expect(sync.line).toHaveAttribute('data-state', 'cancelled');
  await expect(sync.drawer.getByTestId('sync-result')).toContainText('已取消');

  // 4. Again, to the end: 已同步 (time), every case in the queue, nothing waiting.
  await sync.runButton().click();
  await expect(sync.line).toHaveAttribute('data-state', 'synced', { timeout: 60_000 });
  await expect(sync.line).toHaveText(/^已同步（\d\d:\d\d）$/);
  await expect(sync.drawer.getByTestId('sync-panel-last')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  await expect(ws.queue.rows).toHaveCount(3);
  await expect(sync.drawer.getByTestId('sync-result')).toHaveClass(/ant-alert-success/);
  await sync.close();
  await ws.screenshot('sync-synced');
  await statusBarShot(page, 'sync-statusbar-synced');
  await sync.open();

  // 5. An opinion signed for the first case: queued (待发送), never tried yet.
  const caseRows = await callApi<{ id: string; caseNumber: string }[]>(host, 'cases.list', {});
  const first = JSON.parse(readFileSync(join(world.packages[0]!, 'case.json'), 'utf8')) as { case: { id: string; caseNumber: string } };
  expect(caseRows.map((r) => r.id)).toContain(first.case.id);
  await conclude(host, first.case.id, '同意', '经审核，同意承办机构的处理意见。');
  await sign(host, first.case.id);
  await sync.refresh();
  await expect(sync.line).toContainText('1 项待发送');
  await expect(sync.queued()).toHaveCount(1);
  await expect(sync.queued().first()).toContainText(first.case.caseNumber);
  await expect(sync.queued().first()).toContainText('审核意见书 第1轮 第1版');
  await expect(sync.queued().first()).toContainText('尚未发送');

  // 6. The link goes down: the run retries, then ends 离线（1 项待发送）with the reason.
  await link.unplug();
  await sync.runButton().click();
  await expect(sync.line).toHaveText('离线（1 项待发送）', { timeout: 60_000 });
  await expect(sync.line).toHaveAttribute('data-state', 'offline');
  await expect(sync.drawer.getByTestId('sync-panel-reason')).toContainText('无法连接');
  await expect(sync.queued()).toHaveCount(1);
  await ws.screenshot('sync-panel-offline');
  await statusBarShot(page, 'sync-statusbar-offline');

  // The office sends it by U 盘 meanwhile: the entry reads as exported and waiting for the answer,
  // not as a failed try.
  const exp = sync.drawer.getByTestId('sync-export');
  // The suggested file is in the user's 文档 folder (app.info), never in the data folder.
  await expect(exp.getByTestId('sync-export-path')).not.toHaveValue('');
  expect(await exp.getByTestId('sync-export-path').inputValue()).not.toContain(host.home);
  // The bundle carries the parties' details away: a target in the data folder is refused (said in
  // the passphrase dialog, which keeps what was typed; cancelled, the path is corrected).
  await exp.getByTestId('sync-export-path').fill(join(host.home, 'outbox.fashen-bundle'));
  await exp.getByTestId('sync-export-run').click();
  const dialog = page.getByTestId('sync-export-dialog');
  await dialog.getByTestId('sync-export-passphrase').fill(PASS);
  await dialog.getByTestId('sync-export-bundle-pass').fill(BUNDLE_PASS);
  await dialog.getByTestId('sync-export-bundle-pass2').fill(BUNDLE_PASS);
  await page.getByTestId('sync-export-confirm').click();
  await expect(dialog.getByTestId('sync-export-error')).toContainText('不能导出到数据目录中：离线交换包是要带出本机的文件');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();
  const stickFile = join(mkdtempSync(join(tmpdir(), 'fashen-stick-')), 'outbox.fashen-bundle');
  await exp.getByTestId('sync-export-path').fill(stickFile);
  await exp.getByTestId('sync-export-run').click();
  await dialog.getByTestId('sync-export-passphrase').fill(PASS);
  await dialog.getByTestId('sync-export-bundle-pass').fill(BUNDLE_PASS);
  await dialog.getByTestId('sync-export-bundle-pass2').fill(BUNDLE_PASS);
  await page.getByTestId('sync-export-confirm').click();
  await expect(exp.getByTestId('sync-export-done')).toContainText('已导出');
  await expect(exp.getByTestId('sync-export-sealed')).toContainText('已用交换包口令加密');
  // Sealed on the stick: only the passphrase opens it.
  expect(readFileSync(stickFile).subarray(0, 8).toString('latin1')).toBe('FSHNSEAL');
  expect(JSON.parse((await openSealedBytes(stickFile, BUNDLE_PASS, 'outbox')).toString('utf8'))).toMatchObject({ format: 'fashen-outbox-bundle', submissions: [{ kind: 'opinion' }] });
  // 导出离线交换包 on one line (it wrapped as 导出离线交换 / 包 in a 72 px column).
  const label = exp.locator('.sync-exchange-label');
  expect((await label.boundingBox())!.height).toBeLessThan(30);
  await sync.drawer.getByRole('region', { name: '离线交换' }).screenshot({ path: 'test-results/screenshots/sync-offline-exchange-1366.png' });
  await sync.refresh();
  await expect(sync.queued().first()).toContainText(/已于 \d{4}-\d\d-\d\d \d\d:\d\d 导出到离线交换包，待中心系统答复/);
  await ws.screenshot('sync-panel-exported');

  // 7. Meanwhile the handling unit resubmits the case (revision 2). The reviewer's key is known to
  //    the central system (registered as the workstation's enrolment does; a repeat is harmless).
  await central.admin.publish(revisionTwo(world.packages[0]!, mkdtempSync(join(tmpdir(), 'fashen-e2e-rev2-'))), 'alice');
  await ensureEnrolled(host.home, central.url);
  // Back online: the opinion was signed for revision 1 — 案卷已更新, with the current revision;
  // revision 2 comes down and opens round 2.
  await link.plug();
  await sync.runButton().click();
  const stale = sync.attention('stale');
  await expect(stale).toHaveCount(1, { timeout: 60_000 });
  await expect(sync.line).toHaveAttribute('data-state', 'synced');
  await expect(sync.queued()).toHaveCount(0);
  await expect(stale).toContainText(first.case.caseNumber);
  await expect(stale).toContainText('审核意见书 第1轮 第1版');
  await expect(stale.getByTestId('sync-reason')).toContainText('案件已更新为修订 2');
  await expect(stale).toContainText('本机案卷已是修订 2（第2轮）');
  await expect(sync.line.getByTestId('sync-attention')).toHaveText('1 件需处理');
  await expect(sync.drawer.getByTestId('sync-result')).toHaveClass(/ant-alert-warning/);

  // 8. Round 2 reviewed and signed — but the central system has meanwhile revoked the reviewer's
  //    certificate (a lost laptop, say): 被退回 with the central system's reason.
  const revoke = await central.admin.post(`/v1/admin/certificates/${world.keyFile.keyId}/revoke`, { reason: '设备遗失' });
  expect(revoke.status).toBe(200);
  await conclude(host, first.case.id, '同意', '经重新审核，同意承办机构修正后的处理意见。');
  await sign(host, first.case.id);
  await sync.runButton().click();
  const rejected = sync.attention('rejected');
  await expect(rejected).toHaveCount(1, { timeout: 60_000 });
  await expect(rejected).toContainText('审核意见书 第2轮 第1版');
  await expect(rejected.getByTestId('sync-reason')).toContainText('签名证书已吊销：设备遗失');
  // The stale one now says what followed it.
  await expect(stale).toContainText('已重新签署第2轮第1版（被退回）');
  await expect(sync.line.getByTestId('sync-attention')).toHaveText('2 件需处理');
  // Went through, but with a refusal: a warning to act on, not the all-clear green.
  await expect(sync.drawer.getByTestId('sync-result')).toContainText('1 件被退回');
  await expect(sync.drawer.getByTestId('sync-result')).toHaveClass(/ant-alert-warning/);
  await ws.screenshot('sync-panel-attention');
  await statusBarShot(page, 'sync-statusbar-attention');

  // 9. 打开案卷: the case opens in round 2; 上一轮 shows what the handling unit changed.
  await stale.getByTestId('sync-open-case').click();
  await expect(sync.drawer).toBeHidden();
  const review = page.locator(`[data-testid="review-panel"][data-case-id="${first.case.id}"]`);
  await expect(review.getByTestId('review-round')).toHaveText('第2轮');
  await review.getByTestId('round-tab-previous').click();
  await expect(review.getByTestId('revision-diff')).toContainText('依法封存');
  await ws.screenshot('sync-open-stale-case');

  // 10. 知道了: the reviewer has taken note of both answers — they stay listed, with their reasons,
  //     marked 已知悉, and the status bar's “件需处理” goes away.
  await sync.open();
  await rejected.getByTestId('sync-acknowledge').click();
  await expect(rejected).toHaveAttribute('data-handled', 'acknowledged');
  await expect(sync.line.getByTestId('sync-attention')).toHaveText('1 件需处理');
  await stale.getByTestId('sync-acknowledge').click();
  await expect(sync.line.getByTestId('sync-attention')).toHaveCount(0);
  await expect(sync.attention()).toHaveCount(2);
  await expect(stale.getByTestId('sync-handled')).toHaveText('已知悉');
  await expect(rejected.getByTestId('sync-reason')).toContainText('签名证书已吊销：设备遗失');
  await ws.screenshot('sync-panel-acknowledged');
});
