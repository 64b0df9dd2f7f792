// Signed opinions end to end (issue 5): set the reviewer; with some points still open the drafted
// opinion lists them and proposes no 同意; conclude a demo case through the Api; preview the 法制审核
// 意见书 before any signing key exists (a note says a key is needed to sign); create a passphrase-
// protected key from the sign dialog, after which the preview is made again with the key (same
// document, now with its content hash); sign with a wrong and then the right passphrase, find 第1版 in
// the 意见书 list and verify it — verdict, 证书来源 and 时间戳 each on a line of their own — and verify
// the downloaded signed PDF through 验证签名文件, plus a tampered copy (无效) and a second version that
// supersedes the first. Runs on a host of its own.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { callApi, expect, type RunningHost } from './fixtures';
import { demoHostTest } from './support/demo-host';
import { WorkstationPage } from './pages/WorkstationPage';
import { OpinionPanel } from './pages/OpinionPanel';

const PASS = 'correct horse battery';
const REVIEWER = '王审核';
const AGENCY = '马鞍山市市场监督管理局';

const test = demoHostTest();

interface CaseRow {
  id: string;
  caseNumber: string;
}
interface PointLite {
  id: string;
  automatic: { id: string; severity: string }[];
}
interface ReviewLite {
  points: PointLite[];
}

async function seriousViolations(page: Page, selector: string) {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

const fails = (r: ReviewLite) => r.points.flatMap((p) => p.automatic.filter((f) => f.severity === 'fail'));

/** The demo case with the fewest failing automatic checks (the cleanest one). */
async function cleanestCase(host: RunningHost): Promise<CaseRow> {
  const rows = await callApi<CaseRow[]>(host, 'cases.list', {});
  let best: { row: CaseRow; n: number } | null = null;
  for (const row of rows) {
    const n = fails(await callApi<ReviewLite>(host, 'review.get', { caseId: row.id })).length;
    if (!best || n < best.n) best = { row, n };
  }
  return best!.row;
}

/** Some points 无问题 (any failing check set aside with a reason), through the Api. */
async function decideOkByApi(host: RunningHost, caseId: string, ids: string[]): Promise<void> {
  const review = await callApi<ReviewLite>(host, 'review.get', { caseId });
  for (const p of review.points.filter((x) => ids.includes(x.id))) {
    for (const f of p.automatic.filter((x) => x.severity === 'fail')) await callApi(host, 'review.override', { caseId, check: f.id, reason: '经核实，承办机构已补正，不影响认定' });
    await callApi(host, 'review.setPoint', { caseId, point: p.id, decision: 'ok', note: '' });
  }
}

/** P1–P10 无问题 (any failing check set aside with a reason), then a conclusion — as the API allows. */
async function concludeByApi(host: RunningHost, caseId: string, type: string, text: string): Promise<void> {
  const review = await callApi<ReviewLite>(host, 'review.get', { caseId });
  for (const f of fails(review)) await callApi(host, 'review.override', { caseId, check: f.id, reason: '经核实，承办机构已补正，不影响认定' });
  for (const p of review.points) await callApi(host, 'review.setPoint', { caseId, point: p.id, decision: 'ok', note: p.id === 'P6' ? '罚款在法定幅度内，裁量适当。' : '' });
  await callApi(host, 'review.conclude', { caseId, type, opinionText: text });
}

test('preview, sign with a passphrase, list and verify, verify an uploaded file', async ({ page, demoHost }) => {
  test.setTimeout(240_000);
  const ws = new WorkstationPage(page);
  const op = new OpinionPanel(page);
  const chosen = await cleanestCase(demoHost);
  await ws.open(demoHost.url);
  await expect(ws.queue.rows.first()).toBeVisible();
  await ws.queue.grid.locator(`[role="row"][data-case-id="${chosen.id}"]`).click();
  await page.locator(`[data-testid="review-panel"][data-case-id="${chosen.id}"]`).waitFor();

  // The reviewer (with 单位, printed in the certificate); the review concluded through the Api.
  await op.setReviewer(REVIEWER, AGENCY);
  await expect(ws.statusBar().getByTestId('status-keys')).toHaveText(/未创建签名密钥/);

  // Points still open: the drafted opinion lists them and is no all-clear 同意.
  await decideOkByApi(demoHost, chosen.id, ['P1', 'P2', 'P4', 'P5', 'P8', 'P9', 'P10']);
  await op.reloadReview();
  const conclusion = op.review.getByTestId('conclusion');
  await expect(conclusion.getByTestId('decided-count')).toHaveText('已认定 7/10');
  await expect(conclusion.getByTestId('conclusion-open')).toContainText('尚有 3 个要点未认定：P3、P6、P7');
  const draftText = conclusion.getByTestId('opinion-text');
  await expect(draftText).toHaveValue(/以下审核要点尚未作出结论：P3 执法程序是否合法；P6 裁量基准运用是否适当；P7 是否超越法定权限。/);
  await expect(draftText).toHaveValue(/待上述要点全部作出结论后，再提出审核意见。/);
  await expect(draftText).not.toHaveValue(/同意/);
  await conclusion.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await op.screenshot('opinion-draft-open-points');

  await concludeByApi(demoHost, chosen.id, '同意', '经审核，同意承办机构的处理意见。');
  await op.reloadReview();
  await expect(op.review.getByTestId('conclusion-done')).toBeVisible();
  await expect(op.list).toContainText('尚未签署意见书');

  // No key yet: 预览 works all the same — the document as it will be signed, with a note that signing
  // needs a key, and no content hash yet (the opinion names the signing certificate).
  await expect(op.review.getByTestId('opinion-nokey')).toContainText('尚未创建签名密钥');
  const keyless = await op.preview();
  const keylessBar = keyless.getByTestId('opinion-preview-bar');
  await expect(keylessBar).toContainText('预览 · 未签署');
  await expect(keylessBar.getByTestId('opinion-content-hash')).toHaveText('内容摘要：待创建签名密钥后生成');
  await expect(keyless.getByTestId('opinion-preview-nokey')).toContainText('尚未创建签名密钥，暂不能签署。所示即为将要签署的内容');
  const keylessText = await op.pageText(keyless);
  expect(keylessText).toContain('法制审核意见书');
  expect(keylessText).toContain(chosen.caseNumber.replace(/\s+/g, ''));
  expect(await seriousViolations(page, '[data-testid="opinion-document"]')).toEqual([]);
  await op.screenshot('opinion-preview-nokey');

  // Without a key, 签署… (in the preview's bar, as in the panel) says why in its tooltip and opens
  // 签名密钥 at its create section, over the sign dialog (签署 there disabled until a key exists);
  // the key is created there (passphrase twice).
  const signButton = keylessBar.getByTestId('opinion-sign');
  await expect(signButton).toHaveAttribute('title', /尚无可用的签名密钥/);
  await expect(op.review.getByTestId('opinion-sign-start')).toHaveAttribute('title', /尚无可用的签名密钥/);
  await signButton.click();
  await expect(op.keysDialog).toBeVisible();
  await expect(op.keysDialog.getByTestId('key-create')).toBeVisible();
  await expect(op.keysDialog.getByTestId('key-create')).toContainText('签名密钥口令');
  await op.screenshot('opinion-sign-nokey');
  await expect(op.signDialog).toBeVisible();
  await expect(op.signDialog.getByTestId('sign-signer')).toHaveText('本机尚无签名密钥');
  await expect(op.signDialog.getByTestId('sign-hash')).toContainText('待创建签名密钥后生成');
  await expect(op.signDialog.getByTestId('sign-submit')).toBeDisabled();
  await expect(op.keysDialog.getByTestId('key-subject')).toHaveText(`${REVIEWER}（${AGENCY}）`);
  await op.fillNewKeyPassphrase(PASS, 'correct horse batterx');
  await expect(op.keysDialog.getByTestId('key-error')).toContainText('两次输入的签名密钥口令不一致');
  await op.fillNewKeyPassphrase('short', 'short');
  await expect(op.keysDialog.getByTestId('key-error')).toContainText('至少 8 个字符');
  await op.fillNewKeyPassphrase(PASS);
  const activeKey = op.keysDialog.locator('[data-testid="key-row"][data-status="active"]');
  await expect(activeKey).toContainText(REVIEWER);
  await expect(activeKey).toContainText('本地开发 CA（非正式，仅供演示）');
  await expect(op.keysDialog.getByTestId('keys-devca')).toBeVisible();
  await expect(op.keysDialog.getByTestId('key-passphrase')).toBeHidden();
  await expect(op.keysDialog.getByTestId('key-replace')).toBeVisible();
  expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
  await op.screenshot('opinion-keys');
  await op.closeKeys();
  // Back in the sign dialog: the preview was made again with the key — signer, hash, 签署 enabled.
  await expect(op.signDialog.getByTestId('sign-signer')).toContainText(REVIEWER);
  await expect(op.signDialog.getByTestId('sign-hash')).toHaveText(/^SHA-256 [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} …$/);
  await expect(op.signDialog.getByTestId('sign-submit')).toBeEnabled();
  await op.signDialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(op.signDialog).toBeHidden();
  await expect(op.review.getByTestId('opinion-nokey')).toBeHidden();
  // The status bar shows the key (from the dev CA) and opens the same dialog.
  await expect(ws.statusBar().getByTestId('status-keys')).toHaveText(/开发 CA/);
  await op.openKeys();
  await expect(op.keysDialog.getByTestId('key-row')).toHaveCount(1);
  await op.closeKeys();

  // 预览: the PDF that will be signed, in the centre, with 文号 / 版本 / 摘要 and 签署 — the same
  // document as before the key, now with its content hash and no key note.
  const preview = await op.preview();
  await expect(preview.getByTestId('opinion-preview-nokey')).toBeHidden();
  const bar = preview.getByTestId('opinion-preview-bar');
  await expect(bar).toContainText('第1版');
  await expect(bar.getByTestId('opinion-doc-number')).toHaveText(/〔2026〕\d+号/);
  await expect(bar.getByTestId('opinion-content-hash')).toHaveText(/^摘要 [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
  const [docx] = await Promise.all([page.waitForEvent('download'), bar.getByTestId('opinion-preview-docx').click()]);
  expect(docx.suggestedFilename()).toMatch(/^法制审核意见书_.*第1版\.docx$/);
  expect(readFileSync(await docx.path()).subarray(0, 2).toString()).toBe('PK');
  const text = await op.pageText(preview);
  expect(text).toContain('法制审核意见书');
  expect(text).toContain(chosen.caseNumber.replace(/\s+/g, ''));
  // The footer names the opinion as the bar does: 文号 · 第1版 · 校验码 = the bar's 摘要 digits (no uuid).
  const code = (await bar.getByTestId('opinion-content-hash').innerText()).replace(/^摘要|\s/g, '');
  expect(text).toMatch(new RegExp(`〔2026〕\\d+号·第1版·校验码${code}$`));
  // Page 1 reads the same with and without the key (the 校验码 aside, which only a signable preview has).
  const withoutCode = (t: string) => t.replace(/·校验码[0-9a-f]{16}$/, '');
  expect(withoutCode(text)).toBe(keylessText);
  expect(await seriousViolations(page, '[data-testid="opinion-preview-bar"]')).toEqual([]);
  await op.screenshot('opinion-preview');

  // 签署: signer and the dev-CA notice; a wrong passphrase is refused in Chinese, the right one signs.
  await op.openSign();
  await expect(op.signDialog.getByTestId('sign-signer')).toContainText(REVIEWER);
  await expect(op.signDialog.getByTestId('sign-issuer')).toHaveText('本地开发 CA（非正式，仅供演示）');
  await expect(op.signDialog.getByTestId('sign-passphrase')).toBeFocused();
  await op.submitSign('wrong passphrase');
  await expect(op.signDialog.getByTestId('sign-error')).toContainText('口令错误');
  await expect(op.signDialog.getByTestId('sign-passphrase')).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
  await op.screenshot('opinion-sign');
  // The right passphrase, from the keyboard (Enter in the field signs).
  await op.signDialog.getByTestId('sign-passphrase').fill(PASS);
  await op.signDialog.getByTestId('sign-passphrase').press('Enter');
  await expect(op.signDialog).toBeHidden({ timeout: 30_000 });

  // The signed PDF opens in place of the preview: 已签署 · 待加盖时间戳 · 待发送, with its downloads.
  const signed = op.document('signed');
  await expect(signed).toBeVisible();
  const signedBar = signed.getByTestId('opinion-signed-bar');
  await expect(signedBar).toContainText('已签署');
  await expect(signedBar.getByTestId('opinion-signed-state')).toHaveText('待加盖时间戳 · 待发送');
  // 下载 goes through opinions.export (export policy + audit log), not a blob link.
  const downloaded = async (testId: string) => {
    const [d] = await Promise.all([page.waitForEvent('download'), signedBar.getByTestId(testId).click()]);
    return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
  };
  const signedPdf = await downloaded('opinion-dl-pdf');
  expect(signedPdf.name).toMatch(/第1版\.pdf$/);
  expect((await downloaded('opinion-dl-docx')).name).toMatch(/\.docx$/);
  expect((await downloaded('opinion-dl-json')).name).toMatch(/提交件\.json$/);
  // Newest first: the three signed files, then the preview's .docx downloaded earlier (also an audited export).
  const copies = (await callApi<{ action: string; detail: { kind?: string; preview?: boolean } }[]>(demoHost, 'audit.case', { caseId: chosen.id })).filter((e) => e.action === 'export.opinion');
  expect(copies.map((e) => `${e.detail.kind}${e.detail.preview ? '·预览' : ''}`)).toEqual(['submission', 'docx', 'pdf', 'docx·预览']);
  expect(await op.pageText(signed)).toContain('法制审核意见书');
  await expect(op.review.getByTestId('opinion-signed-line')).toContainText('已签署 第1版');
  await op.review.getByTestId('conclusion-done').evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await op.screenshot('opinion-signed');

  // 意见书: 第1版, verified 有效 (the PDF and the submission).
  await expect(op.row(1)).toContainText('第1版');
  await expect(op.row(1).getByTestId('opinion-row-submission')).toHaveText('待发送');
  const checks = await op.verifyRow(1);
  await expect(checks.locator('[data-testid="verification"][data-kind="pdf"]')).toHaveAttribute('data-valid', 'true');
  await expect(checks.locator('[data-testid="verification"][data-kind="submission"]')).toHaveAttribute('data-valid', 'true');
  await expect(checks.getByTestId('verification-verdict').first()).toHaveText('有效');
  await expect(checks.getByTestId('verification-signer').first()).toContainText(REVIEWER);
  // The verdict alone; 证书来源 and 时间戳 each on a line of their own.
  await expect(checks.getByTestId('verification-reason').first()).toHaveText('签名有效');
  await expect(checks.getByTestId('verification-certificate').first()).toHaveText('证书来源本机开发 CA（非机构 CA，非正式，仅供演示）');
  await expect(checks.getByTestId('verification-timestamp').first()).toHaveText('时间戳未加盖：签署时间未经可信时间戳证明');
  await expect(op.row(1).getByTestId('opinion-row-verdict')).toHaveText('验证有效');
  expect(await seriousViolations(page, '[data-testid="review-panel"]')).toEqual([]);
  await op.list.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await op.screenshot('opinion-list');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(300);
  await op.screenshot('opinion-list-1920');
  await page.setViewportSize({ width: 1366, height: 768 });

  // 验证签名文件: the signed PDF as downloaded → 有效; one byte changed → 无效 with the reason.
  const pdf = signedPdf.bytes;
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await op.openVerifyFile();
  const result = await op.uploadForVerification('意见书.pdf', pdf, 'application/pdf');
  await expect(result).toHaveAttribute('data-valid', 'true', { timeout: 30_000 });
  await expect(result.getByTestId('verification-verdict')).toHaveText('有效');
  await expect(result.getByTestId('verification-signer')).toContainText(REVIEWER);
  await expect(result.getByTestId('verification-reason')).toHaveText('签名有效');
  await expect(result.getByTestId('verification-certificate')).toContainText('本机开发 CA（非机构 CA，非正式，仅供演示）');
  await expect(result.getByTestId('verification-timestamp')).toContainText('未加盖：签署时间未经可信时间戳证明');
  await expect(result.getByTestId('verification-signingTime')).toContainText('（北京时间，签名人本机时钟）');
  expect(await seriousViolations(page, '.ant-modal')).toEqual([]);
  await op.screenshot('opinion-verify-file');
  const tampered = Buffer.from(pdf);
  const at = tampered.indexOf('/Type /Page');
  tampered[at + 3] = tampered[at + 3]! ^ 0x01;
  const bad = await op.uploadForVerification('改过的意见书.pdf', tampered, 'application/pdf');
  await expect(bad).toHaveAttribute('data-valid', 'false', { timeout: 30_000 });
  await expect(bad.getByTestId('verification-verdict')).toHaveText('无效');
  await expect(bad.getByTestId('verification-reason')).not.toHaveText('');
  await op.screenshot('opinion-verify-invalid');
  await op.verifyDialog.page().getByTestId('verify-close').click();

  // A changed conclusion is a new version: 签署… previews first; 第1版 stays, greyed 已被第2版取代.
  await callApi(demoHost, 'review.reopen', { caseId: chosen.id });
  await concludeByApi(demoHost, chosen.id, '其他意见', '建议承办机构在决定书中写明缴款期限和方式。');
  await op.reloadReview();
  await expect(op.review.getByTestId('opinion-actions')).toContainText('第1版已签署');
  await op.review.getByTestId('opinion-sign-start').click();
  await expect(op.signDialog).toBeVisible();
  await expect(op.signDialog).toContainText('第2版');
  await expect(op.document('preview')).toBeVisible();
  await op.submitSign(PASS);
  await expect(op.signDialog).toBeHidden({ timeout: 30_000 });
  await expect(op.row(2).getByTestId('opinion-row-verify')).toBeVisible();
  await expect(op.row(1)).toHaveAttribute('data-superseded', 'true');
  await expect(op.row(1)).toContainText('已被第2版取代');
  // 第1版 had not left the workstation when its conclusion was withdrawn: it is not sent.
  await expect(op.row(1).getByTestId('opinion-row-submission')).toHaveText('已撤回（未发送）');
  await expect(op.review.getByTestId('opinion-signed-line')).toContainText('已签署 第2版');
  const records = await callApi<{ version: number; superseded: boolean }[]>(demoHost, 'opinions.list', { caseId: chosen.id });
  expect(records.map((r) => [r.version, r.superseded])).toEqual([
    [2, false],
    [1, true],
  ]);
});
