// The conclusion being written is case content: it is saved into the encrypted cache as typed
// (review.saveDraft), never into the browser's localStorage, which a lock does not protect. A draft
// an older version left in localStorage moves into the cache and leaves the browser.
import { callApi, expect, startHost, test } from './fixtures';
import { ReviewPanel } from './pages/ReviewPanel';
import { WorkstationPage } from './pages/WorkstationPage';

interface CaseRow {
  id: string;
}
interface Draft {
  type: string | null;
  text: string | null;
}

const storedKeys = (page: import('@playwright/test').Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('review.opinion')));

test('the opinion draft lives in the cache, survives a reload, and nothing of it stays in the browser', async ({ page }) => {
  const host = await startHost();
  try {
    await callApi(host, 'cases.loadDemo', {});
    const [first, second] = await callApi<CaseRow[]>(host, 'cases.list', {});
    const legacy = '旧版本保存在浏览器中的审核意见草稿：请补充当事人的询问笔录。';
    await page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem('seeded')) localStorage.setItem(key!, value!), sessionStorage.setItem('seeded', '1');
      },
      [`fashen.ui.review.opinion.${second!.id}.r1`, JSON.stringify({ type: '建议补充调查', text: legacy })],
    );
    const ws = new WorkstationPage(page);
    const panel = new ReviewPanel(page);
    await ws.open(host.url);

    // The old localStorage draft moved into the cache and left the browser.
    const draftOf = async (caseId: string) => (await callApi<{ conclusionDraft: Draft | null }>(host, 'review.get', { caseId })).conclusionDraft;
    await expect.poll(() => draftOf(second!.id), { timeout: 10_000 }).toEqual({ type: '建议补充调查', text: legacy });
    expect(await storedKeys(page)).toEqual([]);

    await ws.queue.grid.locator(`[role="row"][data-case-id="${first!.id}"]`).click();
    await panel.waitFor(first!.id);
    await panel.chooseConclusion('其他意见');
    const text = '建议在决定书中写明缴款期限和方式；当事人冯军的身份证号码应当完整核对。';
    await panel.opinion().fill(text);
    await expect(page.getByTestId('opinion-save-state')).toHaveText(/^已保存/, { timeout: 10_000 });
    expect(await draftOf(first!.id)).toEqual({ type: '其他意见', text });
    expect(await storedKeys(page)).toEqual([]);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('冯军');

    await page.reload();
    await ws.queue.grid.locator(`[role="row"][data-case-id="${first!.id}"]`).click();
    await panel.waitFor(first!.id);
    await expect(panel.opinion()).toHaveValue(text);

    // Without a reviewer the conclusion is refused, and the refusal goes once the reviewer is set.
    await panel.conclude();
    await expect(page.getByTestId('conclusion-error')).toContainText('请先设置审核人员信息');
    await panel.setReviewer('王审核', true, false);
    await expect(page.getByTestId('conclusion-error')).toHaveCount(0);
  } finally {
    host.stop();
  }
});
