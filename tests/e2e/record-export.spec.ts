// 下载 of the unsigned opinion preview through the audited export (opinions.exportPreview) in a
// real browser: with the agency's approval rule on, cancelling the approval leaves the zh-CN
// refusal, filling it in downloads the file, and both are in the case's audit trail. The blob link
// the preview is displayed with serves the in-app viewer (fetch) but refuses a page load of it —
// Chromium's own Fetch Metadata headers, not ones a test sets.
import { readFileSync } from 'node:fs';
import type { AuditEntryView } from '../../src/shared/api/audit';
import type { OpinionPreview } from '../../src/shared/api/opinions';
import { callApi, expect, test } from './fixtures';
import { OpinionPanel } from './pages/OpinionPanel';
import { WorkstationPage } from './pages/WorkstationPage';

interface ReviewLite {
  points: { id: string; automatic: { id: string; severity: string }[] }[];
}

test('the preview is downloaded only with the approval the policy requires, and both attempts are logged', async ({ page, freshHost }) => {
  test.setTimeout(180_000);
  await callApi(freshHost, 'cases.loadDemo', {});
  await callApi(freshHost, 'settings.setReviewer', { name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  const [row] = await callApi<{ id: string }[]>(freshHost, 'cases.list', {});
  const caseId = row!.id;
  const review = await callApi<ReviewLite>(freshHost, 'review.get', { caseId });
  for (const p of review.points) {
    for (const f of p.automatic.filter((x) => x.severity === 'fail')) await callApi(freshHost, 'review.override', { caseId, check: f.id, reason: '经核实，承办机构已补正，不影响认定' });
    await callApi(freshHost, 'review.setPoint', { caseId, point: p.id, decision: 'ok', note: '' });
  }
  await callApi(freshHost, 'review.conclude', { caseId, type: '同意', opinionText: '经审核，同意承办机构的处理意见。' });
  await callApi(freshHost, 'settings.setExportPolicy', { exportRequiresApproval: true });

  const ws = new WorkstationPage(page);
  const op = new OpinionPanel(page);
  await ws.open(freshHost.url);
  await ws.queue.grid.locator(`[role="row"][data-case-id="${caseId}"]`).click();
  await page.locator(`[data-testid="review-panel"][data-case-id="${caseId}"]`).waitFor();
  const preview = await op.preview();
  const bar = preview.getByTestId('opinion-preview-bar');
  await expect(bar.getByTestId('opinion-preview-pdf')).toBeVisible();
  await op.screenshot('record-export-preview-bar-1366');

  // Without the approval: the dialog asks; cancelled, the refusal is shown in Chinese.
  await bar.getByTestId('opinion-preview-pdf').click();
  const dialog = page.getByRole('dialog', { name: '导出须经批准' });
  await expect(dialog).toContainText('须经批准');
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(page.locator('.ant-message')).toContainText('按本单位规定，复制、导出执法记录须经批准');

  // With it: the file comes down.
  await bar.getByTestId('opinion-preview-pdf').click();
  await dialog.getByTestId('approval-reference').fill('测市监批〔2026〕15号');
  await dialog.getByTestId('approval-approver').fill('李局长');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '填写完毕，导出' }).click()]);
  expect(download.suggestedFilename()).toMatch(/_预览\.pdf$/);
  expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');

  const trail = (await callApi<AuditEntryView[]>(freshHost, 'audit.case', { caseId })).filter((e) => e.action === 'export.opinion').reverse();
  // Each click first stops for want of the approval (待批准; the transport then asks for it): cancelled, then given.
  const refused = expect.objectContaining({ outcome: 'awaiting_approval', code: 'approval_required', reason: expect.stringContaining('须经批准'), via: 'browser' });
  expect(trail.map((e) => e.detail)).toEqual([refused, refused, expect.objectContaining({ preview: true, kind: 'pdf', approval: { reference: '测市监批〔2026〕15号', approver: '李局长' } })]);
  expect(trail[2]!.detail.outcome).toBeUndefined();

  // The blob links: the viewer's fetch is served; opening the link as a page (or saving it) is not.
  const files = await callApi<OpinionPreview>(freshHost, 'opinions.preview', { caseId });
  const link = (sha: string) => `${freshHost.origin}/blobs/${sha}?token=${freshHost.token}`;
  expect(await page.evaluate(async (u) => (await fetch(u)).status, link(files.pdfSha256))).toBe(200);
  const other = await page.context().newPage();
  for (const sha of [files.pdfSha256, files.docxSha256]) {
    const res = await other.goto(link(sha));
    expect(res?.status()).toBe(403);
    await expect(other.locator('body')).toContainText('此文件只能在工作台中查看');
  }
  await other.close();
  // A link with `download` (what the preview bar used to be) fails rather than saving the file.
  const viaLink = async (sha: string) => {
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate((u) => {
        const a = document.createElement('a');
        a.href = u;
        a.download = '文件.pdf';
        document.body.append(a);
        a.click();
        a.remove();
      }, link(sha)),
    ]);
    return d.failure();
  };
  expect(await viaLink(files.pdfSha256)).not.toBeNull();
  // The same kind of link to a case file is served as before: the gate is for records made here.
  const view = await callApi<{ documents: { file: { sha256: string } }[] }>(freshHost, 'cases.get', { id: caseId });
  expect(await viaLink(view.documents[0]!.file.sha256)).toBeNull();
  await callApi(freshHost, 'settings.setExportPolicy', { exportRequiresApproval: false });
});
