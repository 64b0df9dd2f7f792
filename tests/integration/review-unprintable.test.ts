// Text the opinion's fonts cannot print: refused when concluding, with the field and the characters
// named (never a conclusion that cannot be printed), while 生僻字 the fallback face has are accepted;
// a conclusion made before this check still gets that message from 预览意见书 and the Api, not the
// generic 操作失败.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../src/main/api';
import { dispatch } from '../../src/main/dispatch';
import { Workstation } from '../../src/main/workstation';
import { ApiFailure } from '../../src/shared/api/result';
import { buildPackage, tempDir } from '../helpers/package-builder';

let ws: Workstation;
let caseId: string;

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('review-unprintable-'), today: () => '2026-11-23' });
  const p = await buildPackage(tempDir());
  caseId = p.manifest.case.id;
  await ws.importer.importOne(p.dir);
  ws.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  for (const pt of ws.review.get(caseId).points) {
    for (const f of pt.automatic.filter((x) => x.severity === 'fail')) ws.review.override(caseId, f.id, '经核实，承办机构已补正，不影响认定');
    ws.review.setPoint(caseId, pt.id, { decision: 'ok', note: '' });
  }
}, 60_000);
afterAll(() => ws.close());

const failure = (fn: () => unknown): ApiFailure => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiFailure) return err;
    throw err;
  }
  throw new Error('expected an ApiFailure');
};

describe('concluding with characters the opinion cannot print', () => {
  it('refuses an emoji in 审核意见, naming the field and the character', () => {
    const err = failure(() => ws.review.conclude(caseId, '同意', '经审核，同意承办机构的处理意见😀'));
    expect(err.error.message).toBe('审核意见中有意见书字体无法排印的字符：😀，请删除或改用文字');
    expect(ws.review.get(caseId).conclusion).toBeNull();
  });

  it('names a point’s note, and lists every field with such characters', () => {
    ws.review.setPoint(caseId, 'P3', { note: '程序合法👍' });
    const err = failure(() => ws.review.conclude(caseId, '同意', '经审核，同意承办机构的处理意见🎉'));
    expect(err.error.message).toBe('审核意见中有意见书字体无法排印的字符：🎉，请删除或改用文字');
    expect(err.error.details).toEqual(['审核意见中有意见书字体无法排印的字符：🎉，请删除或改用文字', 'P3“执法程序是否合法”的说明中有意见书字体无法排印的字符：👍，请删除或改用文字']);
    ws.review.setPoint(caseId, 'P3', { note: '' });
  });

  it('accepts 生僻字 the fallback face prints (𠮷, CJK Extension B)', () => {
    const v = ws.review.conclude(caseId, '同意', '经审核，马鞍山𠮷汇通网络科技有限公司一案，同意承办机构的处理意见。');
    expect(v.conclusion?.opinionText).toContain('𠮷');
    ws.review.reopen(caseId);
  });

  it('a conclusion stored before the check: 预览意见书 says why, in the service and through the Api', async () => {
    ws.review.conclude(caseId, '同意', '经审核，同意承办机构的处理意见。');
    ws.store.sqlite.prepare('update review set opinion_text = ? where case_id = ?').run('经审核，同意承办机构的处理意见😀', caseId);
    const expected = '审核意见中有意见书字体无法排印的字符：😀，无法生成意见书；请撤回结论，删除或改用文字后重新作出结论';
    const err = await ws.opinions.preview(caseId).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiFailure);
    expect((err as ApiFailure).error.message).toBe(expected);
    const res = await dispatch(buildApi(ws, 'host'), 'opinions.preview', { caseId });
    expect(res).toEqual({ ok: false, error: { code: 'conflict', message: expected } });
  });
});
