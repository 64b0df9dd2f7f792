// What a refused call tells the reviewer: for an input the schema refused, the reason itself
// (审核意见过短…), not the bare 请求参数无效 nor the field path.
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../src/shared/api/result';
import { errorText } from '../../src/renderer/src/lib/errors';

describe('errorText', () => {
  it('says what the schema refused, without the field path', () => {
    const err = new ApiFailure({ code: 'invalid_input', message: '请求参数无效', details: ['opinionText：审核意见过短，请写明具体意见'] });
    expect(errorText(err)).toBe('审核意见过短，请写明具体意见');
    const two = new ApiFailure({ code: 'invalid_input', message: '请求参数无效', details: ['a.b：甲', 'c[0]：乙', 'd：甲'] });
    expect(errorText(two)).toBe('甲；乙');
  });

  it('other failures keep their message; no details, or not an ApiFailure: the message or the fallback', () => {
    expect(errorText(new ApiFailure({ code: 'conflict', message: '本轮审核已作出结论' }))).toBe('本轮审核已作出结论');
    expect(errorText(new ApiFailure({ code: 'invalid_input', message: '请求参数无效' }))).toBe('请求参数无效');
    expect(errorText(new Error('x'), '未能保存')).toBe('未能保存');
  });
});
