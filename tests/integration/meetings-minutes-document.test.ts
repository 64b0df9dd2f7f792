// The 集体讨论记录 as printed (poppler's pdftotext): the discretion factors said once, signature
// lines for the heads who decided only (列席 listed, not signing), and every page number in one
// form, "— 1 —" as "— 15 —".
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../src/main/workstation';
import type { MinutesContent } from '../../src/shared/meeting/minutes-content';
import { caller, concludeReview, ok, openWorkstation, REVIEWER, AGENCY, setup } from '../helpers/meeting-fixture';
import { buildPackage, tempDir } from '../helpers/package-builder';

const FACTORS = ['当事人系初次违法', '违法经营额较小'];
const REASON = '当事人系初次违法；违法经营额较小。依法从轻处罚，法定罚款幅度为五万元至十万元。';

let ws: Workstation;
let content: MinutesContent;
let text: string;

beforeAll(async () => {
  ws = openWorkstation(tempDir('minutes-doc-'));
  ws.review.setReviewer({ name: REVIEWER, agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
  const p = await buildPackage(tempDir());
  p.manifest.case.proposedDecision.discretion = { level: '一般', factors: FACTORS, reason: REASON };
  p.write();
  await ws.importer.importOne(p.dir);
  const caseId = p.manifest.case.id;
  concludeReview(ws, caseId);
  const call = caller(ws);
  const m = await ok(call, 'meetings.create', setup([caseId]));
  await ok(call, 'meetings.start', { id: m.id });
  for (const a of ['a1', 'a2', 'a3']) await ok(call, 'meetings.recordOpinion', { id: m.id, caseId, attendeeId: a, opinion: { kind: '同意', text: '' } });
  // A long record of the discussion: the minutes run past nine pages.
  const notes = Array.from({ length: 260 }, (_, i) => `第${i + 1}项：与会人员就案件事实、证据和裁量幅度逐项进行了讨论。`).join('\n');
  await ok(call, 'meetings.recordNotes', { id: m.id, caseId, notes });
  await ok(call, 'meetings.conclude', { id: m.id, caseId, conclusion: { text: '同意按拟处罚决定作出行政处罚。', followsReview: true } });
  await ok(call, 'meetings.end', { id: m.id });
  const doc = (await ok(call, 'meetings.previewMinutes', { id: m.id })).documents[0]!;
  content = doc.content;
  const pdf = join(tempDir('minutes-doc-out-'), 'minutes.pdf');
  writeFileSync(pdf, await ws.blobs.read(doc.pdfSha256));
  text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
}, 120_000);
afterAll(() => ws.close());

const flat = (s: string) => s.replace(/\s+/g, '');

describe('集体讨论记录 as printed', () => {
  it('states the discretion factors once when the reason restates them', () => {
    expect(content.proposedDecision.discretion).toBe(`一般：${REASON}`);
    expect(flat(text).split('当事人系初次违法')).toHaveLength(2);
  });

  it('has signature lines for the 出席 heads only; the 列席 reviewer is listed, not asked to sign', () => {
    const signing = flat(text).split('六、出席人员签名')[1]!.split('主持人：')[0]!;
    expect(signing).toContain('张局长（局长）');
    expect(signing).toContain('钱主任（法规科科长）');
    expect(signing).not.toContain('王审核');
    expect(flat(text)).toContain('列席人员：王审核（法制审核员）');
  });

  it('numbers every page alike, one digit or two', () => {
    const numbers = text.split('\n').filter((l) => l.includes('—') && /\d/.test(l) && l.trim().length < 12).map((l) => l.trim());
    expect(numbers.length).toBeGreaterThanOrEqual(10);
    numbers.forEach((n, i) => expect(n).toBe(`— ${i + 1} —`));
  });
});
