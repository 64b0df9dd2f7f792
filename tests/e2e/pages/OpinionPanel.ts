// Page object: signed opinions — 预览 / 签署 under the conclusion, the opinion PDF in the centre with its
// header bar, the sign dialog, the 意见书 list with verification, and the status bar's 签名密钥 and
// 验证签名文件 dialogs.
import { expect, type Locator, type Page } from '@playwright/test';

export class OpinionPanel {
  readonly review: Locator;
  readonly list: Locator;
  readonly signDialog: Locator;
  readonly keysDialog: Locator;
  readonly verifyDialog: Locator;

  constructor(readonly page: Page) {
    this.review = page.getByTestId('review-panel');
    this.list = this.review.getByTestId('opinion-list');
    this.signDialog = page.getByTestId('sign-dialog');
    this.keysDialog = page.getByTestId('keys-dialog');
    this.verifyDialog = page.getByTestId('verify-dialog');
  }

  /** The opinion document (preview or a signed version) shown in the centre. */
  document(kind: 'preview' | 'signed'): Locator {
    return this.page.locator(`[data-testid="opinion-document"][data-kind="${kind}"]`).filter({ visible: true });
  }

  /** Text of a rendered page's text layer, without whitespace (pdf.js splits runs into spans). */
  async pageText(doc: Locator, n = 1): Promise<string> {
    const page = doc.locator(`[data-testid="pdf-page"][data-page-number="${n}"]`);
    // A preview made again (with the key) replaces the document under the same page element: its
    // text layer can be empty for a moment between the two, so read until there is text.
    let text = '';
    await expect(async () => {
      await doc.locator(`[data-testid="pdf-page"][data-page-number="${n}"][data-rendered="true"]`).waitFor({ timeout: 5_000 });
      await expect(page.locator('.textLayer span').first()).toBeAttached({ timeout: 5_000 });
      text = (await page.locator('.textLayer').innerText()).replace(/\s+/g, '');
      expect(text).not.toBe('');
    }).toPass({ timeout: 30_000 });
    return text;
  }

  async setReviewer(name: string, agency: string): Promise<void> {
    await this.review.getByTestId('reviewer-set').click();
    const form = this.page.getByTestId('reviewer-form');
    await form.getByTestId('reviewer-name').fill(name);
    await form.getByTestId('reviewer-agency').fill(agency);
    await form.getByTestId('reviewer-qualified').getByText('是', { exact: true }).click();
    await form.getByTestId('reviewer-first').getByText('否', { exact: true }).click();
    await this.page.getByRole('dialog', { name: '审核人员' }).getByRole('button', { name: /保\s*存/ }).click();
    await expect(this.review.getByTestId('reviewer-name-shown')).toHaveText(name);
  }

  async openKeys(): Promise<void> {
    await this.page.getByTestId('status-keys').click();
    await expect(this.keysDialog).toBeVisible();
  }

  async fillNewKeyPassphrase(pass: string, again = pass): Promise<void> {
    await this.keysDialog.getByTestId('key-passphrase').fill(pass);
    await this.keysDialog.getByTestId('key-passphrase-again').fill(again);
    await this.keysDialog.getByTestId('key-create-submit').click();
  }

  async closeKeys(): Promise<void> {
    await this.page.getByTestId('keys-close').click();
    await expect(this.keysDialog).toBeHidden();
  }

  async reloadReview(): Promise<void> {
    await this.review.getByRole('button', { name: '重新读取审核记录' }).click();
  }

  async preview(): Promise<Locator> {
    await this.review.getByTestId('opinion-preview').click();
    const doc = this.document('preview');
    await expect(doc).toBeVisible();
    return doc;
  }

  async openSign(): Promise<void> {
    await this.document('preview').getByTestId('opinion-sign').click();
    await expect(this.signDialog).toBeVisible();
  }

  async submitSign(passphrase: string): Promise<void> {
    await this.signDialog.getByTestId('sign-passphrase').fill(passphrase);
    await this.signDialog.getByTestId('sign-submit').click();
  }

  row(version: number): Locator {
    return this.list.locator(`[data-testid="opinion-row"][data-version="${version}"]`);
  }

  async verifyRow(version: number): Promise<Locator> {
    await this.row(version).getByTestId('opinion-row-verify').click();
    const checks = this.row(version).getByTestId('opinion-row-checks');
    await expect(checks).toBeVisible({ timeout: 30_000 });
    return checks;
  }

  async openVerifyFile(): Promise<void> {
    await this.page.getByTestId('status-verify').click();
    await expect(this.verifyDialog).toBeVisible();
  }

  async uploadForVerification(name: string, buffer: Buffer, mimeType: string): Promise<Locator> {
    await this.verifyDialog.getByTestId('verify-file-input').setInputFiles({ name, mimeType, buffer });
    return this.verifyDialog.getByTestId('verification');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `test-results/screenshots/${name}.png` });
  }
}
