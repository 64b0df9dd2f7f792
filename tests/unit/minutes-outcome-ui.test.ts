// The minutes' signing side as it renders (react-dom/server, the Api mocked) once the central system
// has answered: refused minutes say so plainly, with the reason and 重新签署, and no green
// “已放入发送队列” beside it; the refused submission stays listed after 重新签署; the sync panel's
// advice for refused minutes points to that button. Without the reviewer's key, a notice says who
// must create one before anything is signed.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { OutboxEntryView } from '../../src/shared/api/sync';
import type { Meeting, MinutesRecord } from '../../src/shared/meeting/schema';

vi.mock('../../src/renderer/src/api', () => ({ api: { call: vi.fn(), on: vi.fn(() => () => undefined) } }));
const { MinutesOutcome, SubmitterNotice } = await import('../../src/renderer/src/meeting/MinutesOutcome');
const { MinutesRecords } = await import('../../src/renderer/src/meeting/MinutesRecords');
const { AttentionList } = await import('../../src/renderer/src/sync/SubmissionLists');

const textOf = (html: string) => html.replace(/<[^>]+>/g, '');
const REASON = '主持人签名无效：签名与内容不符';

function record(over: Partial<MinutesRecord>): MinutesRecord {
  return {
    minutesId: 'min-1',
    meetingId: 'm1',
    caseId: 'c1',
    caseNumber: '马市监处罚〔2026〕12号',
    contentHash: 'a'.repeat(64),
    pdfSha256: 'b'.repeat(64),
    docxSha256: 'c'.repeat(64),
    submissionSha256: 'd'.repeat(64),
    signatures: [
      { role: 'host', name: '张建国', keyId: 'k1', signedAt: '2026-11-23T03:00:00.000Z' },
      { role: 'recorder', name: '刘晓梅', keyId: 'k2', signedAt: '2026-11-23T03:05:00.000Z' },
    ],
    submission: 'queued',
    submissions: [],
    ...over,
  };
}
const meeting = (state: Meeting['state'], minutes: MinutesRecord[]) => ({ id: 'm1', state, minutes }) as unknown as Meeting;
const rejected = { submissionId: 'min-1', state: 'rejected' as const, reason: REASON, at: '2026-11-23T04:00:00.000Z' };

describe('minutes after the central system’s answer', () => {
  it('refused: says so with the reason and offers 重新签署, without the green queued notice', () => {
    const html = renderToStaticMarkup(createElement(MinutesOutcome, { meeting: meeting('signed', [record({ submission: 'rejected', submissions: [rejected] })]), reload: () => undefined }));
    const text = textOf(html);
    expect(text).toContain('中心系统退回了 1 份集体讨论记录');
    expect(text).toContain(`马市监处罚〔2026〕12号：${REASON}`);
    expect(html).toContain('data-testid="minutes-resign"');
    expect(text).not.toContain('已放入发送队列');
  });

  it('queued, then accepted: the success notices', () => {
    expect(textOf(renderToStaticMarkup(createElement(MinutesOutcome, { meeting: meeting('signed', [record({})]), reload: () => undefined })))).toContain('已放入发送队列');
    const accepted = renderToStaticMarkup(createElement(MinutesOutcome, { meeting: meeting('signed', [record({ submission: 'accepted' })]), reload: () => undefined }));
    expect(textOf(accepted)).toContain('已由中心系统接收');
    expect(renderToStaticMarkup(createElement(MinutesOutcome, { meeting: meeting('ended', [record({ signatures: [], submission: 'not_queued', submissions: [rejected] })]), reload: () => undefined }))).toBe('');
  });

  it('the refused submission stays listed with its reason while signing again', () => {
    const html = renderToStaticMarkup(createElement(MinutesRecords, { records: [record({ signatures: [], submission: 'not_queued', submissionSha256: null, submissions: [rejected] })] }));
    expect(textOf(html)).toContain('重新签署中，尚未签署');
    expect(textOf(html)).toMatch(new RegExp(`中心已退回 · .*：${REASON}`));
  });

  it('without the reviewer’s key: who must create one, with the way to it', () => {
    const html = renderToStaticMarkup(createElement(SubmitterNotice, { submitter: { name: '王审核', key: null } }));
    expect(textOf(html)).toContain('集体讨论记录须由审核人员 王审核 签名后提交中心系统，本机尚无其有效的签名密钥');
    expect(html).toContain('data-testid="minutes-submitter-keys"');
  });

  it('the sync panel’s advice for refused minutes matches the meeting page', () => {
    const entry: OutboxEntryView = {
      id: 'min-1', kind: 'minutes', state: 'rejected', caseId: 'c1', caseNumber: '马市监处罚〔2026〕12号', caseTitle: null, round: 1, version: null, revision: 1,
      currentRevision: 1, currentRound: 1, attempts: 1, reason: REASON, exportedAt: null, createdAt: '2026-11-23T03:05:00.000Z', updatedAt: '2026-11-23T04:00:00.000Z', later: null,
    } as OutboxEntryView;
    const text = textOf(renderToStaticMarkup(createElement(AttentionList, { entries: [entry], total: 1, onOpenCase: () => undefined })));
    expect(text).toContain('请在该会议的“集体讨论记录”中点“重新签署”');
    expect(text).not.toContain('请核对后重新签署');
  });
});
