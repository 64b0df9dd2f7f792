// 四、出席人员意见 of the 集体讨论记录: the heads who decide (出席) each with their opinion or
// 未发表意见, in the attendee order; what a 列席 attendee said apart, marked as 列席, never among the votes.
import { describe, expect, it } from 'vitest';
import { minutesDocument } from '../../src/main/services/meetings/minutes-document';
import { blockText } from '../../src/main/services/opinion/blocks';
import type { MinutesContent } from '../../src/shared/meeting/minutes-content';
import { minutesFor } from '../helpers/minutes-fixture';

const CASE = { caseId: 'c1', caseNumber: '马市监处罚〔2026〕211号', revision: 1, revisionHash: 'a'.repeat(64) };

/** The lines of section 四, between its heading and 五. */
function opinionSection(c: MinutesContent): string[] {
  const lines = minutesDocument(c).blocks.map(blockText);
  const from = lines.indexOf('四、出席人员意见');
  const to = lines.indexOf('五、结论性意见');
  expect(from).toBeGreaterThan(0);
  return lines.slice(from + 1, to);
}

describe('四、出席人员意见', () => {
  it('lists every head, one without an opinion as 未发表意见, and the 列席 remark apart', () => {
    const c = minutesFor(CASE);
    // The 列席 reviewer speaks before the last head in the record, as the recorder entered it.
    c.opinions = [
      { name: '张局长', post: '局长', kind: '同意', text: '' },
      { name: '王审核', post: '法制审核员', kind: '补充意见', text: '建议在决定书中写明从轻情节' },
      { name: '赵副局长', post: '副局长', kind: '不同意', text: '从轻理由不充分。' },
    ];
    expect(opinionSection(c)).toEqual([
      '张局长（局长）：同意法制审核意见。',
      '李副局长（副局长）：未发表意见。',
      '赵副局长（副局长）：不同意法制审核意见。从轻理由不充分。',
      '列席人员意见：',
      '王审核（法制审核员）：补充意见。建议在决定书中写明从轻情节。',
    ]);
  });

  it('has no 列席 line when no 列席 attendee spoke', () => {
    const c = minutesFor(CASE);
    expect(opinionSection(c)).toEqual(['张局长（局长）：同意法制审核意见。', '李副局长（副局长）：未发表意见。', '赵副局长（副局长）：未发表意见。']);
  });

  it('still prints an opinion of someone not on the attendee list', () => {
    const c = minutesFor(CASE);
    c.opinions.push({ name: '孙委员', post: '纪检组长', kind: '同意', text: '' });
    expect(opinionSection(c)).toContain('孙委员（纪检组长）：同意法制审核意见。');
  });
});
