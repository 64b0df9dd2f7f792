// app.openAudienceWindow: the desktop shell opens a meeting's audience screen in a second window; the
// browser host has no windows to open and says what to do instead. Unknown meetings and malformed
// ids are refused before anything is opened.
import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '../../src/main/workstation';
import { caller, err, ok, reviewedWorkstation, setup } from '../helpers/meeting-fixture';

const open: Workstation[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

describe('app.openAudienceWindow', () => {
  it('is refused by the browser host with the way to open the page, and checks the meeting first', async () => {
    const f = await reviewedWorkstation({ reviewed: 1 });
    open.push(f.ws);
    const call = caller(f.ws);
    const m = await ok(call, 'meetings.create', setup(f.reviewed));
    const refused = await err(call, 'app.openAudienceWindow', { meetingId: m.id });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe('浏览器版不能由工作台打开窗口：请在“投屏页”中复制地址，在第二个浏览器窗口中打开');
    const unknown = await err(call, 'app.openAudienceWindow', { meetingId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.code).toBe('not_found');
    const bad = await err(call, 'app.openAudienceWindow', { meetingId: '../../etc/passwd' });
    expect(bad.code).toBe('invalid_input');
    expect(bad.details?.join('\n')).toContain('会议编号无效');
  });
});
