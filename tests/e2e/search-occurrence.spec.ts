// Opening a search hit marks the occurrence its snippet showed, not the page's first one — even
// when the two read the same once case is ignored (context alone cannot tell them apart) — and,
// for a search of several words, every other occurrence of the words on that page, lighter.
import { callApi, expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { buildPackage, setNoticeText, tempDir } from '../helpers/package-builder';

test('a search hit on the second occurrence marks the second occurrence', async ({ page, freshHost }) => {
  const pkg = await buildPackage(tempDir('fashen-e2e-pkg-'));
  // Upper case near the top, the exact (lower case) text far below it.
  await setNoticeText(pkg, [
    ['Notice: QUORUM HEARING RIGHTS apply.', 760],
    ['Notice: quorum hearing rights apply.', 300],
  ]);
  await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });

  const ws = new WorkstationPage(page);
  await ws.open(freshHost.url);
  await ws.search.search('quorum hearing rights');
  const hit = ws.search.pageHit(0);
  // The words are marked wherever they stand in the line (the upper-case ones too); the hit is the lower-case run.
  await expect(hit.locator('mark').filter({ hasText: /^quorum hearing rights$/ })).toHaveCount(1);
  await hit.click();
  const pdf = ws.caseFile.pdf(0);
  await pdf.waitRendered(1);
  const mark = pdf.page(1).getByTestId('search-highlight').first();
  await expect(mark).toBeVisible();
  const pageBox = (await pdf.page(1).boundingBox())!;
  const markBox = (await mark.boundingBox())!;
  // In PDF units from the top: the first line sits near 70, the second near 530.
  const top = ((markBox.y - pageBox.y) / pageBox.height) * 842;
  expect(top).toBeGreaterThan(400);
});

test('a two-word search marks the hit and, lighter, the other word on the page', async ({ page, workstationUrl }) => {
  const ws = new WorkstationPage(page);
  await ws.open(workstationUrl);
  await ws.search.search('询问笔录 当事人');
  const hit = ws.search.pageHit(0);
  const pageNo = Number(await hit.getAttribute('data-page'));
  await hit.click();
  const pdf = ws.caseFile.pdf(0);
  await pdf.waitRendered(pageNo);
  const onPage = pdf.page(pageNo);
  const mark = onPage.getByTestId('search-highlight').first();
  await expect(mark).toBeVisible();
  const words = onPage.getByTestId('search-term-highlight');
  await expect(words.first()).toBeVisible();
  // The lighter marks are other places than the hit, and drawn unlike it.
  const hitBox = (await mark.boundingBox())!;
  for (const box of await words.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(Math.abs(box.y - hitBox.y) > 2 || box.x + box.width <= hitBox.x || box.x >= hitBox.x + hitBox.width).toBe(true);
  }
  const style = (el: Element) => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).backgroundColor;
  expect(await words.first().evaluate(style)).not.toBe(await mark.evaluate(style));
  await ws.screenshot('search-two-words-pdf');
  // Esc clears the search marks, the words with the hit.
  await pdf.viewer.locator('.pdf-scroll').press('Escape');
  await expect(onPage.getByTestId('search-highlight')).toHaveCount(0);
  await expect(onPage.getByTestId('search-term-highlight')).toHaveCount(0);
});
