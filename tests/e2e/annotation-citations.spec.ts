// Annotations cited by review points (exploratory-test findings): deleting a cited annotation says
// which points cite it and the chip shows it gone at once; page citations of one long-titled item
// keep 第N页 visible; a very long note is clamped to a few lines with 展开/收起 in the 批注 list and
// in 添加引用, and is whole in the editor; a page beyond the file is refused in 添加引用, not clamped;
// editing a cited area note's text shows the new text in the chip at once.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { CaseFileView } from '../../src/shared/api/cases';
import { callApi, expect, test, type RunningHost } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { ReviewPanel } from './pages/ReviewPanel';
import { buildPackage, setNoticeText, tempDir, type BuiltPackage } from '../helpers/package-builder';

const LONG_TITLE = '销售台账（120页，含旋转页、手写批注及多处涂改的复印件，分三册装订）';
const LONG_NOTE = Array.from({ length: 40 }, (_, i) => `第${i + 1}项：台账记载的销售数量与进货单据不一致，需核对原始凭证并询问经办人员。`).join('').slice(0, 1176);

/** The evidence file with as many pages as its title promises: a cited page must exist (the back end refuses one beyond). */
async function setEvidencePages(pkg: BuiltPackage, pages: number): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([595, 842]).drawText(`Ledger page ${i}`, { x: 72, y: 770, size: 12, font });
  const bytes = await doc.save();
  writeFileSync(join(pkg.dir, 'evidence/photo.pdf'), bytes);
  pkg.manifest.evidence[0]!.file = { ...pkg.manifest.evidence[0]!.file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  pkg.write();
}

/** A package of its own with a cited highlight, a long note and two page citations of one item, opened at P4. */
async function openCase(page: Page, host: RunningHost) {
  expect(LONG_NOTE).toHaveLength(1176);
  const pkg = await buildPackage(tempDir('fashen-e2e-pkg-'));
  pkg.manifest.evidence[0]!.title = LONG_TITLE;
  await setEvidencePages(pkg, 120);
  await setNoticeText(pkg, [
    ['Hearing rights were notified to the party', 760],
    ['Fine of 5000 yuan', 736],
  ]);
  await callApi(host, 'cases.import', { paths: [pkg.dir] });
  const caseId = pkg.manifest.case.id;
  const anchor = (exact: string, y: number) => ({ type: 'text', page: 1, quote: { exact, prefix: '', suffix: '' }, rects: [{ x: 72, y, width: 120, height: 16 }] });
  const cited = await callApi<{ id: string }>(host, 'annotations.create', { caseId, itemId: 'd1', kind: 'highlight', anchor: anchor('Hearing rights were notified', 68), note: '已告知听证权利', reviewPoint: 'P4' });
  const long = await callApi<{ id: string }>(host, 'annotations.create', { caseId, itemId: 'd1', kind: 'note', anchor: anchor('Fine of 5000 yuan', 92), note: LONG_NOTE, reviewPoint: 'P4' });
  await callApi(host, 'review.setPoint', {
    caseId,
    point: 'P4',
    citations: [
      { kind: 'annotation', id: cited.id },
      { kind: 'evidence', id: 'e1', page: 120 },
      { kind: 'evidence', id: 'e1', page: 77 },
    ],
  });

  const ws = new WorkstationPage(page);
  const panel = new ReviewPanel(page);
  await ws.open(host.url);
  await ws.queue.openCaseNumber(pkg.manifest.case.caseNumber);
  await panel.waitFor(caseId);
  await panel.expand('P4');
  const chips = panel.citations('P4');
  await expect(chips).toHaveCount(3);
  return { ws, panel, chips, cited, long, caseId };
}

test('a page beyond the document is refused in 添加引用, not clamped: 超出页数（共 1 页）, 引用 disabled until corrected', async ({ page, freshHost }) => {
  const { panel, chips, caseId } = await openCase(page, freshHost);
  // The notice has 1 page; its page count is known once the file has been read.
  await expect.poll(async () => (await callApi<CaseFileView>(freshHost, 'cases.get', { id: caseId })).documents[0]!.file.pageCount).toBe(1);
  await panel.detail('P4').getByTestId('citation-add').click();
  const picker = page.getByTestId('citation-picker');
  await picker.getByTestId('pick-tab-items').click();
  await picker.getByTestId('pick-item').click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '行政处罚告知书' }).click();
  await expect(picker).toContainText('共 1 页');
  const box = picker.locator('input#rv-pick-page');
  const add = picker.getByTestId('pick-item-add');
  await box.fill('9');
  const error = picker.getByTestId('pick-page-error');
  await expect(error).toHaveText('超出页数（共 1 页）');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(add).toBeDisabled();
  // Leaving the box keeps the 9 the reviewer typed (no silent clamp to 1).
  await box.press('Tab');
  await expect(box).toHaveValue('9');
  await expect(add).toBeDisabled();
  await page.screenshot({ path: 'test-results/screenshots/citation-page-refused.png' });
  await box.fill('1');
  await expect(error).toBeHidden();
  await expect(picker).toContainText('共 1 页');
  await expect(add).toBeEnabled();
  await add.click();
  await expect(picker).toBeHidden();
  await expect(chips).toHaveCount(4);
  await expect(chips.nth(3)).toContainText('行政处罚告知书');
  await expect(chips.nth(3)).toContainText('第1页');
});

test('two page citations of one item keep 第N页 in view', async ({ page, freshHost }) => {
  const { chips } = await openCase(page, freshHost);
  // Two pages of the same long-titled item: the page stays visible, not cut off with the title.
  for (const [i, n] of [
    [1, 120],
    [2, 77],
  ] as const) {
    const pageText = chips.nth(i).getByText(`第${n}页`, { exact: true });
    await expect(pageText).toBeVisible();
    const clipped = await pageText.evaluate((el) => {
      const button = el.closest('button')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return el.scrollWidth > el.clientWidth || r.right > button.right || r.left < button.left;
    });
    expect(clipped, `第${n}页 is cut off`).toBe(false);
  }
  // The highlight's chip keeps its page and the start of its quote in view too.
  await expect(chips.first().getByText('第1页', { exact: true })).toBeVisible();
  const quoteShown = await chips
    .first()
    .locator('.rv-citation-quote')
    .evaluate((el) => el.getBoundingClientRect().width);
  expect(quoteShown).toBeGreaterThan(60);
});

test('a very long note is clamped with 展开/收起, whole in the editor', async ({ page, freshHost }) => {
  const { ws, panel, long } = await openCase(page, freshHost);
  // The long note: about three lines in the 批注 list, 展开/收起 by keyboard, whole in the editor.
  await ws.annotations.open();
  const longRow = ws.annotations.rows.and(page.locator(`[data-annotation-id="${long.id}"]`));
  const note = longRow.getByTestId('annotation-note-text');
  const lineHeight = await note.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await note.boundingBox())!.height).toBeLessThan(lineHeight * 3.5);
  const toggle = longRow.getByRole('button', { name: '展开' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  const collapse = longRow.getByRole('button', { name: '收起' });
  await expect(collapse).toHaveAttribute('aria-expanded', 'true');
  expect((await note.boundingBox())!.height).toBeGreaterThan(lineHeight * 6);
  await page.keyboard.press('Space');
  await expect(longRow.getByRole('button', { name: '展开' })).toBeFocused();
  // A short note has no toggle.
  await expect(ws.annotations.rowWithNote('已告知听证权利').getByRole('button', { name: '展开' })).toHaveCount(0);
  await ws.screenshot('annotation-citations-list');

  await longRow.getByRole('button', { name: '编辑批注' }).click();
  await expect(longRow.getByTestId('annotation-note')).toHaveValue(LONG_NOTE);
  await longRow.getByRole('button', { name: /取\s*消/ }).click();

  // The same in 添加引用.
  await panel.detail('P4').getByTestId('citation-add').click();
  const picker = page.getByTestId('citation-picker');
  const pickRow = picker.locator(`[data-testid="pick-annotation"][data-annotation-id="${long.id}"]`);
  const pickNote = pickRow.getByTestId('annotation-note-text');
  const pickLine = await pickNote.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await pickNote.boundingBox())!.height).toBeLessThan(pickLine * 3.5);
  await expect(pickRow.getByRole('button', { name: '展开' })).toHaveAttribute('aria-expanded', 'false');
  await page.screenshot({ path: 'test-results/screenshots/annotation-citations-picker.png' });
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();
});

test('deleting a cited annotation names the citing point and the chip shows it gone at once', async ({ page, freshHost }) => {
  const { ws, chips, long } = await openCase(page, freshHost);
  await ws.annotations.open();
  // Deleting the cited highlight: the confirm names P4; afterwards the chip says it is gone at once.
  const citedRow = ws.annotations.rowWithNote('已告知听证权利');
  await citedRow.getByRole('button', { name: '删除批注' }).click();
  const confirm = page.locator('.ant-popconfirm');
  await expect(confirm).toContainText('P4 的审核认定引用了这条批注，删除后该引用将显示为“批注已不存在”');
  await chips.first().scrollIntoViewIfNeeded();
  await ws.screenshot('annotation-citations-confirm');
  await confirm.getByRole('button', { name: /删\s*除/ }).click();
  await expect(citedRow).toHaveCount(0);
  const gone = chips.first();
  await expect(gone).toContainText('（批注已不存在）');
  await expect(gone.locator('.rv-citation-main')).toBeDisabled();
  await expect(gone).not.toContainText('Hearing rights');
  await ws.screenshot('annotation-citations-chips');

  // Deleting one nothing cites says only that it cannot be undone.
  await ws.annotations.rows.and(page.locator(`[data-annotation-id="${long.id}"]`)).getByRole('button', { name: '删除批注' }).click();
  await expect(confirm).toContainText('删除后不能恢复');
  await expect(confirm).not.toContainText('引用了这条批注');
});

test('editing a cited area note’s text updates its chip at once, without 重新读取审核记录', async ({ page, freshHost }) => {
  const { ws, panel, caseId } = await openCase(page, freshHost);
  // An area note (its chip quotes the note, not marked words) linked to P3 and cited there via 添加引用.
  const area = await callApi<{ id: string }>(freshHost, 'annotations.create', {
    caseId,
    itemId: 'd1',
    kind: 'note',
    anchor: { type: 'area', page: 1, rects: [{ x: 72, y: 300, width: 200, height: 80 }] },
    note: '落款处未加盖公章',
    reviewPoint: 'P3',
  });
  // The case view reads its annotations when it mounts: the queue shown and folded again mounts it anew.
  await ws.queue.show();
  await ws.queue.collapse();
  await panel.expand('P3');
  await panel.addAnnotationCitation('P3', area.id);
  const chip = panel.citations('P3').first();
  await expect(chip).toContainText('“落款处未加盖公章”');

  await ws.annotations.open();
  const row = ws.annotations.rows.and(page.locator(`[data-annotation-id="${area.id}"]`));
  await row.getByRole('button', { name: '编辑批注' }).click();
  await row.getByTestId('annotation-note').fill('落款处公章模糊，无法辨认');
  await row.getByTestId('annotation-save').click();
  await expect(row.getByTestId('annotation-note-text')).toHaveText('落款处公章模糊，无法辨认');
  await expect(chip).toContainText('“落款处公章模糊，无法辨认”');
  await expect(chip).not.toContainText('落款处未加盖公章');
  await expect(chip.locator('.rv-citation-main')).toHaveAttribute('title', /落款处公章模糊，无法辨认/);
});
