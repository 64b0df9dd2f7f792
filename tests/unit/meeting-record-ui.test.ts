// The recorder's panel as it renders (react-dom/server, the Api mocked): the heads-who-spoke count
// against the heads present, 清除 on a recorded opinion, and an over-long opinion counted and
// flagged instead of cut at the limit.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { Attendee, AttendeeOpinion, Meeting } from '../../src/shared/meeting/schema';
import { DEFAULT_QUORUM } from '../../src/shared/meeting/quorum';

// The real client picks a transport from `window` when loaded; these renders make no calls.
vi.mock('../../src/renderer/src/api', () => ({ api: { call: vi.fn(), on: vi.fn(() => () => undefined) } }));
const { OpinionRow } = await import('../../src/renderer/src/meeting/OpinionRow');
const { RecordingPanel } = await import('../../src/renderer/src/meeting/RecordingPanel');

const person = (id: string, name: string, role: Attendee['role'] = 'member'): Attendee => ({ id, name, post: '副局长', role });
const heads = [person('a1', '张局长'), person('a2', '李副局长'), person('a3', '赵副局长'), person('a4', '钱主任'), person('a5', '孙副局长')];
const agreed = (attendeeId: string, text = ''): AttendeeOpinion => ({ attendeeId, kind: '同意', text, recordedAt: '2026-11-23T01:30:00.000Z' });
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

function meeting(opinions: AttendeeOpinion[]): Meeting {
  const attendees = [...heads, person('a6', '王审核', 'observer')];
  return {
    id: 'm1',
    title: '集体讨论会',
    date: '2026-11-23',
    place: '第一会议室',
    host: attendees[0]!,
    reporter: attendees[5]!,
    recorder: attendees[5]!,
    attendees,
    quorum: DEFAULT_QUORUM,
    quorumStatus: { met: true, present: 5, required: 3, text: '' },
    state: 'running',
    position: { agendaIndex: 0, topic: 'summary', evidence: null },
    agenda: [
      {
        caseId: 'c1',
        caseNumber: '马市监处罚〔2026〕207号',
        name: '测试食品有限公司销售过期食品案',
        cause: '销售过期食品',
        round: 1,
        revisionHash: 'a'.repeat(64),
        review: { type: '同意', text: '同意。', concludedAt: '2026-11-20T01:00:00.000Z' },
        notes: '',
        opinions,
        conclusion: null,
      },
    ],
    startedAt: '2026-11-23T01:00:00.000Z',
    endedAt: null,
    revision: 3,
    createdAt: '',
    updatedAt: '',
    minutes: [],
  };
}

const row = (saved: AttendeeOpinion | undefined, readOnly = false) =>
  renderToStaticMarkup(createElement(OpinionRow, { meetingId: 'm1', caseId: 'c1', attendee: heads[0]!, saved, readOnly, roleNote: null, onChange: () => undefined }));

describe('recording panel', () => {
  it('counts the heads who spoke out of the heads present, with the minimum', () => {
    const html = renderToStaticMarkup(createElement(RecordingPanel, { meeting: meeting(['a1', 'a2', 'a3', 'a4', 'a6'].map((a) => agreed(a))), caseIndex: 0, onCase: () => undefined, readOnly: false, accept: () => undefined }));
    const count = /data-testid="opinion-quorum"[^>]*>([^<]*)</.exec(html)![1];
    expect(count).toBe('负责人已发表意见 4/5 人（至少 3 人）');
  });
});

describe('one attendee’s opinion', () => {
  it('offers 清除 on a recorded opinion, not when read-only or when nothing is recorded', () => {
    expect(row(agreed('a1'))).toContain('data-testid="opinion-clear"');
    expect(textOf(row(agreed('a1')))).toContain('清除');
    expect(row(agreed('a1'), true)).not.toContain('data-testid="opinion-clear"');
    expect(row(undefined)).not.toContain('data-testid="opinion-clear"');
  });

  it('counts the words and keeps a text over the limit whole, saying how much to cut', () => {
    const html = row(agreed('a1', '字'.repeat(5002)));
    expect(textOf(html)).toContain('5002 / 5000');
    const area = /<textarea[^>]*>([^<]*)<\/textarea>/.exec(html)![1]!;
    expect(area).toHaveLength(5002);
    expect(html).not.toMatch(/<textarea[^>]*maxlength/i);
    expect(/data-testid="opinion-length"[^>]*>([^<]*)</.exec(html)![1]).toBe('意见共 5002 字，超过 5000 字的上限，请删减 2 字；删减前不会记录');
    // Near the limit the count shows; a short opinion has none (six rows of 0 / 5000 were noise).
    expect(textOf(row(agreed('a1', '字'.repeat(4600))))).toContain('4600 / 5000');
    expect(textOf(row(agreed('a1', '同意。')))).not.toContain('/ 5000');
  });
});
