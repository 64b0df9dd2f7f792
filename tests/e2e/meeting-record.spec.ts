// 负责人集体讨论, defects found in exploratory testing: the set-up's agenda table shows every case
// (no fixed-height box hiding rows 9–10), a repeated attendee is flagged compactly and the banner
// matches its orange mark; the 讨论情况 go to the case being recorded, not the case on the shared
// screen; and 撤回结论 warns when signed 集体讨论记录 cite the conclusion.
import { callApi, expect } from './fixtures';
import { concludeReviewOk, meetingSetup, meetingTest } from './support/meeting-fixture';
import { MeetingSetup, Presenter } from './pages/MeetingPages';
import { ReviewPanel } from './pages/ReviewPanel';
import { WorkstationPage } from './pages/WorkstationPage';

const test = meetingTest();

interface CaseRow {
  id: string;
  caseNumber: string;
}
interface MeetingLite {
  id: string;
  agenda: { caseId: string; notes: string }[];
}

const SETUP = meetingSetup('2026年第12次行政处罚案件集体讨论会');

test.describe.configure({ mode: 'serial' });

let cases: CaseRow[] = [];
let meetingId = '';

test('set-up: every case of the agenda table is shown, and a repeated attendee is flagged compactly', async ({ page, demoHost }) => {
  const all = await callApi<CaseRow[]>(demoHost, 'cases.list', {});
  expect(all.length).toBeGreaterThanOrEqual(9);
  const ws = new WorkstationPage(page);
  await ws.open(demoHost.url);
  await page.getByTestId('open-meetings').click();
  await page.getByTestId('meeting-new').click();
  const setup = new MeetingSetup(page);
  const rows = setup.form.getByTestId('agenda-picker').locator('.ant-table-row');
  await expect(rows).toHaveCount(all.length);
  // No row is cut off by a box of its own inside the table (the page scrolls instead).
  const clipped = await setup.form.getByTestId('agenda-picker').evaluate((picker) => {
    const out: number[] = [];
    picker.querySelectorAll('.ant-table-row').forEach((row, i) => {
      const r = row.getBoundingClientRect();
      for (let el = row.parentElement; el && el !== picker; el = el.parentElement) {
        if (getComputedStyle(el).overflowY === 'visible') continue;
        const box = el.getBoundingClientRect();
        if (r.bottom > box.bottom + 1 || r.top < box.top - 1) {
          out.push(i + 1);
          break;
        }
      }
    });
    return out;
  });
  expect(clipped).toEqual([]);
  await ws.screenshot('meeting-setup-agenda-all-rows');
  const last = rows.last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();

  // A repeated name: a short orange mark under the name, the advice on one line across the row.
  await setup.form.getByTestId('setup-title').fill(SETUP.title);
  await setup.form.getByTestId('setup-place').fill(SETUP.place);
  await expect(setup.row(1).getByTestId('attendee-name')).toHaveValue('王审核');
  await setup.attendee(0, '张建国', '局长', '出席');
  await setup.attendee(2, '李卫东', '副局长', '出席');
  await setup.attendee(3, '张 建国', '副局长', '出席');
  await setup.attendee(4, '赵红', '副局长', '出席');
  await setup.attendee(5, '刘晓梅', '法规科科员', '列席');
  await setup.role('host', '张建国');
  await setup.role('recorder', '刘晓梅');
  await setup.toggleCase(all[0]!.id);
  const dup = setup.row(3);
  await expect(dup.getByTestId('attendee-repeated')).toHaveText('与第 1 人重名');
  await expect(dup.getByTestId('attendee-repeated-note')).toContainText('同一人只列一次');
  const plain = (await setup.row(2).boundingBox())!.height;
  const tall = (await dup.boundingBox())!.height;
  const note = (await dup.getByTestId('attendee-repeated-note').boundingBox())!.height;
  expect(note).toBeLessThanOrEqual(20); // one line
  expect(tall).toBeLessThanOrEqual(plain + 48); // the mark and the note, nothing wrapped
  await setup.form.getByTestId('setup-save').click();
  await expect(setup.error()).toHaveText('请按提示改正标出的内容');
  await expect(dup.getByTestId('attendee-repeated')).toHaveText('与第 1 人重名');
  await dup.getByTestId('attendee-name').scrollIntoViewIfNeeded();
  await ws.screenshot('meeting-setup-duplicate-save');
});

test('讨论情况 are recorded for the case chosen in the record, not the case on the shared screen', async ({ page, demoHost }) => {
  const all = await callApi<CaseRow[]>(demoHost, 'cases.list', {});
  cases = all.slice(0, 2);
  for (const c of cases) await concludeReviewOk(demoHost, c.id);
  const m = await callApi<MeetingLite>(demoHost, 'meetings.create', { ...SETUP, agenda: cases.map((c) => c.id) });
  meetingId = m.id;
  await callApi(demoHost, 'meetings.start', { id: m.id });
  await callApi(demoHost, 'meetings.navigate', { id: m.id, agendaIndex: 1, topic: 'summary' });

  await page.goto(`${demoHost.url}#/meetings/${m.id}`);
  const presenter = new Presenter(page);
  await expect(presenter.recording).toHaveAttribute('data-case-id', cases[1]!.id);
  await expect(presenter.root.getByTestId('notes-case')).toContainText(`第 2 案讨论情况${cases[1]!.caseNumber}`);
  // The recorder completes 第 1 案 while the screen still shows 第 2 案.
  await presenter.recording.getByTestId('record-case-0').click();
  await expect(presenter.recording).toHaveAttribute('data-case-id', cases[0]!.id);
  for (const name of ['张建国', '李卫东', '赵红']) await presenter.recordOpinion(name, '同意');
  await expect(presenter.root.getByRole('tab', { name: '讨论情况 · 第 1 案' })).toBeVisible();
  const notes = presenter.root.getByTestId('notes');
  await expect(notes).toHaveAttribute('data-case-id', cases[0]!.id);
  await expect(notes.getByTestId('notes-case')).toContainText(`第 1 案讨论情况${cases[0]!.caseNumber}（投屏中为第 2 案）`);
  const text = '汇报人王审核汇报了第1案的事实、证据和审核意见，与会负责人均同意。';
  await notes.getByTestId('notes-text').fill(text);
  await expect(notes.getByTestId('notes-status')).toHaveText(/^已保存/);
  await new WorkstationPage(page).screenshot('meeting-presenter-notes-recorded-case');
  const saved = await callApi<MeetingLite>(demoHost, 'meetings.get', { id: m.id });
  expect(saved.agenda.map((a) => a.notes)).toEqual([text, '']);
});

test('撤回结论 names the signed 集体讨论记录 that cite the conclusion', async ({ page, demoHost }) => {
  test.setTimeout(180_000);
  const [c1, c2] = cases as [CaseRow, CaseRow];
  for (const name of ['a1', 'a2', 'a3']) await callApi(demoHost, 'meetings.recordOpinion', { id: meetingId, caseId: c2.id, attendeeId: name, opinion: { kind: '同意', text: '' } });
  for (const c of [c1, c2]) await callApi(demoHost, 'meetings.conclude', { id: meetingId, caseId: c.id, conclusion: { text: '同意按拟处罚决定作出行政处罚。', followsReview: true } });
  await callApi(demoHost, 'meetings.end', { id: meetingId });
  const preview = await callApi<{ setHash: string }>(demoHost, 'meetings.previewMinutes', { id: meetingId });
  // The reviewer signs the submission (the recorder is someone else): their key first.
  await callApi(demoHost, 'keys.create', { passphrase: 'reviewer passphrase 3' });
  for (const [role, passphrase] of [
    ['host', 'host passphrase 1'],
    ['recorder', 'recorder passphrase 2'],
  ] as const) {
    await callApi(demoHost, 'meetings.createSignerKey', { id: meetingId, role, passphrase });
    await callApi(demoHost, 'meetings.signMinutes', { id: meetingId, role, setHash: preview.setHash, passphrase, ...(role === 'recorder' ? { submitterPassphrase: 'reviewer passphrase 3' } : {}) });
  }

  const ws = new WorkstationPage(page);
  await ws.open(demoHost.url);
  const panel = new ReviewPanel(page);
  await ws.queue.openCaseId(c1.id);
  await panel.waitFor(c1.id);
  await panel.done().getByTestId('conclusion-reopen').click();
  const warning = page.getByTestId('reopen-minutes-warning');
  await expect(warning).toHaveText('2026年11月23日的集体讨论记录（已签署）引用了本审核结论（同意）。撤回结论后，该记录仍按签署时的内容保存，不随之改变；改变后的审核结论可能须另行提请集体讨论。');
  await expect(page.locator('.ant-popconfirm')).toContainText('已签署但尚未发出的意见书随之撤回');
  await ws.screenshot('review-reopen-cited-by-minutes');
  // Withdrawn all the same: the minutes stay as signed.
  await page.getByRole('button', { name: /撤\s*回/ }).last().click();
  await expect(panel.conclusion).toBeVisible();
  expect(await callApi<unknown[]>(demoHost, 'meetings.citingMinutes', { caseId: c1.id })).toHaveLength(1);
});
