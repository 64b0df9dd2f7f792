// Page objects: the meeting module — set-up form, presenter, audience screen, minutes and signing.
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens an antd Select and picks the option whose text matches. */
export async function choose(page: Page, select: Locator, text: string | RegExp): Promise<void> {
  await select.click();
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text });
  await option.first().click();
}

export class MeetingSetup {
  readonly form: Locator;
  constructor(readonly page: Page) {
    this.form = page.getByTestId('meeting-setup');
  }

  row(i: number): Locator {
    return this.form.getByTestId('attendee-row').nth(i);
  }

  async attendee(i: number, name: string, post: string, role: '出席' | '列席'): Promise<void> {
    while ((await this.form.getByTestId('attendee-row').count()) <= i) await this.form.getByTestId('attendee-add').click();
    const row = this.row(i);
    await row.getByTestId('attendee-name').fill(name);
    await row.getByTestId('attendee-post').fill(post);
    await choose(this.page, row.getByTestId('attendee-role'), new RegExp(`^${role}$`));
  }

  async role(which: 'host' | 'reporter' | 'recorder', name: string): Promise<void> {
    await choose(this.page, this.form.getByTestId(`role-${which}`), new RegExp(`^${name}（`));
  }

  async toggleCase(caseId: string): Promise<void> {
    await this.form.getByTestId('agenda-picker').locator(`.ant-table-row[data-case-id="${caseId}"] .ant-checkbox-input`).click();
  }

  error(): Locator {
    return this.form.getByTestId('setup-error');
  }
}

export class Presenter {
  readonly root: Locator;
  readonly recording: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('presenter');
    this.recording = this.root.getByTestId('recording');
  }

  opinion(name: string): Locator {
    return this.recording.locator(`[data-testid="opinion-row"][data-attendee="${name}"]`);
  }

  /** The recorder enters one opinion; waits until it is recorded. */
  async recordOpinion(name: string, kind: '同意' | '不同意' | '补充意见', text = ''): Promise<void> {
    const row = this.opinion(name);
    // The buttons and the status name what is agreed (同意法制审核意见), the stored kind stays short.
    const label = kind === '补充意见' ? kind : `${kind}法制审核意见`;
    await row.getByTestId('opinion-kind').getByText(label, { exact: true }).click();
    if (text) {
      await row.getByTestId('opinion-text').fill(text);
      await row.getByTestId('opinion-text').blur();
    }
    await expect(row).toHaveAttribute('data-kind', kind);
    await expect(row.getByTestId('opinion-status')).toHaveText(new RegExp(`^(已保存|已记录：${label})`));
  }

  async conclude(text: string | null, differingReason?: string): Promise<void> {
    const form = this.recording.getByTestId('conclusion-form');
    if (text === null) await form.getByRole('button', { name: '按审核意见填入' }).click();
    else await form.getByTestId('conclusion-text').fill(text);
    if (differingReason !== undefined) {
      const follows = form.getByTestId('conclusion-follows');
      if ((await follows.getAttribute('aria-checked')) === 'true') await follows.click();
      if (differingReason) await form.getByTestId('conclusion-reason').fill(differingReason);
    }
    await form.getByTestId('conclusion-submit').click();
  }
}

export class Audience {
  readonly screen: Locator;
  constructor(readonly page: Page) {
    this.screen = page.getByTestId('audience-screen');
  }

  async at(caseIndex: number, topic: string): Promise<void> {
    await expect(this.screen).toHaveAttribute('data-case-index', String(caseIndex));
    await expect(this.screen).toHaveAttribute('data-topic', topic);
  }
}

export class MinutesPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('minutes');
  }

  signer(role: 'host' | 'recorder'): Locator {
    return this.root.getByTestId(`signer-${role}`);
  }

  async createKey(role: 'host' | 'recorder', pass: string, again = pass): Promise<void> {
    const s = this.signer(role);
    await s.getByTestId('signer-new-passphrase').fill(pass);
    await s.getByTestId('signer-new-passphrase-again').fill(again);
    await s.getByTestId('signer-create-key').click();
  }

  /** `submitterPass`: the reviewer's passphrase, asked in the recorder's step when the recorder is someone else. */
  async sign(role: 'host' | 'recorder', pass: string, submitterPass?: string): Promise<void> {
    const s = this.signer(role);
    await s.getByTestId('signer-passphrase').fill(pass);
    if (submitterPass) await s.getByTestId('signer-submitter-passphrase').fill(submitterPass);
    await s.getByTestId('signer-sign').click();
  }

  /** The reviewer's key, from the notice shown while it is missing (the 签名密钥 dialog). */
  async createSubmitterKey(pass: string): Promise<void> {
    await this.root.getByTestId('minutes-submitter-keys').click();
    const dialog = this.page.getByTestId('keys-dialog');
    await dialog.getByTestId('key-passphrase').fill(pass);
    await dialog.getByTestId('key-passphrase-again').fill(pass);
    await dialog.getByTestId('key-create-submit').click();
    await this.page.getByTestId('keys-close').click();
  }
}
