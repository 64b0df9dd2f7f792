// 负责人集体讨论 end to end (issue 7), in Chromium through the headless host: two demo cases reviewed
// and concluded (one of a natural person, with id number and phone); from the workbench's 集体讨论
// entry a meeting is set up in the form — a case not yet concluded is refused by the back end with
// the case named, host = recorder is refused on the field — then started. The audience page is opened
// in a second page from the printed address and follows the presenter (→ / PageDown / Space / ←, a
// click in the agenda, 关键证据 with a chosen page); it never carries the natural person's id number
// or phone, even while the presenter has the raw id-card copy open. Three attendees' opinions, the
// 讨论情况 and a conclusion differing from the review (reason required) are recorded; ending is
// refused while a case is open; then the minutes are previewed and signed — host first (wrong then
// right passphrase), then the recorder — and the signed PDF verifies (in the app and with pdfsig).
// The reviewer submits the minutes (the recorder here is someone else): nothing is signed before the
// reviewer has a key, and the recorder's step asks for the reviewer's passphrase too.
// Screenshots of both views at 1920×1080.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, expect, type RunningHost } from './fixtures';
import { demoHostTest } from './support/demo-host';
import { meetingSetup } from './support/meeting-fixture';
import { Audience, MeetingSetup, MinutesPage, Presenter } from './pages/MeetingPages';
import { WorkstationPage } from './pages/WorkstationPage';

const HOST_PASS = 'host passphrase 1';
const RECORDER_PASS = 'recorder passphrase 2';
const REVIEWER_PASS = 'reviewer passphrase 3';
const SHOTS = 'test-results/screenshots';

const test = demoHostTest();

interface CaseRow {
  id: string;
  caseNumber: string;
  status: string;
}
interface CaseFile {
  id: string;
  caseNumber: string;
  parties: { kind: string; name: string; idNumber: string; phone?: string }[];
  evidence: { id: string; title: string; file: { mime: string; pageCount: number | null; sha256: string } }[];
  documents: { id: string; kind: string; title: string; file: { pageCount: number | null } }[];
}
interface ReviewLite {
  points: { id: string; automatic: { id: string; severity: string }[] }[];
}

/** The reviewer set, every point decided (failing checks set aside with a reason) and the round concluded, through the Api. */
async function concludeReview(host: RunningHost, caseId: string, type: '同意' | '建议纠正', text: string): Promise<void> {
  await callApi(host, 'settings.setReviewer', { name: '王审核', agency: '马鞍山市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  const review = await callApi<ReviewLite>(host, 'review.get', { caseId });
  for (const p of review.points)
    for (const f of p.automatic.filter((x) => x.severity === 'fail')) await callApi(host, 'review.override', { caseId, check: f.id, reason: '经核实，承办机构已补正，不影响认定' });
  for (const p of review.points) {
    const problem = type !== '同意' && p.id === 'P6';
    await callApi(host, 'review.setPoint', { caseId, point: p.id, decision: problem ? 'problem' : 'ok', note: problem ? '从轻处罚理由不充分：未说明违法经营额较小以外的从轻情节。' : '' });
  }
  await callApi(host, 'review.conclude', { caseId, type, opinionText: text });
}

/** A legal person's case and a natural person's case (with id number and phone), plus one left open. */
async function pickCases(host: RunningHost): Promise<{ legal: CaseFile; natural: CaseFile; open: CaseRow }> {
  const rows = await callApi<CaseRow[]>(host, 'cases.list', {});
  const files = await Promise.all(rows.map((r) => callApi<CaseFile>(host, 'cases.get', { id: r.id })));
  const natural = files.find((f) => f.parties.some((p) => p.kind === 'natural' && p.phone) && f.evidence.some((e) => e.title.includes('身份证')));
  const legal = files.find((f) => f.parties.every((p) => p.kind !== 'natural') && f.id !== natural?.id);
  const open = rows.find((r) => r.id !== natural?.id && r.id !== legal?.id);
  if (!natural || !legal || !open) throw new Error(`demo cases not as expected: ${JSON.stringify(files.map((f) => [f.caseNumber, f.parties.map((p) => p.kind)]))}`);
  return { legal, natural, open };
}

async function seriousViolations(page: Page, selector: string) {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

/** The raw identifiers must not be anywhere in the audience page (text, attributes, alt texts). */
async function expectNoIdentifiers(page: Page, values: string[]): Promise<void> {
  const html = await page.content();
  for (const v of values) {
    expect(html).not.toContain(v);
    expect(html.replace(/\s+/g, '')).not.toContain(v.replace(/\s+/g, ''));
  }
}

test('set up, present on a second screen, record, end, sign and verify the minutes', async ({ page, browser, demoHost }) => {
  test.setTimeout(420_000);
  const { legal, natural, open } = await pickCases(demoHost);
  await concludeReview(demoHost, legal.id, '同意', '经审核，同意承办机构的处理意见。');
  await concludeReview(demoHost, natural.id, '建议纠正', '建议承办机构补充从轻处罚的理由后再作决定。');
  const person = natural.parties.find((p) => p.kind === 'natural')!;
  const identifiers = [person.idNumber, person.phone!];

  // From the workbench's 集体讨论 entry to a new meeting.
  const ws = new WorkstationPage(page);
  await ws.open(demoHost.url);
  await page.getByTestId('open-meetings').click();
  await expect(page.getByTestId('meeting-list')).toContainText('尚无集体讨论会议');
  await page.getByTestId('meeting-new').click();
  const setup = new MeetingSetup(page);
  await expect(setup.form).toBeVisible();
  await expect(setup.form.getByTestId('setup-date')).toHaveValue('2026-11-23');
  await setup.form.getByTestId('setup-title').fill('2026年第12次行政处罚案件集体讨论会');
  await setup.form.getByTestId('setup-place').fill('局三楼第一会议室');
  // The reviewer is prefilled as 列席 and 汇报人; the heads and the recorder are added.
  await expect(setup.row(1).getByTestId('attendee-name')).toHaveValue('王审核');
  await setup.attendee(0, '张建国', '局长', '出席');
  await setup.attendee(2, '李卫东', '副局长', '出席');
  await setup.attendee(3, '赵红', '副局长', '出席');
  await setup.attendee(4, '陈立新', '纪检组长', '出席');
  await setup.attendee(5, '刘晓梅', '法规科科员', '列席');
  const quorum = setup.form.getByTestId('quorum-status');
  await expect(quorum).toHaveAttribute('data-met', 'true');
  await expect(quorum).toContainText('须负责人过半数出席，至少 3 人；现列出席 4 人，符合规则');
  await setup.form.getByTestId('quorum-min').fill('5');
  await expect(quorum).toContainText('尚缺 1 人，不能开始会议');
  await setup.form.getByTestId('quorum-min').fill('3');
  await expect(quorum).toHaveAttribute('data-met', 'true');
  await setup.role('host', '张建国');
  // Host and recorder the same person: refused on the field, nothing saved.
  await setup.role('recorder', '张建国');
  await setup.toggleCase(legal.id);
  await setup.toggleCase(natural.id);
  await setup.form.getByTestId('setup-save').click();
  await expect(setup.form).toContainText('记录人与主持人不能是同一人（记录须由两人分别签署）');
  await expect(setup.error()).toContainText('请按提示改正标出的内容');
  await setup.role('recorder', '刘晓梅');
  // A case whose review is not concluded: the back end refuses it and names it.
  await setup.toggleCase(open.id);
  await expect(setup.form.getByTestId('agenda-unreviewed')).toContainText(open.caseNumber);
  await setup.form.getByTestId('setup-save').click();
  await expect(setup.error()).toContainText(`${open.caseNumber}`);
  await expect(setup.error()).toContainText('法制审核尚未作出结论，不能列入集体讨论议程');
  expect(await callApi<unknown[]>(demoHost, 'meetings.list', {})).toEqual([]);
  await setup.toggleCase(open.id);
  await expect(setup.form.getByTestId('agenda-chosen').locator('li[data-case-id]')).toHaveCount(2);
  await page.setViewportSize({ width: 1366, height: 768 });
  expect(await seriousViolations(page, '[data-testid="meeting-setup"]')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/meeting-setup-1366.png` });
  await setup.form.getByTestId('setup-save').click();
  await expect(page).toHaveURL(/#\/meetings\/[0-9a-f-]{36}$/);
  const meetingId = /#\/meetings\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  const meetingPage = page.getByTestId('meeting-page');
  await expect(meetingPage).toHaveAttribute('data-state', 'draft');

  // Start: the presenter, with the start time.
  await page.getByTestId('setup-start').click();
  await expect(meetingPage).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('meeting-started')).toHaveText(/^\d{2}:\d{2}$/);
  const presenter = new Presenter(page);
  await expect(presenter.root).toBeVisible();

  // The audience page from the address the presenter prints, in a second page at 1080p.
  await page.getByTestId('audience-link-button').click();
  await expect(page.getByTestId('audience-url')).toContainText(`#/meeting/${meetingId}/audience`);
  await expect(page.getByTestId('audience-url')).not.toContainText(demoHost.token);
  // The address carries a read-only audience token of this meeting, never the session token.
  await expect(page.getByTestId('audience-open')).toHaveAttribute('href', /\?audience=aud_[A-Za-z0-9_-]{43}#\/meeting\//);
  const href = await page.getByTestId('audience-open').getAttribute('href');
  expect(href).not.toContain(demoHost.token);
  expect(href).not.toContain('token=');
  await page.screenshot({ path: `${SHOTS}/meeting-audience-link-1366.png` });
  await page.getByTestId('audience-link-button').click();
  const screen2 = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const audPage = await screen2.newPage();
  await audPage.goto(href!);
  const audience = new Audience(audPage);
  await audience.at(0, 'summary');
  await expect(audience.screen).toContainText(legal.caseNumber);
  await audPage.screenshot({ path: `${SHOTS}/meeting-audience-summary.png` });
  // With the audience token every other call is refused, and so is a case file.
  const audienceToken = new URL(href!).searchParams.get('audience')!;
  const refused = await audPage.evaluate(
    (t) =>
      new Promise<unknown>((resolve) => {
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/api?audience=${t}`);
        ws.onopen = () => ws.send(JSON.stringify({ id: 1, name: 'cases.list', input: {} }));
        ws.onmessage = (m) => {
          const data = JSON.parse(String(m.data)) as { id?: number; result?: unknown };
          if (data.id === 1) resolve(data.result);
          ws.close();
        };
      }),
    audienceToken,
  );
  expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: '投屏页只能读取本次会议的投屏内容，不能进行其他操作' } });
  const idCardFile = natural.evidence.find((e) => e.title.includes('身份证'))!.file;
  expect((await fetch(`${demoHost.origin}/blobs/${idCardFile.sha256}?audience=${audienceToken}`)).status).toBe(401);

  // The audience follows the presenter's keys and clicks.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  await audience.at(0, 'timeline');
  await expect(presenter.root.getByTestId('presenter-position')).toContainText('2 / 14');
  await page.keyboard.press('PageDown');
  await audience.at(0, 'facts');
  await page.keyboard.press('Space');
  await audience.at(0, 'evidence');
  await page.keyboard.press('ArrowLeft');
  await audience.at(0, 'facts');
  await audPage.screenshot({ path: `${SHOTS}/meeting-audience-facts.png` });
  await page.keyboard.press('PageUp');
  await audience.at(0, 'timeline');
  await audPage.screenshot({ path: `${SHOTS}/meeting-audience-timeline.png` });
  await presenter.root.getByTestId('nav-0-discretion').click();
  await audience.at(0, 'discretion');
  await presenter.root.getByTestId('nav-1-summary').click();
  await audience.at(1, 'summary');
  await expect(presenter.root.getByTestId('presenter-next')).toContainText('办案经过');
  await expect(audience.screen).toContainText(natural.caseNumber);
  await expect(audience.screen).not.toContainText(person.name);
  await expectNoIdentifiers(audPage, identifiers);
  await audPage.screenshot({ path: `${SHOTS}/meeting-audience-summary-natural.png` });
  await presenter.root.getByTestId('nav-1-discretion').click();
  await audience.at(1, 'discretion');
  await audPage.screenshot({ path: `${SHOTS}/meeting-audience-discretion.png` });
  await presenter.root.getByTestId('nav-1-review').click();
  await audience.at(1, 'review');
  await expect(audience.screen).toContainText('建议纠正');
  await audPage.screenshot({ path: `${SHOTS}/meeting-audience-review.png` });

  // 关键证据: the presenter opens the raw id-card copy on the laptop; the shared screen shows a
  // masked page of the 询问笔录 (which carries the id number and phone) and then the id card's title only.
  const idCard = natural.evidence.find((e) => e.title.includes('身份证'))!;
  const record = natural.documents.find((d) => d.kind === '询问笔录')!;
  // The reviewer's highlight on the record's personal particulars (area in PDF units, top-left origin).
  const mark = await callApi<{ id: string }>(demoHost, 'annotations.create', {
    caseId: natural.id,
    itemId: record.id,
    kind: 'highlight',
    anchor: { type: 'area', page: 1, rects: [{ x: 60, y: 250, width: 490, height: 96 }] },
    note: '被询问人的身份信息',
  });
  await presenter.root.getByRole('tab', { name: '关键证据' }).click();
  const picker = presenter.root.getByTestId('evidence-picker');
  await picker.locator(`[data-testid="evidence-row"][data-item-id="${idCard.id}"]`).getByTestId('evidence-raw').click();
  await expect(page.getByTestId('evidence-raw-view')).toBeVisible();
  await expectNoIdentifiers(audPage, identifiers);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('evidence-raw-view')).toBeHidden();
  await picker.locator(`[data-testid="evidence-row"][data-item-id="${record.id}"]`).getByTestId('evidence-show').click();
  await audience.at(1, 'evidence');
  const figure = audience.screen.locator('.au-figure img');
  await expect(figure).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(audience.screen).toContainText(record.title);
  await expectNoIdentifiers(audPage, identifiers);
  await audPage.screenshot({ path: `${SHOTS}/meeting-audience-evidence.png` });
  // The highlight, zoomed: still no identifiers on the shared screen.
  const before = await figure.getAttribute('src');
  await picker.locator(`li[data-annotation-id="${mark.id}"]`).getByTestId('evidence-show-mark').click();
  await expect(figure).not.toHaveAttribute('src', before!);
  await expect.poll(() => figure.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(audience.screen).toContainText('被询问人的身份信息');
  await expectNoIdentifiers(audPage, identifiers);
  await audPage.screenshot({ path: `${SHOTS}/meeting-audience-evidence-zoom.png` });
  await picker.locator(`[data-testid="evidence-row"][data-item-id="${idCard.id}"]`).getByTestId('evidence-show').click();
  await expect(audience.screen).toContainText('图像、音视频证据不在共享屏幕上显示');
  await expectNoIdentifiers(audPage, identifiers);

  // Recording for the case on screen (第 2 案): three heads' opinions, the discussion, the conclusion.
  await expect(presenter.recording).toHaveAttribute('data-case-id', natural.id);
  await presenter.recordOpinion('张建国', '同意');
  await presenter.recordOpinion('李卫东', '不同意', '当事人系初次违法且违法经营额较小，从轻理由已经充分，可维持拟处罚决定。');
  const zhao = presenter.opinion('赵红');
  await zhao.getByTestId('opinion-kind').getByText('补充意见', { exact: true }).click();
  await expect(zhao).toContainText('“补充意见”须写明具体意见后才会记录');
  await presenter.recordOpinion('赵红', '补充意见', '建议在处罚决定书中写明从轻处罚的具体情节。');
  await expect(presenter.recording.getByTestId('opinion-quorum')).toHaveAttribute('data-met', 'true');
  await presenter.root.getByRole('tab', { name: '讨论情况' }).click();
  await presenter.root.getByTestId('notes-text').fill('汇报人王审核汇报了案件事实、证据和审核意见。李卫东认为从轻理由已充分；赵红建议写明从轻情节。');
  await expect(presenter.root.getByTestId('notes-status')).toHaveText(/^已保存/);
  // Differing from the review: refused without the reason, recorded with it.
  await presenter.conclude('不采纳法制审核意见，维持拟处罚决定，在处罚决定书中写明从轻处罚的具体情节。', '');
  await expect(presenter.recording.getByTestId('conclusion-error')).toContainText('须写明理由');
  await presenter.conclude('不采纳法制审核意见，维持拟处罚决定，在处罚决定书中写明从轻处罚的具体情节。', '当事人系初次违法，违法经营额较小且积极配合调查，从轻处罚的情节已经查明。');
  await expect(presenter.recording.getByTestId('conclusion-saved')).toBeVisible();
  await presenter.root.getByTestId('nav-1-decision').click();
  await audience.at(1, 'decision');
  await expect(audience.screen).toContainText('不采纳法制审核意见，维持拟处罚决定');
  await audPage.screenshot({ path: `${SHOTS}/meeting-audience-decision.png` });
  expect(await seriousViolations(audPage, '[data-testid="audience-screen"]')).toEqual([]);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: `${SHOTS}/meeting-presenter-1920.png` });
  await page.setViewportSize({ width: 1366, height: 768 });
  expect(await seriousViolations(page, '[data-testid="meeting-page"]')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/meeting-presenter-1366.png` });

  // With the first case still open, 结束会议 is not offered (it would be refused): the case is named and what to do said.
  await page.getByTestId('meeting-end').click();
  await expect(page.getByTestId('meeting-end-blocked')).toContainText(`尚有 1 个案件未形成结论性意见：第 1 案（${legal.caseNumber}）`);
  await expect(page.locator('.ant-popconfirm').getByRole('button', { name: '结束会议' })).toHaveCount(0);
  await page.locator('.ant-popconfirm').getByRole('button', { name: '知道了' }).click();
  await expect(meetingPage).toHaveAttribute('data-state', 'running');
  await presenter.recording.getByTestId('record-case-0').click();
  await expect(presenter.recording).toHaveAttribute('data-case-id', legal.id);
  for (const name of ['张建国', '李卫东', '赵红']) await presenter.recordOpinion(name, '同意');
  await presenter.conclude(null);
  await expect(presenter.recording.getByTestId('conclusion-saved')).toBeVisible();
  await page.getByTestId('meeting-end').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '结束会议' }).click();
  await expect(meetingPage).toHaveAttribute('data-state', 'ended');
  await expect(page.getByTestId('meeting-ended')).toHaveText(/^\d{2}:\d{2}$/);
  // The audience token ends with the meeting: the shared screen closes and keeps nothing of the cases.
  await expect(audPage.getByTestId('audience-closed')).toContainText('会议已结束，投屏已关闭');
  await expect(audience.screen).toHaveCount(0);
  await audPage.screenshot({ path: `${SHOTS}/meeting-audience-closed.png` });

  // The minutes: previewed, then signed by the host (wrong, then right passphrase) and the recorder.
  const minutes = new MinutesPage(page);
  await expect(minutes.root).toBeVisible({ timeout: 60_000 });
  await expect(minutes.root.getByTestId('minutes-state')).toHaveText('预览 · 未签署');
  await expect(minutes.root.locator('[data-testid="pdf-page"][data-page-number="1"][data-rendered="true"]')).toBeVisible({ timeout: 30_000 });
  await expect(minutes.root.getByTestId('minutes-submitter-missing')).toContainText('须由审核人员 王审核 签名后提交中心系统');
  await expect(minutes.signer('host')).toContainText('待审核人员创建签名密钥后签署');
  await page.screenshot({ path: `${SHOTS}/meeting-minutes-no-submitter-key.png` });
  await minutes.createSubmitterKey(REVIEWER_PASS);
  await expect(minutes.root.getByTestId('minutes-submitter-missing')).toHaveCount(0);
  await expect(minutes.signer('recorder')).toContainText('待主持人签署后');
  await minutes.createKey('host', HOST_PASS, 'not the same passphrase');
  await expect(minutes.signer('host').getByTestId('signer-error')).toContainText('两次输入的口令不一致');
  await minutes.createKey('host', HOST_PASS);
  await expect(minutes.signer('host')).toContainText('张建国（');
  await minutes.sign('host', 'wrong passphrase!');
  await expect(minutes.signer('host').getByTestId('signer-error')).toContainText('口令');
  await minutes.sign('host', HOST_PASS);
  await expect(minutes.signer('host')).toHaveAttribute('data-signed', 'true', { timeout: 60_000 });
  await expect(minutes.root.getByTestId('minutes-state')).toHaveText('已签署：主持人');
  await page.screenshot({ path: `${SHOTS}/meeting-minutes-host-signed.png` });
  await minutes.createKey('recorder', RECORDER_PASS);
  await minutes.sign('recorder', RECORDER_PASS, REVIEWER_PASS);
  await expect(minutes.signer('recorder')).toHaveAttribute('data-signed', 'true', { timeout: 60_000 });
  await expect(meetingPage).toHaveAttribute('data-state', 'signed');
  await expect(minutes.root.getByTestId('minutes-done')).toBeVisible();
  const records = minutes.root.getByTestId('minutes-record');
  await expect(records).toHaveCount(2);
  for (const r of await records.all()) await expect(r).toHaveAttribute('data-submission', 'queued');

  // Verification in the app (both signatures), then pdfsig on the downloaded file.
  const rec = minutes.root.locator(`[data-testid="minutes-record"][data-case-id="${natural.id}"]`);
  await rec.getByTestId('minutes-verify').click();
  await expect(rec.getByTestId('verification-verdict')).toHaveText('有效');
  await expect(rec.getByTestId('verification-reason')).toHaveText('全部 2 个签名有效');
  await page.setViewportSize({ width: 1920, height: 1080 });
  expect(await seriousViolations(page, '.mt-minutes-side')).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/meeting-minutes-signed-1920.png` });
  const signed = await callApi<{ caseId: string; pdfSha256: string }[]>(demoHost, 'meetings.minutes', { id: meetingId });
  const pdf = signed.find((r) => r.caseId === natural.id)!;
  const bytes = await (await fetch(`${demoHost.origin}/blobs/${pdf.pdfSha256}?token=${demoHost.token}`)).arrayBuffer();
  const file = join(mkdtempSync(join(tmpdir(), 'minutes-')), 'minutes.pdf');
  writeFileSync(file, Buffer.from(bytes));
  const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
  expect(out).toContain('Signature #2');
  expect(out.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);

  // The signed meeting is listed as such.
  await page.getByRole('link', { name: '集体讨论' }).click();
  await expect(page.locator(`[data-meeting-id="${meetingId}"]`)).toContainText('记录已签署');
  await screen2.close();
});

test('a meeting dated another day: starting it asks to re-date it to today, and the record carries today', async ({ page, demoHost }) => {
  const { open } = await pickCases(demoHost);
  await concludeReview(demoHost, open.id, '同意', '经审核，同意承办机构的处理意见。');
  const m = await callApi<{ id: string; date: string }>(demoHost, 'meetings.create', { ...meetingSetup('2026年第13次行政处罚案件集体讨论会', '2026-11-27'), agenda: [open.id] });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${demoHost.url}#/meetings/${m.id}`);
  const meetingPage = page.getByTestId('meeting-page');
  await expect(meetingPage).toHaveAttribute('data-state', 'draft');

  // Cancelled: still a draft, dated as it was.
  await page.getByTestId('setup-start').click();
  const dialog = page.getByRole('dialog').filter({ hasText: '会议日期不是今天' });
  await expect(dialog).toContainText('会议日期是2026年11月27日，今天是2026年11月23日');
  await page.screenshot({ path: `${SHOTS}/meeting-start-other-day-1366.png` });
  await dialog.getByRole('button', { name: /^取\s*消$/ }).click(); // antd spaces two-character labels
  await expect(meetingPage).toHaveAttribute('data-state', 'draft');
  expect((await callApi<{ date: string }>(demoHost, 'meetings.get', { id: m.id })).date).toBe('2026-11-27');

  // Confirmed: started today, and the meeting now says so.
  await page.getByTestId('setup-start').click();
  await page.getByRole('dialog').filter({ hasText: '会议日期不是今天' }).getByRole('button', { name: '改为今天并开始' }).click();
  await expect(meetingPage).toHaveAttribute('data-state', 'running');
  await expect(page.getByText('会议日期已改为实际召开的日期：2026年11月23日')).toBeVisible();
  expect((await callApi<{ date: string }>(demoHost, 'meetings.get', { id: m.id })).date).toBe('2026-11-23');
});
