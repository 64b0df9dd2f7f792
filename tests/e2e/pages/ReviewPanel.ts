// Page object: the 审核要点 review panel on the right — P1–P10, findings, decisions, notes, citations,
// overrides, the conclusion, and 上一轮 for resubmitted cases.
import { expect, type Locator, type Page } from '@playwright/test';

export type PointId = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7' | 'P8' | 'P9' | 'P10';
export const POINTS: PointId[] = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10'];
export type Decision = '无问题' | '存在问题' | '不适用';

export class ReviewPanel {
  readonly root: Locator;
  readonly conclusion: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('review-panel');
    this.conclusion = this.root.getByTestId('conclusion');
  }

  /** Waits until the panel shows the review of this case. */
  async waitFor(caseId: string): Promise<void> {
    await this.page.locator(`[data-testid="review-panel"][data-case-id="${caseId}"]`).waitFor();
  }

  point(id: PointId): Locator {
    return this.root.locator(`[data-testid="review-point"][data-point="${id}"]`);
  }

  row(id: PointId): Locator {
    return this.point(id).locator('.rv-point-row');
  }

  detail(id: PointId): Locator {
    return this.point(id).getByTestId('point-detail');
  }

  badge(id: PointId): Locator {
    return this.point(id).getByTestId('point-decision-badge');
  }

  /** Points whose worst automatic finding is `fail`. */
  async failingPoints(): Promise<PointId[]> {
    const ids = await this.root.locator('[data-testid="review-point"][data-worst="fail"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-point')));
    return ids.filter((x): x is PointId => !!x);
  }

  /** Opens a point with its shortcut key (1–9, 0), focus first taken out of any text field. */
  async jump(id: PointId): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(id === 'P10' ? '0' : id.slice(1));
    await expect(this.detail(id)).toBeVisible();
  }

  async expand(id: PointId): Promise<void> {
    if ((await this.row(id).getAttribute('aria-expanded')) !== 'true') await this.row(id).click();
    await expect(this.detail(id)).toBeVisible();
  }

  async collapse(id: PointId): Promise<void> {
    if ((await this.row(id).getAttribute('aria-expanded')) === 'true') await this.row(id).click();
    await expect(this.detail(id)).toBeHidden();
  }

  /** Chooses a decision; waits for the badge when the back end accepts it. */
  async decide(id: PointId, decision: Decision): Promise<void> {
    await this.detail(id).getByTestId('point-decision').getByText(decision, { exact: true }).click();
  }

  conflict(id: PointId): Locator {
    return this.detail(id).getByTestId('point-conflict');
  }

  async writeNote(id: PointId, text: string): Promise<void> {
    await this.detail(id).getByTestId('point-note').fill(text);
    await expect(this.detail(id).getByTestId('note-save-state')).toHaveText('已保存');
  }

  findings(id: PointId): Locator {
    return this.detail(id).getByTestId('finding');
  }

  /** Citations of a point (chips), from its detail. */
  citations(id: PointId): Locator {
    return this.detail(id).getByTestId('citation');
  }

  async addAnnotationCitation(id: PointId, annotationId: string): Promise<void> {
    await this.detail(id).getByTestId('citation-add').click();
    const picker = this.page.getByTestId('citation-picker');
    await picker.locator(`[data-testid="pick-annotation"][data-annotation-id="${annotationId}"]`).getByRole('button', { name: /^引用/ }).click();
    await expect(picker).toBeHidden();
  }

  async setReviewer(name: string, legalQualification: boolean, firstTime: boolean): Promise<void> {
    await this.root.getByTestId('reviewer-set').click();
    const form = this.page.getByTestId('reviewer-form');
    await form.getByTestId('reviewer-name').fill(name);
    await form.getByTestId('reviewer-qualified').getByText(legalQualification ? '是' : '否', { exact: true }).click();
    await form.getByTestId('reviewer-first').getByText(firstTime ? '是' : '否', { exact: true }).click();
    await this.page.getByRole('dialog', { name: '审核人员' }).getByRole('button', { name: /保\s*存/ }).click();
    await expect(this.root.getByTestId('reviewer-name-shown')).toHaveText(name);
  }

  async chooseConclusion(type: '同意' | '建议纠正' | '建议补充调查' | '其他意见'): Promise<void> {
    await this.conclusion.getByTestId('conclusion-type-select').getByText(type, { exact: true }).click();
  }

  opinion(): Locator {
    return this.conclusion.getByTestId('opinion-text');
  }

  async conclude(): Promise<void> {
    await this.conclusion.getByTestId('conclude').click();
  }

  done(): Locator {
    return this.root.getByTestId('conclusion-done');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
