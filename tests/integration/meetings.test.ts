// 负责人集体讨论 on a real store, through the Api dispatcher: set-up validation and bad input,
// quorum, navigation, opinions, conclusions (reason required when differing from the review),
// the end of the meeting, and a meeting interrupted mid-way that resumes on reopening.
import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '../../src/main/workstation';
import type { ApiEvents } from '../../src/shared/api/events';
import { caller, err, ok, openWorkstation, reviewedWorkstation, setup } from '../helpers/meeting-fixture';
import { buildPackage, tempDir } from '../helpers/package-builder';

const open: Workstation[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

async function fixture(o: { reviewed?: number; open?: number } = {}) {
  const f = await reviewedWorkstation(o);
  open.push(f.ws);
  return { ...f, call: caller(f.ws) };
}

describe('meeting set-up', () => {
  it('creates a draft with attendee ids, roles and the live review of each agenda case', async () => {
    const { call, reviewed } = await fixture();
    const m = await ok(call, 'meetings.create', setup(reviewed));
    expect(m.state).toBe('draft');
    expect(m.attendees.map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(m.host).toMatchObject({ name: '张局长', post: '局长', role: 'member' });
    expect(m.recorder).toMatchObject({ name: '王审核', role: 'observer' });
    expect(m.agenda.map((a) => a.caseId)).toEqual(reviewed);
    expect(m.agenda.map((a) => a.review.type)).toEqual(['同意', '建议纠正']);
    expect(m.agenda[0]!.name).toBe('测试食品有限公司销售过期食品案');
    expect(m.quorumStatus).toMatchObject({ met: true, present: 4, required: 3 });
    expect(m.position).toBeNull();
    expect((await ok(call, 'meetings.list', {})).map((s) => [s.id, s.caseCount, s.state])).toEqual([[m.id, 2, 'draft']]);
  });

  it('refuses cases whose review is not concluded, unknown cases and duplicates, with the case named', async () => {
    const { call, reviewed, open: pending, ws } = await fixture({ reviewed: 1, open: 1 });
    const e1 = await err(call, 'meetings.create', setup([reviewed[0]!, pending[0]!]));
    expect(e1.code).toBe('conflict');
    expect(e1.message).toMatch(new RegExp(`${ws.views.get(pending[0]!)!.caseNumber.replace(/[〔〕]/g, '.')}.*尚未作出结论，不能列入集体讨论议程`));
    const e2 = await err(call, 'meetings.create', setup(['no-such-case-id']));
    expect(e2.message).toBe('找不到案件：no-such-case-id');
    const e3 = await err(call, 'meetings.create', setup([reviewed[0]!, reviewed[0]!]));
    expect(e3.code).toBe('invalid_input');
    expect(e3.details).toContain('agenda.1：同一案件在议程中重复');
    expect(await ok(call, 'meetings.list', {})).toEqual([]);
  });

  it('rejects malformed set-ups with zh-CN details', async () => {
    const { call, reviewed } = await fixture({ reviewed: 1 });
    const base = setup(reviewed);
    const cases: [unknown, string][] = [
      [{ ...base, host: '不在场' }, 'host：主持人“不在场”须列入出席人员（出席，而非列席）'],
      [{ ...base, host: '王审核' }, 'host：主持人“王审核”须列入出席人员（出席，而非列席）'],
      [{ ...base, recorder: '张局长' }, 'recorder：记录人与主持人不能是同一人（记录须由两人分别签署）'],
      [{ ...base, reporter: '路人甲' }, 'reporter：汇报人“路人甲”须列入出席或列席人员'],
      [{ ...base, attendees: [...base.attendees, { name: '张局长', post: '局长', role: 'member' }] }, 'attendees.5.name：出席人员重名：张局长（请加以区分，如“王伟（副局长）”）'],
      [{ ...base, attendees: [{ name: '张局长', post: '局', role: 'member' }] }, 'attendees.0.post：请填写职务'],
      [{ ...base, agenda: [] }, 'agenda：议程至少包含一个案件'],
      [{ ...base, date: '2026-13-01x' }, 'date：日期格式应为 YYYY-MM-DD'],
      [{ ...base, quorum: { ...base.quorum, minMembers: 9 } }, 'quorum.minMembers：最少出席人数（9）不能多于负责人人数（5）'],
      [{ ...base, quorum: { ...base.quorum, fraction: { numerator: 3, denominator: 2, moreThan: false } } }, 'quorum.fraction：比例不能大于 1（分子不得大于分母）'],
      [{ ...base, quorum: { ...base.quorum, source: '' } }, 'quorum.source：请写明人数规则的依据'],
      [{ ...base, unknownField: 1 }, '出现未知的键(key): "unknownField"'],
    ];
    for (const [input, detail] of cases) {
      const e = await err(call, 'meetings.create', input as never);
      expect(e.code, detail).toBe('invalid_input');
      expect(e.message).toBe('请求参数无效');
      expect(e.details?.join('\n'), detail).toContain(detail);
    }
    expect(await ok(call, 'meetings.list', {})).toEqual([]);
  });

  it('updates and deletes only drafts', async () => {
    const { call, reviewed } = await fixture();
    const m = await ok(call, 'meetings.create', setup([reviewed[0]!]));
    const u = await ok(call, 'meetings.update', { id: m.id, setup: setup([reviewed[1]!, reviewed[0]!], { place: '第二会议室' }) });
    expect(u.place).toBe('第二会议室');
    expect(u.agenda.map((a) => a.caseId)).toEqual([reviewed[1], reviewed[0]]);
    expect(u.revision).toBeGreaterThan(m.revision);
    await ok(call, 'meetings.start', { id: m.id });
    expect((await err(call, 'meetings.update', { id: m.id, setup: setup(reviewed) })).message).toBe('会议正在进行，不能再修改议程、人员和人数规则');
    expect((await err(call, 'meetings.delete', { id: m.id })).message).toBe('会议已开始，其记录须保留，不能删除');
    const d = await ok(call, 'meetings.create', setup([reviewed[0]!]));
    await ok(call, 'meetings.delete', { id: d.id });
    expect((await err(call, 'meetings.get', { id: d.id })).code).toBe('not_found');
  });
});

describe('quorum', () => {
  it('will not start with too few heads present, and says who counts', async () => {
    const { call, reviewed } = await fixture({ reviewed: 1 });
    const base = setup(reviewed);
    const few = { ...base, attendees: base.attendees.map((a) => (a.name === '赵副局长' || a.name === '钱主任' ? { ...a, role: 'observer' as const } : a)) };
    const m = await ok(call, 'meetings.create', few);
    expect(m.quorumStatus).toMatchObject({ met: false, present: 2, required: 3 });
    const e = await err(call, 'meetings.start', { id: m.id });
    expect(e.message).toBe('出席的负责人不足，不能开始集体讨论：出席负责人 2 人；规则要求至少 3 人（负责人 5 人的过半数，且不少于 3 人；依据：本局行政处罚案件负责人集体讨论工作规则第六条）');
    expect((await ok(call, 'meetings.get', { id: m.id })).state).toBe('draft');
  });

  it('two thirds "以上" of 7 heads needs 5', async () => {
    const { call, reviewed } = await fixture({ reviewed: 1 });
    const m = await ok(call, 'meetings.create', setup(reviewed, { quorum: { headCount: 7, fraction: { numerator: 2, denominator: 3, moreThan: false }, minMembers: 3, source: '工作规则第六条' } }));
    expect(m.quorumStatus).toMatchObject({ met: false, present: 4, required: 5 });
    expect(m.quorumStatus.text).toContain('负责人 7 人的三分之二以上');
  });
});

describe('running a meeting', () => {
  it('starts, navigates, records opinions and notes, concludes and ends — and tells listeners', async () => {
    const { ws, call, reviewed } = await fixture();
    const events: ApiEvents['meetings.changed'][] = [];
    ws.on((name, payload) => name === 'meetings.changed' && events.push(payload as ApiEvents['meetings.changed']));
    const m = await ok(call, 'meetings.create', setup(reviewed));
    const started = await ok(call, 'meetings.start', { id: m.id });
    expect(started.state).toBe('running');
    expect(started.startedAt).not.toBeNull();
    expect(started.position).toEqual({ agendaIndex: 0, topic: 'summary', evidence: null });

    const nav = await ok(call, 'meetings.navigate', { id: m.id, agendaIndex: 1, topic: 'discretion' });
    expect(nav.position).toEqual({ agendaIndex: 1, topic: 'discretion', evidence: null });
    expect(events.at(-1)).toEqual({ meetingId: m.id, revision: nav.revision, state: 'running', agendaIndex: 1, topic: 'discretion' });

    // Bad navigation.
    expect((await err(call, 'meetings.navigate', { id: m.id, agendaIndex: 2, topic: 'facts' })).message).toBe('议程共 2 项，没有第 3 项');
    expect((await err(call, 'meetings.navigate', { id: m.id, agendaIndex: 0, topic: 'slides' as never })).code).toBe('invalid_input');
    expect((await err(call, 'meetings.navigate', { id: m.id, agendaIndex: 0, topic: 'facts', evidence: { itemId: 'e1' } })).message).toBe('只有“关键证据”可以指定证据');
    expect((await err(call, 'meetings.navigate', { id: m.id, agendaIndex: 0, topic: 'evidence', evidence: { itemId: 'nope' } })).message).toBe('本案没有该证据或文书：nope');
    expect((await err(call, 'meetings.navigate', { id: m.id, agendaIndex: 0, topic: 'evidence', evidence: { itemId: 'e1', page: 9 } })).message).toBe('该文件共 1 页，没有第 9 页');
    const ev = await ok(call, 'meetings.navigate', { id: m.id, agendaIndex: 0, topic: 'evidence', evidence: { itemId: 'e1', page: 1 } });
    expect(ev.position?.evidence).toEqual({ itemId: 'e1', page: 1 });

    const [c1, c2] = reviewed as [string, string];
    // Opinions: 同意 may be bare; the others need text; unknown attendee; case not on the agenda.
    await ok(call, 'meetings.recordOpinion', { id: m.id, caseId: c1, attendeeId: 'a1', opinion: { kind: '同意', text: '' } });
    const e = await err(call, 'meetings.recordOpinion', { id: m.id, caseId: c1, attendeeId: 'a2', opinion: { kind: '不同意', text: '' } });
    expect(e.details).toEqual(['opinion.text：“不同意法制审核意见”须写明具体意见']);
    expect((await err(call, 'meetings.recordOpinion', { id: m.id, caseId: c1, attendeeId: 'a9', opinion: { kind: '同意', text: '' } })).message).toBe('出席人员中没有 a9');
    expect((await err(call, 'meetings.recordOpinion', { id: m.id, caseId: 'other', attendeeId: 'a1', opinion: { kind: '同意', text: '' } })).message).toBe('该案件不在本次会议议程中');
    await ok(call, 'meetings.recordOpinion', { id: m.id, caseId: c1, attendeeId: 'a2', opinion: { kind: '补充意见', text: '处罚决定书中应写明缴款期限和方式。' } });
    // Quorum when concluding: only 2 heads have spoken so far.
    const q = await err(call, 'meetings.conclude', { id: m.id, caseId: c1, conclusion: { text: '同意按拟处罚决定作出处罚。', followsReview: true } });
    expect(q.message).toMatch(/^发表意见的负责人不足法定人数，不能形成结论性意见：对本案发表意见的负责人 2 人；规则要求至少 3 人/);
    // The observer's opinion is recorded but does not count toward the quorum.
    await ok(call, 'meetings.recordOpinion', { id: m.id, caseId: c1, attendeeId: 'a5', opinion: { kind: '同意', text: '' } });
    expect((await err(call, 'meetings.conclude', { id: m.id, caseId: c1, conclusion: { text: '同意按拟处罚决定作出处罚。', followsReview: true } })).code).toBe('conflict');
    await ok(call, 'meetings.recordOpinion', { id: m.id, caseId: c1, attendeeId: 'a3', opinion: { kind: '不同意', text: '当事人系初犯，建议从轻。' } });
    // A later opinion of the same attendee replaces the earlier one.
    const re = await ok(call, 'meetings.recordOpinion', { id: m.id, caseId: c1, attendeeId: 'a3', opinion: { kind: '同意', text: '经讨论，同意。' } });
    expect(re.agenda[0]!.opinions.filter((o) => o.attendeeId === 'a3')).toMatchObject([{ kind: '同意', text: '经讨论，同意。' }]);
    await ok(call, 'meetings.recordNotes', { id: m.id, caseId: c1, notes: '汇报人汇报了案件事实和审核意见。\n与会人员就裁量幅度进行了讨论。' });
    const concluded = await ok(call, 'meetings.conclude', { id: m.id, caseId: c1, conclusion: { text: '同意按拟处罚决定作出行政处罚。', followsReview: true, differingReason: '（无）' } });
    expect(concluded.agenda[0]!.conclusion).toMatchObject({ text: '同意按拟处罚决定作出行政处罚。', followsReview: true, differingReason: null });

    // The second case: the heads do not follow the review (建议纠正) — the reason is required.
    for (const a of ['a1', 'a2', 'a3']) await ok(call, 'meetings.recordOpinion', { id: m.id, caseId: c2, attendeeId: a, opinion: { kind: '同意', text: '' } });
    const noReason = await err(call, 'meetings.conclude', { id: m.id, caseId: c2, conclusion: { text: '维持拟处罚决定。', followsReview: false } });
    expect(noReason.details).toEqual(['conclusion.differingReason：集体讨论决定与法制审核意见不一致，须写明理由']);
    expect((await err(call, 'meetings.end', { id: m.id })).message).toMatch(/^尚有 1 个案件未形成结论性意见：测市监处罚〔2026〕\d+号$/);
    await ok(call, 'meetings.conclude', { id: m.id, caseId: c2, conclusion: { text: '维持拟处罚决定。', followsReview: false, differingReason: '从轻理由已在陈述申辩复核意见中载明，无需退回补充。' } });

    const ended = await ok(call, 'meetings.end', { id: m.id });
    expect(ended.state).toBe('ended');
    expect(ended.endedAt! >= ended.startedAt!).toBe(true);
    expect((await err(call, 'meetings.navigate', { id: m.id, agendaIndex: 0, topic: 'summary' })).message).toBe('会议已结束，不能切换演示内容');
    expect((await err(call, 'meetings.start', { id: m.id })).message).toBe('会议已结束，不能再次开始');
    expect(events.map((x) => x.state)).toContain('ended');
    // Every event carries only ids and positions: no case data.
    for (const x of events) expect(Object.keys(x).sort()).toEqual(['agendaIndex', 'meetingId', 'revision', 'state', 'topic']);
  });

  it('keeps the review the meeting decides on: it cannot be withdrawn while the meeting runs', async () => {
    const { ws, call, reviewed } = await fixture({ reviewed: 1 });
    const m = await ok(call, 'meetings.create', setup(reviewed));
    await ok(call, 'meetings.start', { id: m.id });
    expect(() => ws.review.reopen(reviewed[0]!)).toThrow(/^该案件正在集体讨论（会议“2026年第12次案件集体讨论会”，2026年11月23日），审核结论不能撤回/);
    expect(ws.review.get(reviewed[0]!).conclusion?.type).toBe('同意');
    const after = await ok(call, 'meetings.get', { id: m.id });
    expect(after.agenda[0]!.review).toMatchObject({ type: '同意', text: '经审核，同意承办机构的处理意见。' });
  });

  it('a new revision arriving mid-meeting is imported; the meeting keeps the revision it decides on', async () => {
    const { ws, call, reviewed } = await fixture();
    // The second case's review was 建议纠正: the handling unit may resubmit it.
    const m = await ok(call, 'meetings.create', setup([reviewed[1]!]));
    const started = await ok(call, 'meetings.start', { id: m.id });
    const before = ws.views.get(reviewed[1]!)!;
    const p2 = await buildPackage(tempDir(), { id: before.id, caseNumber: before.caseNumber, revision: 2 });
    p2.manifest.case.facts = '当事人在其经营场所销售超过保质期的预包装食品，经补充调查，货值金额较小。';
    p2.write();
    const outcome = await ws.importer.importOne(p2.dir);
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, action: 'new_round' });
    const after = await ok(call, 'meetings.get', { id: m.id });
    expect(after.agenda[0]!.revisionHash).toBe(started.agenda[0]!.revisionHash);
    expect(after.agenda[0]!.revisionHash).not.toBe(ws.views.get(before.id)!.revisionHash);
    expect(after.agenda[0]!.review.type).toBe('建议纠正');
  });

  it('a case cannot be on two running meetings', async () => {
    const { call, reviewed } = await fixture({ reviewed: 1 });
    const a = await ok(call, 'meetings.create', setup(reviewed, { title: '第一次会议' }));
    const b = await ok(call, 'meetings.create', setup(reviewed, { title: '第二次会议' }));
    await ok(call, 'meetings.start', { id: a.id });
    expect((await err(call, 'meetings.start', { id: b.id })).message).toMatch(/正在“第一次会议”中讨论$/);
  });
});

describe('an interrupted meeting', () => {
  it('resumes where it stopped after the workstation is closed and reopened on the same folder', async () => {
    const f = await reviewedWorkstation();
    let ws = f.ws;
    let call = caller(ws);
    const m = await ok(call, 'meetings.create', setup(f.reviewed));
    await ok(call, 'meetings.start', { id: m.id });
    await ok(call, 'meetings.navigate', { id: m.id, agendaIndex: 1, topic: 'review' });
    await ok(call, 'meetings.recordOpinion', { id: m.id, caseId: f.reviewed[1]!, attendeeId: 'a2', opinion: { kind: '补充意见', text: '建议补充说明裁量理由。' } });
    await ok(call, 'meetings.recordNotes', { id: m.id, caseId: f.reviewed[1]!, notes: '讨论进行到第二个案件的审核意见。' });
    const before = await ok(call, 'meetings.get', { id: m.id });
    ws.close(); // power lost: nothing else is flushed

    ws = openWorkstation(f.dir);
    open.push(ws);
    call = caller(ws);
    const after = await ok(call, 'meetings.get', { id: m.id });
    expect(after).toEqual(before);
    expect(after.state).toBe('running');
    expect(after.position).toEqual({ agendaIndex: 1, topic: 'review', evidence: null });
    expect(after.agenda[1]!.opinions).toMatchObject([{ attendeeId: 'a2', kind: '补充意见', text: '建议补充说明裁量理由。' }]);
    // …and carries on.
    const next = await ok(call, 'meetings.navigate', { id: m.id, agendaIndex: 1, topic: 'decision' });
    expect(next.revision).toBe(after.revision + 1);
    const audience = await ok(call, 'meetings.audience', { id: m.id });
    expect(audience.current).toMatchObject({ agendaIndex: 1, topic: 'decision', topicLabel: '待决事项' });
  });
});
