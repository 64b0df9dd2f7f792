// The reviewer's workflow on a real store: automatic findings per point, decisions saved as the
// reviewer works, overrides with reasons, conclusion rules, and rounds with a diff.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Workstation } from '../../src/main/workstation';
import { generateDemoPackages, type GeneratedCase } from '../../src/main/demo/generate';
import { ApiFailure } from '../../src/shared/api/result';
import { buildPackage, tempDir } from '../helpers/package-builder';
import { addDays } from '../../src/shared/format/date';

let demo: GeneratedCase[];
const open: Workstation[] = [];
function workstation(dir = tempDir('review-'), { reviewer = true } = {}): Workstation {
  const ws = new Workstation({ dataDir: dir, today: () => '2026-11-23' });
  open.push(ws);
  if (reviewer) ws.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  return ws;
}
afterEach(() => open.splice(0).forEach((w) => w.close()));

beforeAll(async () => {
  demo = await generateDemoPackages({ outDir: tempDir('review-demo-'), today: '2026-11-23', seed: 7 });
}, 120_000);

const failure = (fn: () => unknown): ApiFailure => {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiFailure) return err;
    throw err;
  }
  throw new Error('expected an ApiFailure');
};

describe('review workflow', () => {
  it('shows P1–P10 with automatic findings and the deadline computation', async () => {
    const ws = workstation();
    const priced = demo.find((d) => d.defects.includes('fine_out_of_range'))!;
    await ws.importer.importOne(priced.dir);
    const v = ws.review.get(priced.caseId);
    expect(v.points.map((p) => p.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10']);
    expect(v.points.find((p) => p.id === 'P6')!.worst).toBe('fail');
    expect(v.deadline.computation).toMatch(/^收件 \d{4}-\d{2}-\d{2} \+ 10 个工作日 = \d{4}-\d{2}-\d{2}；今日 2026-11-23/);
    expect(v.status).toBe('pending');
    expect(v.round).toBe(1);
  });

  it('the deadline says whether today is counted: 含今日 on a working day, 休息日不计 on a rest day', async () => {
    const at = (today: string) => {
      const ws = new Workstation({ dataDir: tempDir('review-'), today: () => today });
      open.push(ws);
      return ws;
    };
    // 送审 2026-11-16 (Monday): due 2026-11-30.
    const p = await buildPackage(tempDir());
    p.write();
    const monday = at('2026-11-16');
    await monday.importer.importOne(p.dir);
    const d = monday.review.get(p.manifest.case.id).deadline;
    expect(d).toMatchObject({ dueOn: '2026-11-30', remaining: 11, includesToday: true });
    expect(d.computation).toBe('收件 2026-11-16 + 10 个工作日 = 2026-11-30；今日 2026-11-16，剩余 11 个工作日（含今日）');
    const saturday = at('2026-11-21');
    await saturday.importer.importOne(p.dir);
    const s = saturday.review.get(p.manifest.case.id).deadline;
    expect(s).toMatchObject({ remaining: 6, includesToday: false });
    expect(s.computation).toBe('收件 2026-11-16 + 10 个工作日 = 2026-11-30；今日 2026-11-21（休息日，不计），剩余 6 个工作日');
  });

  it('records decisions, notes and citations at once, and keeps them across a restart', async () => {
    const dir = tempDir('review-');
    let ws = workstation(dir);
    const c = demo.find((d) => d.defects.length === 0)!;
    await ws.importer.importOne(c.dir);
    const ann = ws.annotations.create({ caseId: c.caseId, itemId: ws.views.get(c.caseId)!.documents[0]!.id, sha256: ws.views.get(c.caseId)!.documents[0]!.file.sha256, kind: 'highlight', anchor: { type: 'area', page: 1, rects: [{ x: 1, y: 1, width: 10, height: 10 }] }, note: '立案审批', reviewPoint: 'P8', redactionReason: null }, new Date().toISOString());
    ws.review.setPoint(c.caseId, 'P8', { decision: 'ok', note: '文书齐备', citations: [{ kind: 'annotation', id: ann.id }] });
    expect(ws.views.get(c.caseId)!.status).toBe('in_review');
    ws.close();
    ws = workstation(dir);
    const p8 = ws.review.get(c.caseId).points.find((p) => p.id === 'P8')!;
    expect(p8).toMatchObject({ decision: 'ok', note: '文书齐备' });
    expect(p8.citations[0]).toMatchObject({ kind: 'annotation', valid: true, page: 1, label: expect.stringContaining('第1页') });
  });

  it('requires a kept reason to overrule an automatic fail', async () => {
    const ws = workstation();
    const c = demo.find((d) => d.defects.includes('expired_credential'))!;
    await ws.importer.importOne(c.dir);
    const fail = ws.review.get(c.caseId).points.find((p) => p.id === 'P2')!.automatic.find((f) => f.severity === 'fail')!;
    const err = failure(() => ws.review.setPoint(c.caseId, 'P2', { decision: 'ok' }));
    expect(err.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/P2 有 \d+ 项自动检查未通过/) });
    ws.review.override(c.caseId, fail.id, '该执法人员执法证已续期，续期证件附卷');
    for (const f of ws.review.get(c.caseId).points.find((p) => p.id === 'P2')!.automatic.filter((x) => x.severity === 'fail' && x.id !== fail.id)) ws.review.override(c.caseId, f.id, '同上，已核实续期证件');
    const v = ws.review.setPoint(c.caseId, 'P2', { decision: 'ok' });
    const p2 = v.points.find((p) => p.id === 'P2')!;
    expect(p2.decision).toBe('ok');
    expect(p2.overrides.find((o) => o.check === fail.id)!.reason).toBe('该执法人员执法证已续期，续期证件附卷');
  });

  it('concludes only when every point is decided and the conclusion is consistent', async () => {
    const ws = workstation();
    const c = demo.find((d) => d.defects.includes('decision_after_90_days'))!;
    await ws.importer.importOne(c.dir);
    expect(failure(() => ws.review.conclude(c.caseId, '建议纠正', '程序超期，建议纠正后重新送审。')).error.message).toMatch(/尚有 10 个审核要点未作结论/);
    for (const p of ws.review.get(c.caseId).points) {
      const decision = p.id === 'P3' ? 'problem' : p.worst === 'fail' ? 'problem' : 'ok';
      ws.review.setPoint(c.caseId, p.id, { decision, note: decision === 'problem' ? '超过法定期限' : '' });
    }
    expect(failure(() => ws.review.conclude(c.caseId, '同意', '同意承办机构意见，无其他问题。')).error.message).toMatch(/与“同意”结论矛盾/);
    const draft = ws.review.get(c.caseId).draftOpinion;
    expect(draft).toMatch(/（一）执法程序：超过法定期限/);
    const v = ws.review.conclude(c.caseId, '建议纠正', draft);
    expect(v.conclusion).toMatchObject({ type: '建议纠正' });
    expect(ws.views.get(c.caseId)!.status).toBe('returned');
    expect(failure(() => ws.review.setPoint(c.caseId, 'P1', { note: 'x' })).error.message).toMatch(/已作出结论/);
    ws.review.reopen(c.caseId);
    expect(ws.views.get(c.caseId)!.status).toBe('in_review');
  });

  it('refuses a conclusion until the reviewer is set: P2’s recusal check needs them', async () => {
    const ws = workstation(undefined, { reviewer: false });
    const p = await buildPackage(tempDir());
    await ws.importer.importOne(p.dir);
    const id = p.manifest.case.id;
    for (const pt of ws.review.get(id).points) ws.review.setPoint(id, pt.id, { decision: pt.worst === 'fail' ? 'problem' : 'ok' });
    expect(failure(() => ws.review.conclude(id, '建议纠正', '请补充现场检查笔录后重新送审。')).error.message).toMatch(/请先设置审核人员信息/);
    expect(ws.review.get(id).conclusion).toBeNull();
    ws.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
    expect(ws.review.conclude(id, '建议纠正', '请补充现场检查笔录后重新送审。').conclusion).toMatchObject({ type: '建议纠正' });
  });

  it('keeps the conclusion being written in the cache: across a restart, cleared by the conclusion, restored by 撤回结论', async () => {
    const dir = tempDir('review-');
    let ws = workstation(dir);
    const p = await buildPackage(tempDir());
    await ws.importer.importOne(p.dir);
    const id = p.manifest.case.id;
    expect(ws.review.get(id).conclusionDraft).toBeNull();
    ws.review.saveDraft(id, { type: '建议补充调查', text: '请补充当事人冯军的询问笔录。' });
    ws.close();
    ws = workstation(dir);
    expect(ws.review.get(id).conclusionDraft).toEqual({ type: '建议补充调查', text: '请补充当事人冯军的询问笔录。' });
    for (const pt of ws.review.get(id).points) ws.review.setPoint(id, pt.id, { decision: pt.worst === 'fail' ? 'problem' : 'ok' });
    ws.review.conclude(id, '建议补充调查', '请补充当事人冯军的询问笔录后重新送审。');
    expect(ws.review.get(id).conclusionDraft).toBeNull();
    expect(failure(() => ws.review.saveDraft(id, { type: null, text: 'x' })).error.message).toMatch(/已作出结论/);
    ws.review.reopen(id);
    expect(ws.review.get(id).conclusionDraft).toEqual({ type: '建议补充调查', text: '请补充当事人冯军的询问笔录后重新送审。' });
  });

  it('opens a new round when a returned case is resubmitted, with the diff and the previous findings', async () => {
    const ws = workstation();
    const p = await buildPackage(tempDir());
    await ws.importer.importOne(p.dir);
    const id = p.manifest.case.id;
    for (const pt of ws.review.get(id).points) ws.review.setPoint(id, pt.id, { decision: pt.id === 'P6' ? 'problem' : pt.worst === 'fail' ? 'problem' : 'ok', note: pt.id === 'P6' ? '罚款数额需说明理由' : '' });
    ws.review.conclude(id, '建议纠正', '罚款裁量理由不充分，建议补充说明后重新送审。');
    // The handling unit corrects the case and resubmits revision 2.
    p.manifest.case.revision = 2;
    p.manifest.case.proposedDecision.penalties[1]!.amountFen = 6_000_000;
    p.manifest.case.proposedDecision.discretion.reason = '货值较大，从一般裁量';
    p.manifest.documents[0]!.title = '行政处罚告知书（更正）';
    p.write();
    expect(await ws.importer.importOne(p.dir)).toMatchObject({ ok: true, action: 'new_round' });
    const v = ws.review.get(id);
    expect(v.round).toBe(2);
    expect(v.status).toBe('pending');
    expect(v.points.every((x) => x.decision === null)).toBe(true);
    expect(v.previous).toMatchObject({ round: 1, revision: 1, conclusion: '建议纠正' });
    expect(v.previous!.points.find((x) => x.id === 'P6')).toMatchObject({ decision: 'problem', note: '罚款数额需说明理由' });
    const labels = v.previous!.diff.fields.map((f) => f.label);
    expect(labels).toEqual(expect.arrayContaining(['拟处罚', '裁量']));
    expect(v.previous!.diff.fields.find((f) => f.label === '拟处罚')).toMatchObject({ before: expect.stringContaining('50,000元'), after: expect.stringContaining('60,000元') });
    expect(v.previous!.diff.items).toEqual([expect.objectContaining({ id: 'd1', change: 'changed', title: '行政处罚告知书（更正）' })]);
    // The resubmission kept round 1's 送审 date: the deadline line says the period still counts from it.
    expect(v.deadline.receivedOn).toBe(p.manifest.case.procedure.submittedForReviewOn);
    expect(v.deadline.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^第 2 轮的送审日期（\d{4}-\d\d-\d\d）未晚于上一轮（\d{4}-\d\d-\d\d），审核期限仍从该日起算/)]));
    expect(v.deadline.computation).toContain('未晚于上一轮');
    // A resubmission while the review is still open is refused, changing nothing.
    p.manifest.case.revision = 3;
    p.write();
    expect(await ws.importer.importOne(p.dir)).toMatchObject({ ok: false, details: [expect.stringMatching(/审核意见退回承办机构/)] });
    expect(ws.review.get(id).round).toBe(2);
  });

  it('a resubmission with a new 送审 date counts from that date, with no warning; round 1 never warns', async () => {
    const ws = workstation();
    const p = await buildPackage(tempDir());
    await ws.importer.importOne(p.dir);
    const id = p.manifest.case.id;
    expect(ws.review.get(id).deadline.warnings.filter((w) => w.includes('上一轮'))).toEqual([]);
    for (const pt of ws.review.get(id).points) ws.review.setPoint(id, pt.id, { decision: pt.worst === 'fail' ? 'problem' : 'ok' });
    ws.review.conclude(id, '建议补充调查', '请补充现场检查笔录后重新送审。');
    const first = p.manifest.case.procedure.submittedForReviewOn;
    p.manifest.case.revision = 2;
    p.manifest.case.procedure.submittedForReviewOn = addDays(first, 14);
    p.write();
    expect(await ws.importer.importOne(p.dir)).toMatchObject({ ok: true, action: 'new_round' });
    const v = ws.review.get(id);
    expect(v.round).toBe(2);
    expect(v.deadline.receivedOn).toBe(addDays(first, 14));
    expect(v.deadline.warnings.filter((w) => w.includes('上一轮'))).toEqual([]);
  });
});
