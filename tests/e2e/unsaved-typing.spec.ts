// A note typed a moment before the page goes away (a reload; the window closed) is kept: the
// save-as-you-type field waits ~0.4 s after the last key, and the page leaving used to drop that.
import { callApi, expect, startHost, test } from './fixtures';
import { ReviewPanel } from './pages/ReviewPanel';
import { WorkstationPage } from './pages/WorkstationPage';

interface CaseRow {
  id: string;
}

test('a note typed just before a reload is saved as the page goes', async ({ page }) => {
  const host = await startHost();
  try {
    await callApi(host, 'cases.loadDemo', {});
    const [row] = await callApi<CaseRow[]>(host, 'cases.list', {});
    const ws = new WorkstationPage(page);
    const panel = new ReviewPanel(page);
    await ws.open(host.url);
    await ws.queue.grid.locator(`[role="row"][data-case-id="${row!.id}"]`).click();
    await panel.waitFor(row!.id);
    await panel.expand('P3');
    const text = '刷新前刚输入的备注：笔录日期待核实';
    await panel.detail('P3').getByTestId('point-note').fill(text);
    await expect(panel.detail('P3').getByTestId('note-save-state')).toHaveText('正在保存…');
    await page.reload(); // well within the pause after the last key
    const note = async () => (await callApi<{ points: { id: string; note: string }[] }>(host, 'review.get', { caseId: row!.id })).points.find((p) => p.id === 'P3')!.note;
    await expect.poll(note, { timeout: 10_000 }).toBe(text);
  } finally {
    host.stop();
  }
});
