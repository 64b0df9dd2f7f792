// meetings.citingMinutes: the 集体讨论记录 of a case whose signing has started or ended, with the
// review conclusion each prints — what the review page's 撤回结论 confirmation warns about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../src/main/workstation';
import { caller, err, ok, reviewedWorkstation, setup, TODAY, type Call } from '../helpers/meeting-fixture';

const PASS = 'correct horse battery';
const HOST_PASS = 'host passphrase 2026';
let ws: Workstation;
let call: Call;
let reviewed: string[];
let meetingId: string;

beforeAll(async () => {
  const f = await reviewedWorkstation();
  ws = f.ws;
  reviewed = f.reviewed;
  call = caller(ws);
  await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS);
  const m = await ok(call, 'meetings.create', setup([reviewed[1]!]));
  meetingId = m.id;
  await ok(call, 'meetings.start', { id: m.id });
  for (const a of ['a1', 'a2', 'a3']) await ok(call, 'meetings.recordOpinion', { id: m.id, caseId: reviewed[1]!, attendeeId: a, opinion: { kind: '同意', text: '' } });
  await ok(call, 'meetings.conclude', { id: m.id, caseId: reviewed[1]!, conclusion: { text: '采纳审核意见，补充理由后作出决定。', followsReview: true } });
  await ok(call, 'meetings.end', { id: m.id });
}, 120_000);
afterAll(() => ws.close());

describe('meetings.citingMinutes', () => {
  it('lists nothing while the minutes are only previewed, nor for a case never discussed', async () => {
    await ok(call, 'meetings.previewMinutes', { id: meetingId });
    expect(await ok(call, 'meetings.citingMinutes', { caseId: reviewed[1]! })).toEqual([]);
    expect(await ok(call, 'meetings.citingMinutes', { caseId: reviewed[0]! })).toEqual([]);
  });

  it('lists the minutes once the host has signed, then as signed by both, with the review they print', async () => {
    const preview = await ok(call, 'meetings.previewMinutes', { id: meetingId });
    await ok(call, 'meetings.createSignerKey', { id: meetingId, role: 'host', passphrase: HOST_PASS });
    await ok(call, 'meetings.signMinutes', { id: meetingId, role: 'host', setHash: preview.setHash, passphrase: HOST_PASS });
    const review = { round: 1, type: '建议纠正', text: '建议承办机构补充从轻处罚的理由后再作决定。' };
    const [host] = await ok(call, 'meetings.citingMinutes', { caseId: reviewed[1]! });
    expect(host).toEqual({ minutesId: preview.documents[0]!.content.minutesId, meetingId, meetingTitle: '2026年第12次案件集体讨论会', date: TODAY, review, signed: 'host' });
    await ok(call, 'meetings.signMinutes', { id: meetingId, role: 'recorder', setHash: preview.setHash, passphrase: PASS });
    expect(await ok(call, 'meetings.citingMinutes', { caseId: reviewed[1]! })).toEqual([{ ...host, signed: 'both' }]);
    // Signed: the conclusion may now be withdrawn, and the minutes keep citing it as signed.
    await ok(call, 'review.reopen', { caseId: reviewed[1]! });
    expect(await ok(call, 'meetings.citingMinutes', { caseId: reviewed[1]! })).toEqual([{ ...host, signed: 'both' }]);
  }, 120_000);

  it('checks its input at the Api boundary', async () => {
    expect((await err(call, 'meetings.citingMinutes', { caseId: '' })).code).toBe('invalid_input');
    expect((await err(call, 'meetings.citingMinutes', { caseId: 'x', id: 'y' } as never)).code).toBe('invalid_input');
  });
});
