import { describe, expect, it } from 'vitest';
import { foldForIdentifiers, identifiersIn, identifierText } from '../../src/main/services/redaction/leftover-ids';

const found = (marked: string, elsewhere: string): string[] => identifiersIn([marked]).filter((id) => id.pattern.test(foldForIdentifiers(elsewhere))).map(identifierText);

describe('identifiers inside a removed text (redaction leftover check)', () => {
  it('takes ID, mobile, landline and bank card numbers out of a longer text, masked as the masking code shows them', () => {
    const ids = identifiersIn(['：34052119971219018X', '住花山区湖东路8号，联系电话18229019595，座机0555-2345678，银行卡号6222 0212 3456 7890 123。']);
    expect(ids.map(identifierText)).toEqual(['身份证号 3405**********018X', '手机号 182****9595', '固定电话 0555-****678', '银行卡号 6222 **** **** 0123']);
  });

  it('finds a number written another way: full width, spaced, dashed, in parentheses, lower-case x', () => {
    expect(found('：340521199712196725', '答：３４０５ 2119 9712\n1967 25。')).toEqual(['身份证号 3405**********6725']);
    expect(found('：34052119971219018X', '身份证34052119971219018x')).toEqual(['身份证号 3405**********018X']);
    expect(found('电话0555-2345678', '（0555）2345678')).toEqual(['固定电话 0555-****678']);
    expect(found('联系电话18229019595。', '手机：182－2901－9595')).toEqual(['手机号 182****9595']);
  });

  it('never matches inside a longer number, and leaves a unified social credit code and case numbers alone', () => {
    expect(found('电话18229019595', '编号918229019595')).toEqual([]);
    expect(found('电话18229019595', '182290195951')).toEqual([]);
    expect(identifiersIn(['统一社会信用代码：913405007568012348', '统一社会信用代码91340500MA2TGX8L2K', '当市监处罚〔2026〕146号'])).toEqual([]);
  });
});
