// The drafted opinion follows the review's actual state: open points are listed and never read as an
// all-clear 同意; the proposed type follows the findings (DOMAIN.md §1); build refuses an undecided point.
import { describe, expect, it } from 'vitest';
import type { OpinionType, PointDecision, PointView, ReviewView } from '../../src/shared/api/review';
import type { CaseFileView } from '../../src/shared/api/cases';
import { ApiFailure } from '../../src/shared/api/result';
import { buildOpinionContent } from '../../src/shared/opinion/build';
import { REVIEW_POINTS } from '../../src/shared/rules/index';
import { draftOpinion, opinionDraft, suggestedOpinionType } from '../../src/shared/review/draft';

const CASE = '方宇销售过期食品一案（马市监处罚〔2026〕12号）';

type Spec = Partial<Record<PointView['id'], PointDecision | { decision: PointDecision | null; note?: string; fail?: string; overruled?: boolean }>>;

/** P1–P10 as the review panel sees them; unspecified points are undecided with no automatic finding. */
function points(spec: Spec): PointView[] {
  return REVIEW_POINTS.map((p) => {
    const s = spec[p.id];
    const o = typeof s === 'string' ? { decision: s } : (s ?? { decision: null });
    const fail = 'fail' in o && o.fail ? [{ id: `${p.id}.x`, point: p.id, check: `${p.id}.x`, severity: 'fail' as const, message: o.fail, basis: [], refs: [] }] : [];
    return {
      id: p.id,
      title: p.title,
      basis: p.basis,
      description: p.description,
      automatic: fail,
      worst: fail.length ? 'fail' : null,
      decision: o.decision,
      note: ('note' in o && o.note) || '',
      citations: [],
      overrides: 'overruled' in o && o.overruled ? [{ check: `${p.id}.x`, reason: '已核实', at: '2026-11-23T02:00:00.000Z' }] : [],
    };
  });
}

const allOk = (): Spec => Object.fromEntries(REVIEW_POINTS.map((p) => [p.id, 'ok'])) as Spec;

describe('opinionDraft', () => {
  it('nothing decided yet: says the review is unfinished, proposes nothing, no 同意', () => {
    const d = opinionDraft(points({}), CASE);
    expect(d.state).toBe('open');
    expect(d.suggested).toBeNull();
    expect(d.open).toHaveLength(10);
    expect(d.text).toContain('全部审核要点（P1–P10）尚未作出结论');
    expect(d.text).not.toMatch(/同意/);
    expect(d.text).not.toMatch(/程序合法|事实清楚/);
  });

  it('some points open, the rest 无问题: lists the open points by id and title, still no 同意', () => {
    const spec = allOk();
    spec.P3 = { decision: null };
    spec.P7 = { decision: null };
    const d = opinionDraft(points(spec), CASE);
    expect(d.state).toBe('open');
    expect(d.open).toEqual(['P3', 'P7']);
    expect(d.suggested).toBeNull();
    expect(d.text).toContain('以下审核要点尚未作出结论：P3 执法程序是否合法；P7 是否超越法定权限。');
    expect(d.text).toContain('已认定的其他要点：P1 无问题');
    expect(d.text).toContain('待上述要点全部作出结论后，再提出审核意见。');
    expect(d.text).not.toMatch(/同意/);
    expect(suggestedOpinionType(points(spec))).toBeNull();
  });

  it('open points with a decided problem: lists both and proposes 建议纠正 (not 同意)', () => {
    const spec = allOk();
    spec.P3 = { decision: null };
    spec.P6 = { decision: 'problem', note: '罚款未说明从重理由。' };
    const d = opinionDraft(points(spec), CASE);
    expect(d.state).toBe('open');
    expect(d.suggested).toBe('建议纠正');
    expect(d.problems).toEqual(['P6']);
    expect(d.text).toContain('以下审核要点尚未作出结论：P3 执法程序是否合法。');
    expect(d.text).toMatch(/已认定存在以下问题：\n（一）裁量基准运用：罚款未说明从重理由。/);
    expect(d.text).not.toMatch(/同意/);
  });

  it('an undecided point with an automatic 不符合 counts as a finding: flagged, type proposed from it', () => {
    const spec = allOk();
    spec.P4 = { decision: null, fail: '违法所得无证据支持' };
    const d = opinionDraft(points(spec), CASE);
    expect(d.flagged).toEqual(['P4']);
    expect(d.suggested).toBe('建议补充调查');
    expect(d.text).toContain('系统自动检查提示 P4 案件事实是否清楚，证据是否合法充分 不符合（待认定）：违法所得无证据支持。');
    // Set aside with a reason, it no longer counts.
    spec.P4 = { decision: null, fail: '违法所得无证据支持', overruled: true };
    expect(opinionDraft(points(spec), CASE)).toMatchObject({ flagged: [], suggested: null });
  });

  it('dates quoted from findings read as prose dates (2026年9月3日) without spaces around them, the reviewer’s own words as written', () => {
    const spec = allOk();
    spec.P3 = { decision: 'problem', note: '送达回证日期为2026-10-09', fail: '尚未作出决定，已超过办案期限（期限至 2026-09-03）' };
    const d = opinionDraft(points(spec), CASE);
    expect(d.text).toContain('期限至2026年9月3日）');
    expect(d.text).toContain('送达回证日期为2026-10-09');
    spec.P3 = { decision: null, fail: '告知日期 2026-07-13 不早于决定日期 2026-07-10' };
    expect(opinionDraft(points(spec), CASE).text).toContain('告知日期2026年7月13日不早于决定日期2026年7月10日');
  });

  it('all decided with problems: 建议纠正, or 建议补充调查 when only facts/evidence (P4) are at fault', () => {
    const spec = allOk();
    spec.P4 = { decision: 'problem', note: '证据不足' };
    let d = opinionDraft(points(spec), CASE);
    expect(d).toMatchObject({ state: 'problems', suggested: '建议补充调查', open: [] });
    expect(d.text).toContain('建议承办机构补充调查、完善证据后重新送审。');
    spec.P5 = { decision: 'problem', note: '适用条款错误；' };
    d = opinionDraft(points(spec), CASE);
    expect(d.suggested).toBe('建议纠正');
    expect(d.text).toContain('（二）法律适用：适用条款错误。');
    expect(d.text).toContain('建议承办机构依法纠正上述问题，并补充调查、完善证据后重新送审。');
    expect(d.text).not.toMatch(/同意|P\d/);
  });

  it('a P9 problem asks for transfer to the judicial authorities; an empty problem asks for the reason', () => {
    const spec = allOk();
    spec.P9 = 'problem';
    const d = opinionDraft(points(spec), CASE);
    expect(d.text).toContain('（一）涉嫌犯罪移送：（请写明具体问题）');
    expect(d.text).toContain('应当依法及时移送司法机关');
  });

  it('a finding the reviewer’s note already states is not said again (it was printed twice)', () => {
    const spec = allOk();
    spec.P8 = { decision: 'problem', note: '案卷缺少行政处罚告知书，仅有送达回证。', fail: '案卷缺少行政处罚告知书' };
    spec.P3 = { decision: 'problem', note: '告知与决定间隔不足', fail: '未见听证告知' };
    const d = opinionDraft(points(spec), CASE);
    expect(d.text).toContain('执法文书：案卷缺少行政处罚告知书，仅有送达回证。');
    expect(d.text).not.toContain('仅有送达回证；案卷缺少行政处罚告知书');
    expect(d.text).toContain('告知与决定间隔不足；未见听证告知。'); // a finding the note does not state stays
  });

  it('a problem is named by its finding topic, numbered （一）（二）, not by the point’s question', () => {
    const spec = allOk();
    spec.P3 = { decision: 'problem', note: '送达超期' };
    spec.P7 = { decision: 'problem', note: '吊销许可证应由原发证机关作出' };
    const d = opinionDraft(points(spec), CASE);
    expect(d.text).toContain('存在以下问题：\n（一）执法程序：送达超期。\n（二）法定权限：吊销许可证应由原发证机关作出。');
    expect(d.text).not.toMatch(/^\d+\./m);
    expect(d.text).not.toContain('是否');
  });

  it('a finding the note says in other words is not repeated; quoted findings carry no spaces around numbers', () => {
    const spec = allOk();
    const fail = '拟作出决定日期超过办案期限（期限至 2026-11-04，超期 23 日）';
    spec.P3 = { decision: 'problem', note: '拟作出决定日期超过九十日办案期限，案卷未见延期审批材料', fail };
    let d = opinionDraft(points(spec), CASE);
    expect(d.text).toContain('（一）执法程序：拟作出决定日期超过九十日办案期限，案卷未见延期审批材料。\n');
    expect(d.text).not.toContain('超过办案期限（');
    // A note on something else keeps the finding, in prose: 超期23日, no spaces.
    spec.P3 = { decision: 'problem', note: '未听取陈述申辩', fail };
    d = opinionDraft(points(spec), CASE);
    expect(d.text).toContain('（一）执法程序：未听取陈述申辩；拟作出决定日期超过办案期限（期限至2026年11月4日，超期23日）。');
  });

  it('all decided, none a problem: 同意, affirming only what was found 无问题 and naming the 不适用 points', () => {
    let d = opinionDraft(points(allOk()), CASE);
    expect(d).toMatchObject({ state: 'clear', suggested: '同意' });
    expect(d.text).toBe(
      `经审核，${CASE}执法主体合法；执法人员具备执法资格；执法程序合法；案件事实清楚，证据合法充分；适用法律依据准确；裁量基准运用适当；未超越法定权限；执法文书规范、齐备；未发现涉嫌犯罪，无需移送司法机关；未超过追责时效。\n同意承办机构的处理意见。`,
    );
    const spec = allOk();
    spec.P9 = 'na';
    d = opinionDraft(points(spec), CASE);
    expect(d.text).not.toContain('未发现涉嫌犯罪');
    expect(d.text).toContain('本案不涉及涉嫌犯罪移送审核事项。');
    expect(d.text).not.toMatch(/P\d/);
    expect(d.text).toMatch(/同意承办机构的处理意见。$/);
    expect(draftOpinion(points(spec), CASE)).toBe(d.text);
  });
});

describe('buildOpinionContent refuses what the draft would not sign', () => {
  const cf = {} as CaseFileView;
  const meta = { opinionId: '00000000-0000-4000-8000-000000000000', version: 1, documentNumber: 'x', date: '2026-11-23', signedAt: '', reviewer: { name: 'x', keyId: '', certificateFingerprint: '' } };
  const review = (pts: PointView[], type: OpinionType) =>
    ({ points: pts, round: 1, conclusion: { type, opinionText: '经审核，同意。', concludedAt: '' } }) as unknown as ReviewView;

  it('an undecided point is never printed (as 不适用 or otherwise)', () => {
    const spec = allOk();
    spec.P3 = { decision: null };
    let err: unknown = null;
    try {
      buildOpinionContent(review(points(spec), '建议纠正'), cf, meta);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiFailure);
    expect((err as ApiFailure).error).toMatchObject({ code: 'conflict', message: '审核要点尚未全部作出结论（P3），不能生成审核意见书' });
  });

  it('同意 over a point found 存在问题 is refused', () => {
    const spec = allOk();
    spec.P6 = 'problem';
    expect(() => buildOpinionContent(review(points(spec), '同意'), cf, meta)).toThrow('P6 认定“存在问题”，与“同意”结论矛盾');
  });
});
