// The case view's open documents survive its remounting: collapsing the queue and going to another
// case and back keep each case's tabs, split and active tab; a search jump already shown is not
// shown again (a document the reviewer closed stays closed); PDFs, text and Word panes resume where
// the reader was, unless a search hit asks for another place.
import type { Locator } from '@playwright/test';
import { callApi, expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { addEvidence } from './support/evidence-packages';
import { buildPackage, tempDir } from '../helpers/package-builder';
import { wordFile } from '../helpers/word-file';
import { DOCX_MIME } from '../../src/shared/text/decode';

const tabs = (pane: Locator) => pane.locator('[role="tab"] .pane-tab-label');
const activeTab = (pane: Locator) => pane.locator('[role="tab"][aria-selected="true"] .pane-tab-label');

test('collapsing the queue and switching cases keep the tabs, the split and the active tab', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(workstationUrl);
  await ws.caseFile.openCaseHaving(ws.queue, '立案审批表');
  const caseId = await ws.caseFile.view.getAttribute('data-case-id');
  const [left, right] = [ws.caseFile.pane(0), ws.caseFile.pane(1)];

  await ws.caseFile.openItem('现场笔录');
  await ws.caseFile.openItem('立案审批表');
  await ws.caseFile.openItem('询问笔录', 'other');
  await expect(right).toBeVisible();
  await left.getByRole('tab', { name: '现场笔录' }).click();
  await expect(activeTab(left)).toHaveText('现场笔录');

  const expectKept = async () => {
    await expect(tabs(left)).toHaveText(['概要', '现场笔录', '立案审批表']);
    await expect(tabs(right)).toHaveText(['询问笔录']);
    await expect(activeTab(left)).toHaveText('现场笔录');
    await expect(left).toHaveAttribute('data-active', 'true');
  };

  await ws.queue.collapse();
  await expectKept();

  await page.getByRole('button', { name: '展开待审案件' }).click();
  const other = ws.queue.grid.locator(`[role="row"][data-case-id]:not([data-case-id="${caseId}"])`).first();
  const otherId = (await other.getAttribute('data-case-id')) ?? '';
  await ws.queue.openCaseId(otherId);
  // Another case has its own workspace: just its 概要.
  await expect(tabs(ws.caseFile.pane(0))).toHaveText(['概要']);
  await expect(right).toHaveCount(0);

  await ws.queue.openCaseId(caseId ?? '');
  await expectKept();
});

test('a search jump already shown is not replayed when the case view mounts again', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(workstationUrl);
  await expect(ws.queue.rows.first()).toBeVisible();
  await ws.search.search('与本案关系');
  const hit = ws.search.pageHit(0);
  const pageNo = Number(await hit.getAttribute('data-page'));
  await hit.click();
  const left = ws.caseFile.pane(0);
  await ws.caseFile.pdf(0).waitRendered(pageNo);
  await expect(tabs(left)).toHaveCount(2);
  const shown = (await activeTab(left).textContent()) ?? '';

  // The reviewer closes the document the hit opened, then folds the queue away (the view mounts again).
  await left.locator('[role="tab"][aria-selected="true"] .pane-tab-close').click();
  await expect(tabs(left)).toHaveText(['概要']);
  await ws.queue.collapse();
  // Opening another item comes after any replay the mount would make: only that item joins 概要.
  const next = ws.caseFile.tree.getByTestId('case-item').filter({ hasNotText: shown }).first();
  await next.click();
  await expect(tabs(left)).toHaveCount(2);
  expect(await tabs(left).allTextContents()).not.toContain(shown);
});

test('a PDF shown again resumes at the page the reader had reached', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(workstationUrl);
  await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
  await ws.caseFile.openItem('询问笔录');
  const pdf = ws.caseFile.pdf(0);
  await pdf.waitRendered(1);
  await page.getByRole('button', { name: '下一页（PageDown）' }).first().click();
  await expect.poll(() => pdf.currentPage()).toBe(2);

  await ws.queue.collapse();
  await ws.caseFile.pdf(0).waitRendered(2);
  await expect.poll(() => ws.caseFile.pdf(0).currentPage()).toBe(2);
});

const LOG = '门店收银流水';
const WORD = '当事人陈述材料';
const FAR = 40_000;

/** 3000 numbered lines, long enough to wrap in a narrow pane (so the same scrollTop is another line at another width); line 5 holds a word to search. */
function longLog(): Buffer {
  const filler = '售出预包装食品一件，收款方式为扫码支付，收银员工号零七，小票已打印并交付顾客';
  const lines = Array.from({ length: 3000 }, (_, i) => `第${i + 1}行 ${i === 4 ? '备注：罚没款专户待核对 ' : ''}${filler}`);
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

/** A case with the long log and a long Word document; returns its case number. */
async function importLongTexts(host: { origin: string; token: string }): Promise<string> {
  const pkg = await buildPackage(tempDir('fashen-e2e-pkg-'), { caseNumber: `测市监处罚〔2026〕${Math.floor(Math.random() * 9000) + 1000}号` });
  addEvidence(pkg, [['e-long-log', LOG, 'evidence/long.log.txt', longLog()]], { kind: '电子数据', proves: '销售记录', mime: 'text/plain' });
  const paragraphs = Array.from({ length: 1500 }, (_, i) => `第${i + 1}段 我店于二〇二六年六月从合肥某批发市场购进涉案食品，未索取进货票据，现将经过说明如下。`);
  addEvidence(pkg, [['e-long-docx', WORD, 'evidence/long.docx', await wordFile(paragraphs)]], { kind: '书证', proves: '当事人的说明', mime: DOCX_MIME });
  await callApi(host, 'cases.import', { paths: [pkg.dir] });
  return pkg.manifest.case.caseNumber;
}

/** The text of the line at the top of a text or Word pane (where the pane reads its position). */
function topLine(body: Locator): Promise<string> {
  return body.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const caret = document.caretRangeFromPoint(r.left + 20, r.top + 16);
    const t = caret?.startContainer.textContent ?? '';
    const at = caret?.startOffset ?? 0;
    const to = t.indexOf('\n', at);
    return t.slice(t.lastIndexOf('\n', at - 1) + 1, to < 0 ? undefined : to);
  });
}

/** Scrolls the pane far down (onto a line with text, not a blank one between paragraphs) and gives it two frames to note where it is; returns the top line. */
async function scrollFar(body: Locator): Promise<string> {
  let line = '';
  for (let top = FAR; line === '' && top < FAR + 200; top += 12) {
    await body.evaluate(async (el, to) => {
      el.scrollTop = to;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }, top);
    line = await topLine(body);
  }
  expect(line).toMatch(/^第\d{3,}[行段] /);
  return line;
}

test('text and Word panes shown again resume at the line the reader had reached', async ({ page, freshHost }) => {
  const caseNumber = await importLongTexts(freshHost);
  const other = await importLongTexts(freshHost);
  const ws = new WorkstationPage(page);
  await ws.open(freshHost.url);
  await ws.queue.openCaseNumber(caseNumber);
  const left = ws.caseFile.pane(0);
  const textBody = left.getByTestId('text-viewer').filter({ visible: true }).locator('.text-viewer-body');
  const wordBody = left.getByTestId('docx-viewer').filter({ visible: true }).locator('.text-viewer-body');

  // 1366: the queue folded itself when the case opened; Ctrl+K brings it back and the case view mounts again, narrower.
  await ws.caseFile.openItem(LOG);
  await expect(textBody).toContainText('第1行');
  const logLine = await scrollFar(textBody);
  await page.keyboard.press('Control+k');
  await expect(ws.search.box).toBeFocused();
  await expect.poll(() => topLine(textBody)).toBe(logLine);

  // A Word pane the same; the text tab, hidden while the view mounted again, resumes when shown.
  await ws.caseFile.openItem(WORD);
  await expect(wordBody).toContainText('第1段');
  const wordLine = await scrollFar(wordBody);
  await ws.queue.collapse();
  await expect.poll(() => topLine(wordBody)).toBe(wordLine);
  await left.getByRole('tab', { name: LOG }).click();
  await expect.poll(() => topLine(textBody)).toBe(logLine);

  // 1920: another case and back.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await ws.queue.openCaseNumber(other);
  await ws.queue.openCaseNumber(caseNumber);
  await expect.poll(() => topLine(textBody)).toBe(logLine);
  await left.getByRole('tab', { name: WORD }).click();
  await expect.poll(() => topLine(wordBody)).toBe(wordLine);
});

test('a search hit opening a text pane wins over the remembered line', async ({ page, freshHost }) => {
  const caseNumber = await importLongTexts(freshHost);
  const ws = new WorkstationPage(page);
  await ws.open(freshHost.url);
  await ws.queue.openCaseNumber(caseNumber);
  const left = ws.caseFile.pane(0);
  const textBody = left.getByTestId('text-viewer').filter({ visible: true }).locator('.text-viewer-body');
  await ws.caseFile.openItem(LOG);
  await expect(textBody).toContainText('第1行');
  const far = await scrollFar(textBody);
  await left.locator('[role="tab"][aria-selected="true"] .pane-tab-close').click();

  await ws.search.search('罚没款专户');
  await ws.search.hits.filter({ hasText: '罚没款专户' }).first().click();
  const hit = textBody.getByTestId('text-find');
  await expect(hit).toHaveText('罚没款专户');
  // The hit near the top of the file is in view (centred), not the line the reader had left.
  await expect.poll(async () => {
    const h = (await hit.boundingBox())!;
    const b = (await textBody.boundingBox())!;
    return h.y >= b.y && h.y + h.height <= b.y + b.height;
  }).toBe(true);
  expect(await topLine(textBody)).not.toBe(far);
});
