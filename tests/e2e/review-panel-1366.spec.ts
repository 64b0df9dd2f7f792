// The review panel and case header at 1366×768: an open point keeps its header (P number, title,
// decision) in sight while its body scrolls, without covering what is typed; the signed line shows
// 待发送 whole (the timestamp wraps under it) and the reviewer line the whole 单位, each with the full
// text on hover; the 拟处罚决定 table spells a fine in words once. Runs on a host of its own (it signs).
import type { Locator, Page } from '@playwright/test';
import { callApi, expect, type RunningHost } from './fixtures';
import { demoHostTest } from './support/demo-host';
import { ReviewPanel } from './pages/ReviewPanel';
import { WorkstationPage } from './pages/WorkstationPage';

const PASS = 'correct horse battery';
const AGENCY = '马鞍山市市场监督管理局';

const test = demoHostTest();

interface PointLite {
  id: string;
  automatic: { id: string; severity: string }[];
}

/** True when every character of `text` inside `scope` is painted: no clipping ancestor (ellipsis, overflow) cuts it. */
async function shownWhole(scope: Locator, text: string): Promise<boolean> {
  return scope.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + wanted.length);
      const rects = [...range.getClientRects()];
      if (rects.length === 0) return false;
      for (let el = n.parentElement; el && el !== document.body; el = el.parentElement) {
        const style = getComputedStyle(el);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const box = el.getBoundingClientRect();
        if (rects.some((r) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)) return false;
      }
      return true;
    }
    return false;
  }, text);
}

async function openCase(page: Page, host: RunningHost, index: number): Promise<{ ws: WorkstationPage; rv: ReviewPanel; caseId: string }> {
  await page.setViewportSize({ width: 1366, height: 768 });
  const ws = new WorkstationPage(page);
  const rv = new ReviewPanel(page);
  const cases = await callApi<{ id: string }[]>(host, 'cases.list', {});
  const caseId = cases[index]!.id;
  await callApi(host, 'settings.setReviewer', { name: '王审核', agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
  await ws.open(host.url);
  await ws.queue.openCaseId(caseId);
  await rv.waitFor(caseId);
  return { ws, rv, caseId };
}

test('拟处罚决定 spells each amount in words once; the header gives figures only', async ({ page, demoHost }) => {
  await openCase(page, demoHost, 0);
  // 拟处罚决定 (概要): the fine's description already spells the amount; no second line repeats it.
  const decision = page.getByTestId('proposed-decision');
  await expect(decision).toBeVisible();
  // Every penalty with an amount spells it in words exactly once (in its description or under it).
  const rows = decision.locator('tbody tr');
  await expect(rows.filter({ hasText: /^罚款/ })).toContainText('人民币');
  for (const row of await rows.all()) {
    if ((await row.locator('td').last().innerText()).trim() === '—') continue;
    expect(((await row.innerText()).match(/人民币/g) ?? []).length, await row.innerText()).toBe(1);
  }
  // The header names the penalties once, amounts in figures.
  const header = page.getByTestId('case-header');
  expect(((await header.innerText()).match(/人民币/g) ?? []).length).toBe(0);
});

test('at 1366 the open point keeps its header (title, decision) in sight above its note', async ({ page, demoHost }) => {
  const { rv } = await openCase(page, demoHost, 0);
  // P3 open, its note field brought to the top of the panel's scrolling body: the P3 header stays in
  // sight above it (title and decision), and does not cover the field.
  await rv.expand('P3');
  const body = rv.root.locator('.rv-body');
  const note = rv.detail('P3').getByTestId('point-note');
  await note.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  await note.focus();
  await expect.poll(() => body.evaluate((e) => e.scrollTop)).toBeGreaterThan(100);
  const bodyBox = (await body.boundingBox())!;
  const rowBox = (await rv.row('P3').boundingBox())!;
  const noteBox = (await note.boundingBox())!;
  expect(rowBox.y).toBeGreaterThanOrEqual(bodyBox.y - 0.5);
  expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(bodyBox.y + bodyBox.height);
  expect(noteBox.y).toBeGreaterThanOrEqual(rowBox.y + rowBox.height - 0.5);
  await expect(rv.row('P3')).toBeInViewport({ ratio: 1 });
  await rv.decide('P3', '存在问题');
  await expect(rv.badge('P3')).toHaveText('存在问题');
  expect(await shownWhole(rv.row('P3'), '执法程序是否合法')).toBe(true);
  await rv.screenshot('review-panel-sticky-point-1366');
  // Further down in the same point the header is still there.
  await body.evaluate((e) => e.scrollBy(0, 60));
  await expect(rv.row('P3')).toBeInViewport({ ratio: 1 });
});

test('at 1366 the reviewer’s 单位 and a signed opinion’s 待发送 are shown whole, the full line on hover', async ({ page, demoHost }) => {
  test.setTimeout(180_000);
  const cases = await callApi<{ id: string }[]>(demoHost, 'cases.list', {});
  // A signed opinion on another case, through the Api (the reviewer set first: the opinion names them).
  await callApi(demoHost, 'settings.setReviewer', { name: '王审核', agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
  const caseId = cases[1]!.id;
  const review = await callApi<{ points: PointLite[] }>(demoHost, 'review.get', { caseId });
  for (const p of review.points) for (const f of p.automatic.filter((a) => a.severity === 'fail')) await callApi(demoHost, 'review.override', { caseId, check: f.id, reason: '经核实，承办机构已补正，不影响认定' });
  for (const p of review.points) await callApi(demoHost, 'review.setPoint', { caseId, point: p.id, decision: 'ok', note: '' });
  await callApi(demoHost, 'review.conclude', { caseId, type: '同意', opinionText: '经审核，同意承办机构的处理意见。' });
  await callApi(demoHost, 'keys.create', { passphrase: PASS });
  const preview = await callApi<{ contentHash: string }>(demoHost, 'opinions.preview', { caseId });
  await callApi(demoHost, 'opinions.sign', { caseId, contentHash: preview.contentHash, passphrase: PASS });
  const { rv } = await openCase(page, demoHost, 1);

  // The reviewer line: the whole 单位 (wrapping), the full line on hover.
  const reviewerLine = rv.root.getByTestId('reviewer-line');
  expect(await shownWhole(reviewerLine, AGENCY)).toBe(true);
  await expect(reviewerLine).toHaveAttribute('title', `王审核 · 具有法律职业资格 · ${AGENCY}`);

  // 已签署 第1版, then 待发送 shown whole, the timestamp after it.
  const signed = rv.root.getByTestId('opinion-signed-line');
  await signed.scrollIntoViewIfNeeded();
  await expect(signed).toContainText('待发送');
  expect(await shownWhole(signed, '待发送')).toBe(true);
  expect(await shownWhole(signed, '待加盖时间戳')).toBe(true);
  expect(await shownWhole(signed, '打开意见书')).toBe(true);
  await expect(signed).toHaveAttribute('title', /已签署 第1版 · 待发送 · 待加盖时间戳/);
  await rv.screenshot('review-panel-signed-1366');
});
