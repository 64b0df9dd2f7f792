// The queue filter: the box’s text matches 案号, 当事人, 案由, 承办机构 or 状态; a 案号 typed with
// [] () （） 【】 for 〔〕 still finds its case.
import { describe, expect, it } from 'vitest';
import type { CaseQueueRow } from '../../src/shared/api/cases';
import { filterRows, type QueueFilter } from '../../src/renderer/src/queue/queueModel';

const row = (id: string, caseNumber: string, partyName: string): CaseQueueRow => ({
  id,
  caseNumber,
  partyName,
  cause: '销售不符合食品安全标准的食品',
  handlingUnit: '执法稽查局',
  submittedOn: '2026-11-10',
  reviewDueOn: '2026-11-24',
  remainingWorkingDays: 2,
  calendarWarning: null,
  round: 1,
  status: 'pending',
  offline: true,
  proposedFineFen: null,
});

const rows = [row('a', '马市监处罚〔2026〕244号', '马鞍山博源商贸有限公司'), row('b', '马市监处罚〔2025〕244号', '当涂县某超市'), row('c', '皖市监处罚〔2026〕17号', 'Acme 公司')];
const by = (text: string, f: Partial<QueueFilter> = {}) => filterRows(rows, { status: 'all', deadline: 'all', text, ...f }).map((r) => r.id);

describe('queue filter', () => {
  it('finds a 案号 typed with any bracket kind', () => {
    for (const text of ['[2026]244', '(2026)244', '（2026）244', '【2026】244', '〔2026〕244', '马市监处罚[2026]244号', ' [2026] 244 ']) {
      expect(by(text), text).toEqual(['a']);
    }
    expect(by('[2026]')).toEqual(['a', 'c']);
  });

  it('still matches the other fields as typed, ignoring case', () => {
    expect(by('博源')).toEqual(['a']);
    expect(by('acme')).toEqual(['c']);
    expect(by('不存在的词')).toEqual([]);
  });

  it('applies the status and deadline filters as well', () => {
    expect(by('(2026)244', { status: 'concluded' })).toEqual([]);
    expect(by('(2026)244', { deadline: 'overdue' })).toEqual([]);
  });
});
