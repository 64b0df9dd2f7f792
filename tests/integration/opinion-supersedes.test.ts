// A second signed version of a round's opinion says, on the page, which version it replaces — from
// the signed content (PDF, .docx and submission agree, the signature covers it); and the dates the
// automatic checks quote are printed as prose dates, without the spaces of the on-screen lists.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDetached } from '../../src/main/services/signing/index';
import { Workstation } from '../../src/main/workstation';
import { buildPackage, tempDir } from '../helpers/package-builder';
import { docxParts } from '../helpers/docx-parts';

const PASS = 'correct horse battery';
const SUPERSEDES = '本意见书取代测市监法审〔2026〕1号法制审核意见书（第1版），以本意见书为准。';
let ws: Workstation;
let caseId: string;
const flat = (s: string): string => s.replace(/\s+/g, '');

function decideAll(w: Workstation, id: string) {
  for (const p of w.review.get(id).points) {
    for (const f of p.automatic.filter((x) => x.severity === 'fail')) w.review.override(id, f.id, '经核实，承办机构已补正，不影响认定');
    w.review.setPoint(id, p.id, { decision: 'ok', note: '' });
  }
}

async function pdfText(sha: string): Promise<string> {
  const file = join(tempDir('supersedes-'), 'o.pdf');
  writeFileSync(file, await ws.blobs.read(sha));
  return flat(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
}

async function docxText(sha: string): Promise<string> {
  const xml = (await docxParts(await ws.blobs.read(sha))).get('word/document.xml')!;
  return xml.replace(/<[^>]+>/g, '');
}

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('opinion-supersedes-'), today: () => '2026-11-23' });
  const p = await buildPackage(tempDir());
  // 李明's credential ran out the day before he collected the evidence: P2 不符合, with a date.
  p.manifest.officers[0]!.credentialValidTo = '2026-06-05';
  p.write();
  caseId = p.manifest.case.id;
  await ws.importer.importOne(p.dir);
  ws.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS);
}, 60_000);
afterAll(() => ws.close());

describe('dates quoted from the automatic checks', () => {
  it('the draft opinion writes the expired credential’s date as 2026年6月5日, with no spaces around it', () => {
    const p2 = ws.review.get(caseId).points.find((p) => p.id === 'P2')!;
    // On screen the check keeps its ISO date.
    expect(p2.automatic.map((f) => f.message)).toContain('执法人员李明在证据“进货单据”的收集（2026-06-06）时执法证已于 2026-06-05 到期');
    ws.review.setPoint(caseId, 'P2', { decision: 'problem', note: '' });
    const draft = ws.review.get(caseId).draftOpinion;
    expect(draft).toContain('执法人员李明在证据“进货单据”的收集（2026年6月6日）时执法证已于2026年6月5日到期');
    expect(draft).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('a second version of a signed opinion', () => {
  it('names no earlier version in the first one', async () => {
    decideAll(ws, caseId);
    ws.review.conclude(caseId, '同意', '经审核，同意承办机构的处理意见。');
    const preview = await ws.opinions.preview(caseId);
    const v1 = await ws.opinions.sign(caseId, preview.contentHash, PASS);
    expect(v1.documentNumber).toBe('测市监法审〔2026〕1号');
    const text = await pdfText(v1.pdfSha256);
    expect(text).not.toContain('本意见书取代');
    // Section 四 prints the finding as prose too.
    expect(text).toContain('执法证已于2026年6月5日到期');
    expect(text).not.toContain('2026-06-05');
  });

  it('prints 本意见书取代 … 1号 … （第1版） in the PDF and the .docx, from the signed content', async () => {
    ws.review.reopen(caseId);
    decideAll(ws, caseId);
    ws.review.conclude(caseId, '其他意见', '建议承办机构在决定书中写明缴款期限。');
    const preview = await ws.opinions.preview(caseId);
    const v2 = await ws.opinions.sign(caseId, preview.contentHash, PASS);
    expect(v2).toMatchObject({ version: 2, documentNumber: '测市监法审〔2026〕2号' });
    const v1 = ws.opinions.records(caseId).find((r) => r.version === 1)!;
    const submission = JSON.parse(new TextDecoder().decode(await ws.blobs.read(v2.submissionSha256)));
    expect(submission.content.supersedes).toEqual({ opinionId: v1.opinionId, documentNumber: '测市监法审〔2026〕1号', version: 1 });
    // The detached signature covers it.
    expect(verifyDetached(submission.content, submission.signature, submission.signature.publicKey).valid).toBe(true);
    expect(await pdfText(v2.pdfSha256)).toContain(SUPERSEDES);
    expect(await pdfText(preview.pdfSha256)).toContain(SUPERSEDES);
    expect(await docxText(v2.docxSha256)).toContain(SUPERSEDES);
  });
});
