// The review a meeting discusses is the one its minutes print: withdrawing it is refused from the
// start until the minutes are signed, and a review changed anyway is caught before concluding,
// ending and minuting. Also: a meeting is dated the day it is held, and a misrecorded attendee
// opinion can be cleared (and is logged).
import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '../../src/main/workstation';
import { caller, concludeReview, err, ok, reviewedWorkstation, setup, TODAY, type Call } from '../helpers/meeting-fixture';

const open: Workstation[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

async function fixture(reviewed = 1) {
  const f = await reviewedWorkstation({ reviewed });
  open.push(f.ws);
  return { ...f, call: caller(f.ws) };
}

/** Three heads agree and the case is concluded as the review says. */
async function decide(call: Call, id: string, caseId: string): Promise<void> {
  for (const a of ['a1', 'a2', 'a3']) await ok(call, 'meetings.recordOpinion', { id, caseId, attendeeId: a, opinion: { kind: '同意', text: '' } });
  await ok(call, 'meetings.conclude', { id, caseId, conclusion: { text: '同意按拟处罚决定作出行政处罚。', followsReview: true } });
}

/** Changes a concluded review behind the service's back (as a store written before the check could have). */
function changeReviewInStore(ws: Workstation, caseId: string, conclusion: string, text: string): void {
  ws.store.sqlite.prepare('update review set conclusion = ?, opinion_text = ? where case_id = ?').run(conclusion, text, caseId);
}

describe('the review under discussion cannot be withdrawn', () => {
  it('refuses 撤回结论 while the meeting runs, naming the meeting, and logs the refusal', async () => {
    const { ws, call, reviewed } = await fixture(2);
    const caseId = reviewed[1]!; // reviewed 建议纠正
    const m = await ok(call, 'meetings.create', setup(reviewed));
    await ok(call, 'meetings.start', { id: m.id });
    const e = await err(call, 'review.reopen', { caseId });
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/^该案件正在集体讨论（会议“2026年第12次案件集体讨论会”，2026年11月23日），审核结论不能撤回。如需改变意见，请在会议中提出/);
    expect(ws.review.get(caseId).conclusion).toMatchObject({ type: '建议纠正' });
    expect(ws.audit.log.forSubject(caseId)[0]).toMatchObject({ action: 'review.reopen', detail: expect.objectContaining({ outcome: 'refused' }) });
    // The meeting and its minutes keep saying what the review says.
    await decide(call, m.id, reviewed[0]!);
    await decide(call, m.id, caseId);
    const ended = await ok(call, 'meetings.end', { id: m.id });
    expect(ended.agenda[1]!.review.type).toBe('建议纠正');
  });

  it('still refuses after the meeting ends until the minutes are signed; then the round may be withdrawn', async () => {
    const { ws, call, reviewed } = await fixture();
    const m = await ok(call, 'meetings.create', setup(reviewed));
    await ok(call, 'meetings.start', { id: m.id });
    await decide(call, m.id, reviewed[0]!);
    await ok(call, 'meetings.end', { id: m.id });
    expect((await err(call, 'review.reopen', { caseId: reviewed[0]! })).message).toMatch(/^该案件已经集体讨论（会议“2026年第12次案件集体讨论会”，2026年11月23日），集体讨论记录尚未签署，审核结论不能撤回。请先由主持人和记录人签署集体讨论记录/);
    // Signed by both (the state the recorder's signature leaves): the record is closed.
    ws.store.sqlite.prepare("update meeting set state = 'signed' where id = ?").run(m.id);
    expect((await ok(call, 'review.reopen', { caseId: reviewed[0]! })).conclusion).toBeNull();
  });

  it('a draft meeting holds nothing: the start takes the review as it then stands', async () => {
    const { ws, call, reviewed } = await fixture(2);
    const caseId = reviewed[1]!;
    const m = await ok(call, 'meetings.create', setup([caseId]));
    ws.review.reopen(caseId);
    concludeReview(ws, caseId, '同意', '补充说明后，同意承办机构的处理意见。');
    expect((await ok(call, 'meetings.get', { id: m.id })).agenda[0]!.review).toMatchObject({ type: '同意' });
    const started = await ok(call, 'meetings.start', { id: m.id });
    expect(started.agenda[0]!.review).toMatchObject({ type: '同意', text: '补充说明后，同意承办机构的处理意见。' });
  });

  it('a review changed anyway is caught at conclude, end and the minutes, and can be put back', async () => {
    const { ws, call, reviewed } = await fixture(2);
    const [c1, c2] = reviewed as [string, string];
    const m = await ok(call, 'meetings.create', setup(reviewed));
    await ok(call, 'meetings.start', { id: m.id });
    await decide(call, m.id, c1);
    for (const a of ['a1', 'a2', 'a3']) await ok(call, 'meetings.recordOpinion', { id: m.id, caseId: c2, attendeeId: a, opinion: { kind: '同意', text: '' } });
    changeReviewInStore(ws, c2, '同意', '经审核，同意。');
    const number = ws.views.get(c2)!.caseNumber;
    const conclusion = { text: '采纳审核意见，纠正后作出决定。', followsReview: true };
    const e = await err(call, 'meetings.conclude', { id: m.id, caseId: c2, conclusion });
    expect(e.code).toBe('conflict');
    expect(e.message).toBe(
      `${number} 第 1 轮法制审核结论：会议开始后已由“建议纠正”改为“同意”，与会议讨论的审核意见不一致，集体讨论记录不能据此形成。请在审核页将结论恢复为会议讨论时的意见（撤回后按原意见重新作出结论）；如审核意见确需改变，请就新的审核意见另行提请集体讨论`,
    );
    // Put back: the changed conclusion may be withdrawn (it is not the one discussed) and re-made as it was.
    ws.review.reopen(c2);
    expect((await err(call, 'meetings.conclude', { id: m.id, caseId: c2, conclusion })).message).toMatch(/会议开始后已撤回/);
    ws.review.conclude(c2, '建议纠正', '建议承办机构补充从轻处罚的理由后再作决定。');
    await ok(call, 'meetings.conclude', { id: m.id, caseId: c2, conclusion });

    changeReviewInStore(ws, c1, '同意', '经审核，同意承办机构的处理意见（改）。');
    expect((await err(call, 'meetings.end', { id: m.id })).message).toMatch(/会议开始后意见内容已修改（仍为“同意”）/);
    changeReviewInStore(ws, c1, '同意', '经审核，同意承办机构的处理意见。');
    await ok(call, 'meetings.end', { id: m.id });

    changeReviewInStore(ws, c2, '同意', '经审核，同意。');
    expect((await err(call, 'meetings.previewMinutes', { id: m.id })).message).toMatch(/^.+会议开始后已由“建议纠正”改为“同意”，与会议讨论的审核意见不一致/);
    expect((await err(call, 'meetings.signMinutes', { id: m.id, role: 'host', setHash: 'f'.repeat(64) })).message).toMatch(/与会议讨论的审核意见不一致/);
  });
});

describe('the meeting date is the day it is held', () => {
  it('refuses to start a meeting dated another day unless the secretary confirms today; the minutes carry that day', async () => {
    const { call, reviewed } = await fixture();
    const m = await ok(call, 'meetings.create', setup(reviewed, { date: '2026-11-27' }));
    const e = await err(call, 'meetings.start', { id: m.id });
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('会议日期是2026年11月27日，今天是2026年11月23日。集体讨论记录按实际召开的日期记载：如今天召开，请确认将会议日期改为今天后再开始；否则请在2026年11月27日开始会议');
    expect((await ok(call, 'meetings.get', { id: m.id })).state).toBe('draft');
    // Confirming the meeting's own (other) date is no confirmation of today.
    expect((await err(call, 'meetings.start', { id: m.id, onDate: '2026-11-27' })).code).toBe('conflict');
    const started = await ok(call, 'meetings.start', { id: m.id, onDate: TODAY });
    expect(started).toMatchObject({ state: 'running', date: TODAY });
    expect((await ok(call, 'meetings.list', {}))[0]!.date).toBe(TODAY);
    await decide(call, m.id, reviewed[0]!);
    await ok(call, 'meetings.end', { id: m.id });
    const preview = await ok(call, 'meetings.previewMinutes', { id: m.id });
    expect(preview.documents[0]!.content.meeting.date).toBe(TODAY);
  });

  it('a meeting dated today starts without confirmation', async () => {
    const { call, reviewed } = await fixture();
    const m = await ok(call, 'meetings.create', setup(reviewed));
    expect(await ok(call, 'meetings.start', { id: m.id })).toMatchObject({ state: 'running', date: TODAY });
  });
});

describe('clearing a misrecorded opinion', () => {
  it('removes it (no longer counted toward the quorum), announces and logs it', async () => {
    const { ws, call, reviewed } = await fixture();
    const caseId = reviewed[0]!;
    const m = await ok(call, 'meetings.create', setup(reviewed));
    await ok(call, 'meetings.start', { id: m.id });
    for (const a of ['a1', 'a2']) await ok(call, 'meetings.recordOpinion', { id: m.id, caseId, attendeeId: a, opinion: { kind: '同意', text: '' } });
    const before = await ok(call, 'meetings.recordOpinion', { id: m.id, caseId, attendeeId: 'a3', opinion: { kind: '同意', text: '' } });
    const events: unknown[] = [];
    ws.on((name, payload) => name === 'meetings.changed' && events.push(payload));
    const cleared = await ok(call, 'meetings.clearOpinion', { id: m.id, caseId, attendeeId: 'a3' });
    expect(cleared.agenda[0]!.opinions.map((o) => o.attendeeId)).toEqual(['a1', 'a2']);
    expect(cleared.revision).toBe(before.revision + 1);
    expect(events).toHaveLength(1);
    expect(ws.audit.log.forSubject(caseId)[0]).toMatchObject({ action: 'meeting.clearOpinion', detail: expect.objectContaining({ meetingId: m.id, attendeeId: 'a3' }) });
    // Two heads left: not enough to conclude.
    expect((await err(call, 'meetings.conclude', { id: m.id, caseId, conclusion: { text: '同意按拟处罚决定作出处罚。', followsReview: true } })).message).toMatch(/^发表意见的负责人不足法定人数/);
    expect((await err(call, 'meetings.clearOpinion', { id: m.id, caseId, attendeeId: 'a3' })).message).toBe('赵副局长 对本案尚未发表意见，无需清除');
    expect((await err(call, 'meetings.clearOpinion', { id: m.id, caseId, attendeeId: 'a9' })).message).toBe('出席人员中没有 a9');
  });

  it('keeps a concluded case’s quorum, and nothing can be cleared once the record is signed', async () => {
    const { ws, call, reviewed } = await fixture();
    const caseId = reviewed[0]!;
    const m = await ok(call, 'meetings.create', setup(reviewed));
    await ok(call, 'meetings.start', { id: m.id });
    await ok(call, 'meetings.recordOpinion', { id: m.id, caseId, attendeeId: 'a5', opinion: { kind: '同意', text: '' } });
    await decide(call, m.id, caseId);
    expect((await err(call, 'meetings.clearOpinion', { id: m.id, caseId, attendeeId: 'a2' })).message).toBe(
      '本案已形成结论性意见，清除李副局长的意见后发表意见的负责人只剩 2 人，不足规则要求的 3 人。请先记录其他负责人的意见，或改记李副局长的实际意见',
    );
    // The observer (列席) does not count: clearing it leaves the quorum as it was.
    await ok(call, 'meetings.clearOpinion', { id: m.id, caseId, attendeeId: 'a5' });
    await ok(call, 'meetings.end', { id: m.id });
    ws.store.sqlite.prepare("update meeting set state = 'signed' where id = ?").run(m.id);
    expect((await err(call, 'meetings.clearOpinion', { id: m.id, caseId, attendeeId: 'a1' })).message).toBe('集体讨论记录已签署，会议记录不能再修改');
  });
});
