// 集体讨论 and the lock, found by a clerk running a meeting: the presenter of a running meeting holds
// the inactivity lock off (a discussion runs long without typing) and, past its limit, warns with
// the seconds left and 继续使用; the meeting screens have 锁定; the projector goes dark at once on
// a lock and comes back with the same link after unlocking; 结束会议 is not offered while a case is
// undecided; once the meeting has ended there is no 投屏页 button, and the old link says it has expired.
import type { Page } from '@playwright/test';
import { callApi, expect, type RunningHost } from './fixtures';
import { concludeReviewOk, meetingSetup, meetingTest } from './support/meeting-fixture';
import { Audience } from './pages/MeetingPages';

const test = meetingTest();

interface MeetingLite {
  id: string;
  attendees: { id: string; role: string }[];
  agenda: { caseId: string }[];
}

const SETUP = meetingSetup('2026年第13次行政处罚案件集体讨论会');

test.describe.configure({ mode: 'serial' });

let meeting: MeetingLite;

async function openPresenter(page: Page, host: RunningHost): Promise<void> {
  await page.goto(`${host.url}${'#/meetings/'}${meeting.id}`);
  await expect(page.getByTestId('presenter')).toBeVisible();
}

/** The audience page from the presenter's 投屏页 link, in a page of its own. */
async function openAudience(page: Page, host: RunningHost): Promise<{ audPage: Page; href: string }> {
  await page.getByTestId('audience-link-button').click();
  await expect(page.getByTestId('audience-open')).toHaveAttribute('href', /\?audience=aud_/);
  const href = (await page.getByTestId('audience-open').getAttribute('href'))!;
  await page.getByTestId('audience-link-button').click();
  const audPage = await page.context().newPage();
  await audPage.setViewportSize({ width: 1366, height: 768 });
  // The page's own clock is stopped: its 8-second re-read never runs, only what is pushed to it.
  await audPage.clock.install();
  await audPage.goto(href.startsWith('http') ? href : `${host.origin}/${href}`);
  await new Audience(audPage).at(0, 'summary');
  return { audPage, href };
}

test('a running meeting’s presenter holds the inactivity lock off, then warns with the seconds left', async ({ page, demoHost }) => {
  const rows = await callApi<{ id: string }[]>(demoHost, 'cases.list', {});
  const ids = rows.slice(0, 2).map((r) => r.id);
  for (const id of ids) await concludeReviewOk(demoHost, id);
  meeting = await callApi<MeetingLite>(demoHost, 'meetings.create', { ...SETUP, agenda: ids });
  await callApi(demoHost, 'meetings.start', { id: meeting.id });
  await callApi(demoHost, 'app.setLockAfter', { minutes: 3 });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.clock.install();
  const pings: number[] = [];
  page.on('websocket', (ws) => ws.on('framesent', (f) => String(f.payload).includes('"app.activity"') && pings.push(Date.now())));
  await openPresenter(page, demoHost);
  // Over two minutes of discussion without a key press: no warning, the back end keeps hearing the page.
  const before = pings.length;
  await page.clock.fastForward('02:10');
  await page.clock.fastForward('00:40');
  await expect(page.getByTestId('lock-soon')).toHaveCount(0);
  await expect.poll(() => pings.length).toBeGreaterThan(before);
  // An hour without input: the hold ends, the warning counts down and 继续使用 answers it.
  await page.clock.fastForward('01:00:00');
  await page.clock.fastForward('00:10');
  await expect(page.getByTestId('lock-soon')).toBeVisible();
  await expect(page.getByTestId('lock-soon')).toContainText('秒后将自动锁定');
  // Time stands still from here: on a busy machine the minute of the countdown must not run out
  // (and lock the page) between the warning showing and the click.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 500);
  await page.screenshot({ path: 'test-results/screenshots/meeting-lock-soon-1366.png' });
  await page.getByTestId('lock-soon-stay').click();
  await expect(page.getByTestId('lock-soon')).toHaveCount(0);
  await callApi(demoHost, 'app.setLockAfter', { minutes: 15 });
});

test('结束会议 with a case undecided says what to do instead of offering what would be refused', async ({ page, demoHost }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openPresenter(page, demoHost);
  await page.getByTestId('meeting-end').click();
  await expect(page.getByTestId('meeting-end-blocked')).toContainText('尚有 2 个案件未形成结论性意见：第 1 案（');
  await expect(page.getByTestId('meeting-end-blocked')).toContainText('全部形成结论后再结束会议');
  await expect(page.locator('.ant-popconfirm').getByRole('button', { name: '结束会议' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/meeting-end-blocked-1366.png' });
  await page.locator('.ant-popconfirm').getByRole('button', { name: '知道了' }).click();
  await expect(page.getByTestId('meeting-page')).toHaveAttribute('data-state', 'running');
});

test('锁定 on the meeting page; the projector goes dark at once and comes back with the same link after unlocking', async ({ page, demoHost }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openPresenter(page, demoHost);
  const { audPage } = await openAudience(page, demoHost);
  await page.screenshot({ path: 'test-results/screenshots/meeting-lock-button-1366.png' });
  await page.getByTestId('lock-now').click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  // Pushed, not polled (the audience page's clock is stopped).
  await expect(audPage.getByTestId('audience-closed')).toContainText('投屏已暂停', { timeout: 3000 });
  await expect(audPage.getByTestId('audience-screen')).toHaveCount(0);
  await audPage.screenshot({ path: 'test-results/screenshots/meeting-audience-paused.png' });
  await page.getByTestId('lock-unlock').click();
  await expect(page.getByTestId('presenter')).toBeVisible();
  await new Audience(audPage).at(0, 'summary');
  await audPage.close();
});

test('after the end: no 投屏页 button, and the old link says it has expired', async ({ page, demoHost }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openPresenter(page, demoHost);
  const { audPage, href } = await openAudience(page, demoHost);
  for (const [i, item] of meeting.agenda.entries()) {
    await callApi(demoHost, 'meetings.navigate', { id: meeting.id, agendaIndex: i, topic: 'decision' });
    for (const a of meeting.attendees.filter((x) => x.role === 'member')) await callApi(demoHost, 'meetings.recordOpinion', { id: meeting.id, caseId: item.caseId, attendeeId: a.id, opinion: { kind: '同意', text: '' } });
    await callApi(demoHost, 'meetings.conclude', { id: meeting.id, caseId: item.caseId, conclusion: { text: '同意法制审核意见。', followsReview: true } });
  }
  await callApi(demoHost, 'meetings.end', { id: meeting.id });
  await expect(page.getByTestId('meeting-page')).toHaveAttribute('data-state', 'ended');
  await expect(page.getByTestId('audience-link-button')).toHaveCount(0);
  // The old link opened again (a reload of the projector's page): the host turns it away before the socket opens.
  await audPage.goto('about:blank');
  await audPage.goto(href.startsWith('http') ? href : `${demoHost.origin}/${href}`);
  await expect(audPage.getByTestId('audience-closed')).toContainText('投屏链接已失效');
  await expect(audPage.getByTestId('audience-closed')).toContainText('会议已结束');
  await expect(audPage.getByText('无法连接工作台')).toHaveCount(0);
  await audPage.screenshot({ path: 'test-results/screenshots/meeting-audience-link-expired.png' });
});
