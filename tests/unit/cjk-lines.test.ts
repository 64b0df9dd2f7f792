// Chinese lines are joined where the PDF wrapped them; breaks between Latin words and numbers stay.
import { describe, expect, it } from 'vitest';
import { joinCjkLines } from '../../src/shared/text/cjk-lines';

describe('joinCjkLines', () => {
  it.each([
    ['标识，\n上述食品', '标识，上述食品'],
    ['诱骗消\r\n费者', '诱骗消费者'],
    ['第一行。  \n  第二行', '第一行。第二行'],
    ['（一）\n当事人', '（一）当事人'],
    ['Invoice No.\nABC-1077', 'Invoice No.\nABC-1077'],
    ['罚款\n5000元', '罚款\n5000元'],
    ['第一段。\n\n第二段', '第一段。\n\n第二段'],
  ])('%j → %j', (raw, joined) => {
    expect(joinCjkLines(raw)).toBe(joined);
  });
});
