// zod's refusals read as plain Chinese: text and list lengths said in words, not "数值过小：期望 string".
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssues } from '../../src/shared/api/result';
import { Officer } from '../../src/shared/casefile/schema';

describe('zod messages in zh-CN', () => {
  it('says empty, too short, too long and too few plainly; own messages and numbers are kept', () => {
    const schema = z.object({ a: z.string().min(1), b: z.string().min(3), c: z.string().max(2), d: z.array(z.string()).min(1), e: z.number().min(5), f: z.string().min(2, '请填写姓名') });
    const r = schema.safeParse({ a: '', b: 'x', c: 'xyz', d: [], e: 1, f: 'x' });
    expect(describeIssues(r.error!.issues)).toEqual(['a：不能为空', 'b：至少 3 个字符', 'c：最多 2 个字符', 'd：至少需要 1 项', expect.stringMatching(/^e：数值过小/), 'f：请填写姓名']);
  });
  it('a case package with an empty officer credential number is accepted: P2 reports it instead', () => {
    expect(Officer.safeParse({ id: 'o1', name: '李慧', credentialNo: '', credentialValidFrom: '2024-01-01', credentialValidTo: '2028-12-31', unit: '执法一队' }).success).toBe(true);
  });
});
