// The 集体讨论记录 as laid out on pages: the signing part (六、出席人员签名, each head's line, the
// host's and recorder's signatures and the date) never split over two pages — whatever the length
// of the discussion before it, a head's line is never left alone on the last page.
import { describe, expect, it } from 'vitest';
import { minutesDocument } from '../../src/main/services/meetings/minutes-document';
import { loadDocumentFaces } from '../../src/main/services/opinion/faces';
import { blocksToLines, paginate } from '../../src/main/services/opinion/pdf-lines';
import { minutesFor } from '../helpers/minutes-fixture';

const CASE = { caseId: 'c1', caseNumber: '马市监处罚〔2026〕197号', revision: 1, revisionHash: 'a'.repeat(64) };

describe('集体讨论记录 pages', () => {
  it('keeps 六、出席人员签名 with every head’s line and the closing signatures on one page', () => {
    const faces = loadDocumentFaces();
    const c = minutesFor(CASE);
    c.attendees.splice(3, 0, { name: '陈立新', post: '纪检组长', role: 'member' });
    const split: number[] = [];
    // One more line of discussion each time: the signing part meets every position on the page.
    for (let n = 1; n <= 24; n++) {
      c.discussion = Array.from({ length: n }, (_, i) => `第${i + 1}项讨论。`).join('\n');
      const pages = paginate(blocksToLines(minutesDocument(c).blocks, faces)).map((p) => p.map((l) => l.text?.s ?? ''));
      const at = (s: string) => pages.findLastIndex((p) => p.some((t) => t.startsWith(s)));
      const from = at('六、出席人员签名');
      const signing = ['张局长（局长）：', '李副局长（副局长）：', '赵副局长（副局长）：', '陈立新（纪检组长）：', '主持人：张局长', '记录人：王审核', '二〇二六年十一月二十三日'];
      if (signing.some((s) => at(s) !== from) || from < 0) split.push(n);
    }
    expect(split).toEqual([]);
  });
});
