// Evidence review at depth, end to end: global search → hit marked in the text layer; a highlight
// with a note linked to P4 that survives a reload; a generated audio clip that plays and takes a
// time note; a tampered blob shown with a red banner and reported by 校验案卷; axe on the 批注 view.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { callApi, expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { MediaPlayerPanel } from './pages/MediaPlayerPanel';
import { AUDIO_TITLE, BAD_FILES, audioCasePackage, badFilesPackage, mediaCasePackage } from './support/evidence-packages';
import { recordedWebm } from './support/recorded-webm';
import { tamperBlob } from './support/tamper';

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

test.describe('with the demo case files', () => {
  test('search → open a hit → the match is marked in the text layer on its page', async ({ page, workstationUrl }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await expect(ws.queue.rows.first()).toBeVisible();

    await ws.search.search('与本案关系');
    await expect(ws.search.groups.first()).toBeVisible();
    expect(await ws.search.groups.count()).toBeGreaterThanOrEqual(2);
    // Grouped by case: 案号 · 当事人 · 案由 above the hits, then the document with page and snippet.
    const group = ws.search.groups.first();
    await expect(group.locator('.sr-case-head')).toContainText('处罚〔2026〕');
    await expect(group.locator('.sr-item').first()).toContainText('询问笔录');
    const hit = ws.search.pageHit(0);
    await expect(hit).toContainText('第 1 页');
    await expect(hit.locator('mark')).toHaveText('与本案关系');

    const caseId = await group.getAttribute('data-case-id');
    const pageNo = Number(await hit.getAttribute('data-page'));
    // Keyboard: ↓ from the search box into the results, Enter opens the hit.
    await ws.search.box.press('ArrowDown');
    await expect(hit).toBeFocused();
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="case-view"][data-case-id="${caseId}"]`).waitFor();
    const pdf = ws.caseFile.pdf(0);
    await pdf.waitRendered(pageNo);
    await expect(pdf.searchHighlights().first()).toBeVisible();
    expect(await pdf.currentPage()).toBe(pageNo);
    // The mark sits on the page that holds the hit, over the matching text.
    await expect(pdf.page(pageNo).getByTestId('search-highlight').first()).toBeVisible();
    await ws.screenshot('search-hit');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('search: short queries say they scan part of the content; several words are all marked; punctuation gets a clear message', async ({ page, workstationUrl }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await ws.search.box.fill('马');
    await expect(page.getByTestId('search-hint')).toContainText('在全部案卷和文书全文中搜索“马”');
    await ws.search.search('马');
    await expect(ws.search.results.getByTestId('search-like-note')).toHaveText('短词检索（仅扫描部分内容）');
    await expect(ws.search.groups.first()).toBeVisible();

    // Several words: each is marked wherever it stands in a hit's line, not only the one it was cut around.
    await ws.search.search('询问笔录 当事人');
    const twoMarks = ws.search.hits.filter({ has: page.locator('mark:nth-of-type(2)') });
    await expect(twoMarks.first()).toBeVisible();
    const words = await twoMarks.first().locator('mark').allTextContents();
    expect(words.some((w) => w.includes('询问笔录'))).toBe(true);
    expect(words.some((w) => w.includes('当事人'))).toBe(true);
    await ws.screenshot('search-two-words');

    await ws.search.search('，。！？');
    await expect(ws.search.error).toContainText('只有标点');
    await ws.screenshot('search-punctuation');
    // Esc returns to the queue.
    await ws.search.results.getByRole('button', { name: /返回/ }).click();
    await expect(ws.queue.grid).toBeVisible();
  });

  test('search: a 案号 typed with [] or （） is found; a count cut short says 至少; back to the queue, words that match no case are cleared', async ({ page, workstationUrl }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    // The placeholder is read whole in the queue's default width at 1366.
    const room = await ws.search.box.evaluate((el: HTMLInputElement) => {
      const cs = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
      return { text: ctx.measureText(el.placeholder).width, box: el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) };
    });
    expect(room.text).toBeLessThanOrEqual(room.box);
    await ws.screenshot('queue-placeholder');

    const all = await ws.queue.caseCount();
    const number = /\S+〔\d{4}〕\d+号/u.exec((await ws.queue.rows.first().textContent()) ?? '')![0];
    const [, year, seq] = /〔(\d{4})〕(\d+号)/u.exec(number)!;
    // The queue filter: （2026）153号 finds 〔2026〕153号.
    await ws.search.box.fill(`（${year}）${seq}`);
    await expect(ws.queue.rows).toHaveCount(1);
    await expect(ws.queue.rows.first()).toContainText(number);

    // The global search: [2026] finds the 〔2026〕 the documents print, and marks it.
    const typed = number.replace('〔', '[').replace('〕', ']');
    await ws.search.search(typed);
    await expect(ws.search.groups.first().locator('.sr-case-no')).toHaveText(number);
    await expect(ws.search.hits.first().locator('mark')).toHaveText(number);
    await expect(ws.search.results.getByTestId('search-summary')).toContainText(/共 \d+ 处/);
    // Back: the words match a case in the queue, so they stay as its filter.
    await page.keyboard.press('Escape');
    await expect(ws.queue.rows).toHaveCount(1);
    await expect(ws.search.box).toHaveValue(typed);

    // A search that stops early counts what it found so far: 至少, not 共.
    await ws.search.search('的');
    await expect(ws.search.results.getByTestId('search-summary')).toContainText(/至少 \d+ 处/);
    await ws.screenshot('search-truncated');
    await page.keyboard.press('Escape');
    // Back: 询问笔录 matches no 案号, 当事人 or 案由, so the box is cleared and the whole queue shows.
    await ws.search.search('询问笔录');
    await expect(ws.search.groups.first()).toBeVisible();
    await ws.search.results.getByRole('button', { name: /返回/ }).click();
    await expect(ws.search.box).toHaveValue('');
    await expect(ws.search.box).toBeFocused();
    await expect(ws.queue.rows.first()).toBeVisible();
    expect(await ws.queue.caseCount()).toBe(all);
  });

  test('Ctrl+F finds in the document with a count and next/previous', async ({ page, workstationUrl }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
    await ws.caseFile.openItem('询问笔录');
    const pdf = ws.caseFile.pdf(0);
    await pdf.waitRendered(1);
    await pdf.viewer.locator('.pdf-scroll').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    const input = pdf.viewer.getByTestId('pdf-find-input');
    await expect(input).toBeFocused();
    await input.fill('询问');
    const count = pdf.viewer.getByTestId('pdf-find-count');
    await expect(count).toHaveText(/^1\/\d+$/);
    await input.press('Enter');
    await expect(count).toHaveText(/^2\/\d+$/);
    await input.press('Shift+Enter');
    await expect(count).toHaveText(/^1\/\d+$/);
    await expect(pdf.viewer.locator('[data-testid="find-highlight"][data-current="true"]').first()).toBeVisible();
    await ws.screenshot('find-in-document');
    await input.press('Escape');
    await expect(pdf.viewer.getByTestId('pdf-findbar')).toHaveCount(0);
  });

  test('a highlight with a note linked to P4 survives a reload, listed and drawn', async ({ page, workstationUrl }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
    const caseId = (await ws.caseFile.view.getAttribute('data-case-id'))!;
    await ws.caseFile.openItem('询问笔录');
    const pdf = ws.caseFile.pdf(0);
    await pdf.waitRendered(1);
    await pdf.viewer.locator('[data-page-number="1"][data-text-ready="true"]').waitFor();

    await pdf.selectText(1, '询问时间');
    await page.getByTestId('sel-note').click();
    const note = `询问时间与现场笔录是否冲突，需核实（${Date.now() % 100000}）`;
    await page.getByTestId('annotation-note').fill(note);
    await page.getByTestId('annotation-point').click();
    await page.getByRole('option', { name: 'P4 事实证据' }).click();
    await page.getByTestId('annotation-save').click();
    await expect(pdf.marks('note').first()).toBeVisible();

    await page.reload();
    await page.getByTestId('status-bar').getByText('数据目录').waitFor();
    await ws.queue.openCaseId(caseId);
    await ws.annotations.open();
    const row = ws.annotations.rowWithNote(note);
    await expect(row).toBeVisible();
    await expect(row).toHaveAttribute('data-point', 'P4');
    await expect(row).toContainText('P4 事实证据');
    await expect(row).toContainText('询问时间');
    await ws.annotations.filterByPoint('P4');
    await expect(row).toBeVisible();

    const id = (await row.getAttribute('data-annotation-id'))!;
    await row.locator('.ann-main').click();
    await pdf.waitRendered(1);
    const drawn = pdf.viewer.locator(`[data-annotation-id="${id}"] .pdf-mark`).first();
    await expect(drawn).toBeVisible();
    const box = await drawn.boundingBox();
    expect(box && box.width > 10 && box.height > 4).toBeTruthy();
    await ws.screenshot('annotation-p4');
  });

  test('axe: no serious or critical violations with the 批注 list open', async ({ page, workstationUrl, workstationHost }) => {
    const ws = new WorkstationPage(page);
    await ws.open(workstationUrl);
    await ws.caseFile.openCaseHaving(ws.queue, '询问笔录');
    const caseId = (await ws.caseFile.view.getAttribute('data-case-id'))!;
    const itemId = (await ws.caseFile.item('询问笔录').getAttribute('data-item-id'))!;
    // Set-up through the Api: one note linked to P5 and one redaction mark on page 1.
    await callApi(workstationHost, 'annotations.create', {
      caseId,
      itemId,
      kind: 'note',
      anchor: { type: 'text', page: 1, quote: { exact: '询问地点', prefix: '', suffix: '' }, rects: [{ x: 72, y: 140, width: 60, height: 12 }] },
      note: '询问地点与执法机关住所是否一致',
      reviewPoint: 'P5',
    });
    await callApi(workstationHost, 'annotations.create', {
      caseId,
      itemId,
      kind: 'redaction',
      anchor: { type: 'area', page: 1, rects: [{ x: 300, y: 170, width: 160, height: 14 }] },
      redactionReason: 'personal',
    });
    await page.reload();
    await page.getByTestId('status-bar').getByText('数据目录').waitFor();
    await ws.queue.openCaseId(caseId);
    await ws.caseFile.openItem('询问笔录');
    await ws.caseFile.pdf(0).waitRendered(1);
    await ws.annotations.open();
    await expect(ws.annotations.rows.first()).toBeVisible();
    await expect(ws.caseFile.pdf(0).marks('redaction').first()).toBeVisible();
    await ws.screenshot('annotations-list');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('with packages of their own (separate host)', () => {
  test('a generated audio clip plays and takes a time note', async ({ page, freshHost }) => {
    const pkg = await audioCasePackage();
    await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });
    const ws = new WorkstationPage(page);
    await ws.open(freshHost.url);
    await ws.queue.openCaseNumber(pkg.caseNumber);
    await ws.caseFile.openItem(AUDIO_TITLE);
    const player = new MediaPlayerPanel(ws.caseFile.pane(0));
    await player.viewer.waitFor();
    await expect.poll(async () => (await player.state()).duration).toBeGreaterThan(3.5);

    await player.play();
    await expect.poll(() => player.currentTime(), { timeout: 10_000 }).toBeGreaterThan(0.5);
    expect((await player.state()).error).toBeNull();

    await player.addNote('录音中当事人承认销售过期食品');
    await expect(player.markers).toHaveCount(1);
    await expect(player.viewer.getByTestId('time-notes')).toContainText('录音中当事人承认销售过期食品');
    const at = Number(await player.markers.first().getAttribute('data-seconds'));
    expect(at).toBeGreaterThan(0.4);
    // The marker seeks back to its time.
    await player.media().evaluate((m: HTMLMediaElement) => {
      m.pause();
      m.currentTime = 3.5;
    });
    await player.markers.first().click();
    await expect.poll(() => player.currentTime()).toBeCloseTo(at, 0);
    await ws.screenshot('media-time-note');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('a recorded WebM that stores no duration shows its length, and seeking works', async ({ page, browser, freshHost }) => {
    const pkg = await mediaCasePackage(await recordedWebm(browser), { name: 'bodycam.webm', mime: 'video/webm', title: '执法记录仪视频' });
    await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });
    const ws = new WorkstationPage(page);
    await ws.open(freshHost.url);
    await ws.queue.openCaseNumber(pkg.caseNumber);
    await ws.caseFile.openItem('执法记录仪视频');
    const player = new MediaPlayerPanel(ws.caseFile.pane(0));
    await player.viewer.waitFor();
    // The file itself says nothing of its length (Infinity until the player has read to its end).
    await expect.poll(async () => (await player.state()).duration).toBeLessThan(Infinity);
    expect((await player.state()).duration).toBeGreaterThan(2);
    await expect(player.clock()).toHaveText(/^0:00 \/ 0:0[2-3]$/);
    expect(await player.currentTime()).toBe(0);
    // The timeline is usable: its end is the file's length.
    const range = player.viewer.getByRole('slider', { name: '播放进度' });
    await expect(range).toBeEnabled();
    await range.focus();
    await page.keyboard.press('End');
    await expect.poll(() => player.currentTime()).toBeGreaterThan(1.5);
    await ws.screenshot('media-webm-duration');
  });

  test('a tampered file gets a red banner; 校验案卷 reports it as 已篡改', async ({ page, freshHost }) => {
    const pkg = await audioCasePackage();
    await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });
    tamperBlob(freshHost.home, pkg.shaOf('e1'));

    const ws = new WorkstationPage(page);
    await ws.open(freshHost.url);
    await ws.queue.openCaseNumber(pkg.caseNumber);
    await ws.caseFile.openItem('进货单据');
    const banner = ws.caseFile.integrityBanner(0);
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('文件已被篡改：内容与导入时的校验值不符，不能作为审核依据');
    await expect(ws.caseFile.item('进货单据')).toHaveAttribute('data-file-state', 'tampered');
    // Whatever the flipped byte did to the PDF, the pane settles (rendered or a clear error), banner on top.
    await ws.caseFile.pane(0).locator('[data-testid="pdf-page"][data-rendered="true"], [data-testid="viewer-error"]').first().waitFor();
    await expect(banner).toBeVisible();
    await ws.screenshot('integrity-banner');

    const dialog = await ws.caseFile.verifyCase();
    await expect(dialog.locator('[data-testid="integrity-state"][data-state="tampered"]')).toHaveCount(1);
    await expect(dialog.locator('tr', { hasText: '进货单据' })).toContainText('已篡改');
    await expect(dialog.locator('tr', { hasText: AUDIO_TITLE })).toContainText('完好');
    await expect(dialog.getByTestId('integrity-summary')).toContainText('已篡改 1');
    await ws.screenshot('integrity-report');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('integrity-close').click();
    await expect(ws.caseFile.item(AUDIO_TITLE).locator('[aria-label="校验完好"]')).toBeVisible();
  });

  test('bad files (0 bytes, corrupt PDF, PNG named .pdf) each get a clear message; nothing crashes', async ({ page, freshHost }) => {
    const pkg = await badFilesPackage();
    await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const ws = new WorkstationPage(page);
    await ws.open(freshHost.url);
    await ws.queue.openCaseNumber(pkg.caseNumber);
    const pane = ws.caseFile.pane(0);

    await ws.caseFile.openItem(BAD_FILES.empty);
    await expect(pane.getByTestId('file-problem').filter({ visible: true })).toContainText('0 字节');
    await expect(pane.getByTestId('viewer-error').filter({ visible: true })).toContainText('无法打开');

    await ws.caseFile.openItem(BAD_FILES.corrupt);
    await expect(pane.getByTestId('file-problem').filter({ visible: true })).toContainText('损坏');

    await ws.caseFile.openItem(BAD_FILES.mislabelled);
    await expect(pane.getByTestId('file-problem').filter({ visible: true })).toContainText('PNG');
    await expect(pane.getByTestId('image-viewer').filter({ visible: true })).toBeVisible();
    await ws.screenshot('bad-files');

    // The rest of the case still works.
    await ws.caseFile.openItem('进货单据');
    await ws.caseFile.pdf(0).waitRendered(1);
    expect(errors).toEqual([]);
  });
});
