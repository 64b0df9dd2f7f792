// The reviewer's workflow end to end (issue 4): walk a demo case with a deliberate defect through
// P1–P10 — decisions, a note, a highlight cited, a failing check set aside with a reason — conclude
// 建议纠正 with an edited opinion, reload and find all of it kept. Then a resubmitted case: 上一轮
// with the diff. Runs on a host of its own (it changes review state other specs read).
import AxeBuilder from '@axe-core/playwright';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, E2E_TODAY, expect, type RunningHost } from './fixtures';
import { demoHostTest } from './support/demo-host';
import { generateDemoPackages } from '../../src/main/demo/generate';
import { WorkstationPage } from './pages/WorkstationPage';
import { POINTS, ReviewPanel, type PointId } from './pages/ReviewPanel';

const test = demoHostTest();

const SIZES = [
  { name: '1366', width: 1366, height: 768 },
  { name: '1920', width: 1920, height: 1080 },
] as const;

interface CaseRow {
  id: string;
  caseNumber: string;
  cause: string;
}

async function shootAtBothSizes(panel: ReviewPanel, name: string, before?: () => Promise<void>): Promise<void> {
  for (const size of SIZES) {
    await panel.page.setViewportSize({ width: size.width, height: size.height });
    await panel.page.waitForTimeout(300);
    if (before) await before();
    await panel.screenshot(`review-${name}-${size.name}`);
  }
  await panel.page.setViewportSize({ width: 1366, height: 768 });
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).include('[data-testid="review-panel"]').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

async function openCase(ws: WorkstationPage, panel: ReviewPanel, id: string): Promise<void> {
  await ws.queue.grid.locator(`[role="row"][data-case-id="${id}"]`).click();
  await ws.page.locator(`[data-testid="case-view"][data-case-id="${id}"]`).waitFor();
  await panel.waitFor(id);
}

/** A case whose panel shows an automatic `fail` — the price-fraud case (fine out of range) first. */
async function openCaseWithFail(ws: WorkstationPage, panel: ReviewPanel, host: RunningHost): Promise<CaseRow> {
  const rows = await callApi<CaseRow[]>(host, 'cases.list', {});
  const ordered = [...rows.filter((r) => r.cause.includes('价格')), ...rows.filter((r) => !r.cause.includes('价格'))];
  for (const row of ordered) {
    await openCase(ws, panel, row.id);
    if ((await panel.failingPoints()).length > 0) return row;
  }
  throw new Error('演示案卷中没有自动检查未通过的案件');
}

/** A highlight on a PDF of the case, linked to a review point, made through the Api (as the viewer would). */
async function makeHighlight(host: RunningHost, caseId: string, point: PointId): Promise<{ id: string; quote: string | null; itemTitle: string }> {
  const view = await callApi<{ documents: { id: string; title: string; file: { mime: string } }[] }>(host, 'cases.get', { id: caseId });
  const pdfs = view.documents.filter((d) => d.file.mime === 'application/pdf');
  const search = await callApi<{ groups: { hits: { kind: string; itemId: string | null; page: number | null; snippet: { match: string; after: string } }[] }[] }>(host, 'search.query', { text: '罚款', caseId, limit: 50 });
  const hit = search.groups.flatMap((g) => g.hits).find((h) => h.kind === 'page' && h.itemId && pdfs.some((d) => d.id === h.itemId));
  const item = pdfs.find((d) => d.id === hit?.itemId) ?? pdfs[0]!;
  const rects = [{ x: 80, y: 220, width: 260, height: 18 }];
  const quote = hit ? `${hit.snippet.match}${hit.snippet.after}`.slice(0, 16).trim() : null;
  const anchor = hit && quote ? { type: 'text', page: hit.page ?? 1, quote: { exact: quote, prefix: '', suffix: '' }, rects } : { type: 'area', page: 1, rects };
  const a = await callApi<{ id: string }>(host, 'annotations.create', { caseId, itemId: item.id, kind: 'highlight', anchor, note: '罚款数额与违法所得倍数不符', reviewPoint: point });
  return { id: a.id, quote, itemTitle: item.title };
}

test('walk a case through P1–P10, cite a highlight, override a check, conclude, reload', async ({ page, demoHost }) => {
  test.setTimeout(180_000);
  const ws = new WorkstationPage(page);
  const panel = new ReviewPanel(page);
  await ws.open(demoHost.url);
  await expect(ws.queue.rows.first()).toBeVisible();

  const chosen = await openCaseWithFail(ws, panel, demoHost);
  await expect(panel.root.getByTestId('review-round')).toHaveText('第1轮');
  await expect(panel.root.getByTestId('review-remaining')).toContainText(/剩余|超期|到期/);
  await panel.root.getByTestId('deadline-computation-toggle').click();
  await expect(panel.root.getByTestId('deadline-computation')).toContainText('个工作日');
  const defect = (await panel.failingPoints())[0]!;

  // A first-time reviewer without 法律职业资格: P2 now fails too — the check to set aside below.
  await panel.setReviewer('王审核', false, true);
  await expect(panel.point('P2')).toHaveAttribute('data-worst', 'fail');
  const failing = await panel.failingPoints();
  expect(failing).toContain(defect);
  await shootAtBothSizes(panel, 'list');

  // The defect: 存在问题, with a note and a cited highlight.
  const highlight = await makeHighlight(demoHost, chosen.id, defect);
  await panel.jump(defect);
  await expect(panel.findings(defect).first()).toHaveAttribute('data-severity', 'fail');
  await expect(panel.detail(defect).getByTestId('finding-computation').first()).toBeVisible();
  await panel.decide(defect, '存在问题');
  await expect(panel.badge(defect)).toHaveText('存在问题');
  const note = '拟罚款超出法定幅度，建议按违法所得五倍以下重新裁量。';
  await panel.writeNote(defect, note);
  await panel.addAnnotationCitation(defect, highlight.id);
  const chip = panel.citations(defect).first();
  await expect(chip).toContainText(highlight.itemTitle);
  if (highlight.quote) await expect(chip).toContainText(highlight.quote);
  await shootAtBothSizes(panel, 'point', async () => {
    await panel.row(defect).evaluate((e) => e.scrollIntoView({ block: 'start' }));
  });
  expect(await seriousViolations(page)).toEqual([]);

  // The citation jumps to the highlight: its document opens in the centre.
  await chip.getByRole('button').first().click();
  await expect(page.getByTestId('pane-0').getByRole('tab', { name: highlight.itemTitle })).toHaveAttribute('aria-selected', 'true');

  // Every other point: 无问题; over an open `fail` the back end refuses until the check is set aside.
  const reasons = new Map<PointId, string>();
  for (const id of POINTS) {
    if (id === defect) continue;
    await panel.jump(id);
    await panel.decide(id, '无问题');
    if (failing.includes(id)) {
      await expect(panel.conflict(id)).toContainText('请先逐项写明不采纳的理由');
      const reason = `${id}：该审核人员已于2025年取得法律职业资格，证书待登记`;
      const form = panel.conflict(id).getByTestId('override-form').first();
      await form.getByTestId('override-reason').fill('不对');
      await form.getByTestId('override-submit').click();
      await expect(form).toContainText('至少 4 个字');
      await form.getByTestId('override-reason').fill(reason);
      await form.getByTestId('override-submit').click();
      await expect(panel.detail(id).getByTestId('override').first()).toContainText(reason);
      reasons.set(id, reason);
    }
    await expect(panel.badge(id)).toHaveText('无问题');
  }
  expect(reasons.size).toBeGreaterThan(0);
  await panel.collapse('P10');

  // Conclusion: 建议纠正 with the drafted opinion, edited.
  await expect(panel.conclusion.getByTestId('decided-count')).toHaveText('已认定 10/10');
  await panel.chooseConclusion('建议纠正');
  await expect(panel.opinion()).toContainText(note.replace(/。$/, ''));
  const addition = '另请核实违法所得的计算依据。';
  const opinion = `${await panel.opinion().inputValue()}\n${addition}`;
  await panel.opinion().fill(opinion);
  await shootAtBothSizes(panel, 'conclusion', async () => {
    await panel.conclusion.scrollIntoViewIfNeeded();
  });
  expect(await seriousViolations(page)).toEqual([]);
  await panel.conclude();
  await expect(panel.done().getByTestId('conclusion-type')).toHaveText('建议纠正');
  await expect(panel.done().getByTestId('conclusion-text')).toContainText(addition);
  await expect(panel.root.getByTestId('review-status')).toHaveText('已退回');
  await expect(ws.caseFile.header).toContainText('已退回');
  await ws.queue.show();
  await expect(ws.queue.grid.locator(`[role="row"][data-case-id="${chosen.id}"]`)).toContainText('已退回');
  // No time runs on a concluded round: no red countdown in the panel, the header or the queue.
  await expect(panel.root.getByTestId('review-remaining')).toHaveText('本轮已作出结论');
  await expect(ws.queue.grid.locator(`[role="row"][data-case-id="${chosen.id}"] [data-done="true"]`)).toHaveText('已结论');
  await expect(ws.caseFile.header.locator('[data-done="true"]')).toHaveText('已结论');
  await shootAtBothSizes(panel, 'concluded', async () => {
    await panel.done().scrollIntoViewIfNeeded();
  });

  // Reload: decisions, note, override reason, citation and conclusion are all still there.
  await page.reload();
  await ws.open(page.url());
  await openCase(ws, panel, chosen.id);
  for (const id of POINTS) await expect(panel.badge(id)).toHaveText(id === defect ? '存在问题' : '无问题');
  await panel.expand(defect);
  await expect(panel.detail(defect).getByTestId('point-note')).toHaveValue(note);
  await expect(panel.citations(defect)).toHaveCount(1);
  await expect(panel.citations(defect).first()).toContainText(highlight.itemTitle);
  for (const [id, reason] of reasons) {
    await panel.expand(id);
    await expect(panel.detail(id).getByTestId('override').first()).toContainText(reason);
  }
  await expect(panel.done().getByTestId('conclusion-type')).toHaveText('建议纠正');
  await expect(panel.done().getByTestId('conclusion-text')).toContainText(addition);

  // 撤回结论 makes the review editable again, with the concluded opinion kept as the draft.
  await panel.done().getByTestId('conclusion-reopen').click();
  await page.getByRole('button', { name: /撤\s*回/ }).last().click();
  await expect(panel.opinion()).toHaveValue(opinion);
  await panel.chooseConclusion('建议纠正');
  await panel.conclude();
  await expect(panel.done().getByTestId('conclusion-type')).toHaveText('建议纠正');
});

const RESUBMIT_SENTENCE = '当事人已于2026年11月10日全部整改完毕。';

test('a resubmitted case shows 上一轮: conclusion, points side by side, and what changed', async ({ page, demoHost }) => {
  const rows = await callApi<CaseRow[]>(demoHost, 'cases.list', {});
  const row = rows.find((r) => !r.cause.includes('价格'))!;

  // Round 1 concluded 建议纠正 through the Api (a conclusion needs the reviewer set).
  await callApi(demoHost, 'settings.setReviewer', { name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  const view = await callApi<{ points: { id: PointId; worst: string | null }[] }>(demoHost, 'review.get', { caseId: row.id });
  for (const p of view.points) {
    await callApi(demoHost, 'review.setPoint', { caseId: row.id, point: p.id, decision: p.worst === 'fail' || p.id === 'P6' ? 'problem' : 'ok', note: p.id === 'P6' ? '罚款数额偏离裁量基准' : '' });
  }
  await callApi(demoHost, 'review.conclude', { caseId: row.id, type: '建议纠正', opinionText: '经审核，建议承办机构依法纠正后重新送审。' });

  // The handling unit resubmits revision 2: fine halved, one evidence renamed, one removed, a document added.
  // The demo loader deletes its plaintext packages once imported; the generator makes the same ones again.
  const demoRoot = mkdtempSync(join(tmpdir(), 'fashen-e2e-demo-'));
  const source = (await generateDemoPackages({ outDir: demoRoot, today: E2E_TODAY })).find((g) => g.caseId === row.id)!.dir;
  const dir = mkdtempSync(join(tmpdir(), 'fashen-e2e-round2-'));
  cpSync(source, dir, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as {
    case: { revision: number; facts: string; proposedDecision: { penalties: { type: string; amountFen?: number; description: string }[] } };
    documents: { id: string; title: string; kind: string }[];
    evidence: { title: string }[];
  };
  pkg.case.revision = 2;
  pkg.case.facts += RESUBMIT_SENTENCE;
  const fine = pkg.case.proposedDecision.penalties.find((x) => x.type === 'fine');
  if (fine?.amountFen) {
    fine.amountFen = Math.round(fine.amountFen / 2 / 100) * 100;
    fine.description = `罚款${fine.amountFen / 100}元`;
  }
  pkg.evidence[0]!.title += '（补充）';
  pkg.evidence.pop();
  pkg.documents.push({ ...pkg.documents[0]!, id: 'doc-resubmit-note', title: '整改情况说明', kind: '其他' });
  writeFileSync(join(dir, 'case.json'), JSON.stringify(pkg, null, 1));
  const outcome = await callApi<{ action: string }[]>(demoHost, 'cases.import', { paths: [dir] });
  expect(outcome[0]?.action).toBe('new_round');

  const ws = new WorkstationPage(page);
  const panel = new ReviewPanel(page);
  await ws.open(demoHost.url);
  await openCase(ws, panel, row.id);
  await expect(panel.root.getByTestId('review-round')).toHaveText('第2轮');
  await panel.expand('P6');
  await expect(panel.detail('P6').getByTestId('point-previous')).toContainText('存在问题');

  await panel.root.getByTestId('round-tab-previous').click();
  const prev = panel.root.getByTestId('previous-round');
  await expect(prev).toContainText('建议纠正');
  await expect(prev).toContainText('经审核，建议承办机构依法纠正后重新送审。');
  if (fine) await expect(prev.getByTestId('diff-field').filter({ hasText: '拟处罚' })).toBeVisible();
  // A sentence added to the facts is shown as that sentence, not the whole paragraph struck and written again.
  const facts = prev.getByTestId('diff-field').filter({ hasText: '案件事实' });
  await expect(facts.getByTestId('diff-inline').locator('ins')).toHaveText(RESUBMIT_SENTENCE);
  await expect(facts.getByTestId('diff-inline').locator('del')).toHaveCount(0);
  await expect(prev.locator('[data-testid="diff-item"][data-change="added"]')).toContainText('整改情况说明');
  await expect(prev.locator('[data-testid="diff-item"][data-change="changed"]')).toContainText('（补充）');
  await expect(prev.locator('[data-testid="diff-item"][data-change="removed"]')).toHaveCount(1);
  await expect(prev.locator('[data-testid="cmp-row"][data-point="P6"]')).toContainText('罚款数额偏离裁量基准');
  expect(await seriousViolations(page)).toEqual([]);
  await shootAtBothSizes(panel, 'rounds');

  // The added document opens from the diff.
  await prev.locator('[data-testid="diff-item"][data-change="added"]').getByRole('button').click();
  await expect(page.getByTestId('pane-0').getByRole('tab', { name: '整改情况说明' })).toHaveAttribute('aria-selected', 'true');
});
