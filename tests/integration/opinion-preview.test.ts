// Preview before a signing key exists (issue 5): the document renders with the reviewer's name and an
// empty signature block; only the key and certificate the content names are left empty, so after the
// key is created the preview is made again with the same document, and that preview's hash is the
// one signed. Then the verification view: verdict, timestamp and certificate source as separate
// fields (none / 待加盖 / trusted TSA; 本机开发 CA), the same lines the CLI prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workstation } from '../../src/main/workstation';
import { ApiFailure } from '../../src/shared/api/result';
import type { OpinionPreview } from '../../src/shared/api/opinions';
import { canonicalJson } from '../../src/shared/canonical';
import { opinionDocument } from '../../src/main/services/opinion/sections';
import { NO_KEY_NOTICE } from '../../src/main/services/opinions/service';
import { verifyBytes } from '../../src/main/services/opinions/verify-view';
import { HttpTimestampClient, stampDetached, stampPendingPdf, type SignedSubmission } from '../../src/main/services/signing/index';
import { verificationText } from '../../src/cli/commands/verify';
import { buildPackage, tempDir } from '../helpers/package-builder';
import { startTestTsa, type TestTsa } from './signing/tsa';

const PASS = 'correct horse battery';
let ws: Workstation;
let caseId: string;

function decideAll(w: Workstation, id: string) {
  for (const p of w.review.get(id).points) {
    for (const f of p.automatic.filter((x) => x.severity === 'fail')) w.review.override(id, f.id, '经核实，承办机构已补正，不影响认定');
    w.review.setPoint(id, p.id, { decision: 'ok', note: p.id === 'P6' ? '罚款在法定幅度内，裁量适当。' : '' });
  }
}

async function failure(p: Promise<unknown>): Promise<ApiFailure> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ApiFailure);
  return e as ApiFailure;
}

/** The document as printed, without the footnote (which carries the content hash once final). */
const printed = (p: OpinionPreview) => JSON.stringify(opinionDocument(p.content).blocks);

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('opinion-preview-'), today: () => '2026-11-23' });
  const p = await buildPackage(tempDir());
  caseId = p.manifest.case.id;
  await ws.importer.importOne(p.dir);
  ws.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
}, 60_000);
afterAll(() => ws.close());

describe('preview without a signing key', () => {
  let keyless: OpinionPreview;
  let keyed: OpinionPreview;

  it('is refused only while the review is not concluded, then renders without a key', async () => {
    expect((await failure(ws.opinions.preview(caseId))).error.message).toBe('本轮审核尚未作出结论，不能生成审核意见书');
    decideAll(ws, caseId);
    ws.review.conclude(caseId, '同意', '经审核，同意承办机构的处理意见。');
    expect(ws.opinions.keys.view().active).toBeNull();
    keyless = await ws.opinions.preview(caseId);
    expect(keyless).toMatchObject({ signable: false, blocker: NO_KEY_NOTICE });
    expect(keyless.content.reviewer).toEqual({ name: '王审核', keyId: '', certificateFingerprint: '' });
    // The PDF and .docx exist as blobs, like any preview.
    expect((await ws.blobs.read(keyless.pdfSha256)).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await ws.blobs.read(keyless.docxSha256)).subarray(0, 2).toString()).toBe('PK');
  });

  it('cannot be signed: without a key, and after creating one until previewed again', async () => {
    expect((await failure(ws.opinions.sign(caseId, keyless.contentHash, PASS))).error.message).toMatch(/尚未创建签名密钥/);
    await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS);
    expect((await failure(ws.opinions.sign(caseId, keyless.contentHash, PASS))).error.message).toMatch(/预览时尚无签名密钥：请重新预览/);
  });

  it('previewed again with the key: the same document, now naming the key; its hash is the signed hash', async () => {
    keyed = await ws.opinions.preview(caseId);
    expect(keyed).toMatchObject({ signable: true, blocker: null });
    const key = ws.opinions.keys.view().active!;
    expect(keyed.content.reviewer).toMatchObject({ name: '王审核', keyId: key.keyId, certificateFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // Only the key binding differs (plus the per-preview id and time): the printed document is the same.
    const strip = (p: OpinionPreview) => ({ ...p.content, opinionId: '', signedAt: '', reviewer: { name: p.content.reviewer.name } });
    expect(canonicalJson(strip(keyed))).toBe(canonicalJson(strip(keyless)));
    expect(printed({ ...keyed, content: { ...keyed.content, opinionId: keyless.content.opinionId } })).toBe(printed(keyless));
    expect(keyed.contentHash).not.toBe(keyless.contentHash);

    const rec = await ws.opinions.sign(caseId, keyed.contentHash, PASS);
    expect(rec.contentHash).toBe(keyed.contentHash);
    // The submission carries exactly the previewed content.
    const sub = JSON.parse((await ws.blobs.read(rec.submissionSha256)).toString('utf8')) as SignedSubmission;
    expect(canonicalJson(sub.content)).toBe(canonicalJson(keyed.content));
    expect(sub.signature.contentHash).toBe(keyed.contentHash);
  });

  it('a key replaced after the preview is refused until previewed again', async () => {
    ws.review.reopen(caseId);
    decideAll(ws, caseId);
    ws.review.conclude(caseId, '其他意见', '建议承办机构在决定书中写明缴款期限。');
    const before = await ws.opinions.preview(caseId);
    await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS);
    expect((await failure(ws.opinions.sign(caseId, before.contentHash, PASS))).error.message).toMatch(/签名密钥在预览后已更换/);
    const again = await ws.opinions.preview(caseId);
    expect((await ws.opinions.sign(caseId, again.contentHash, PASS)).contentHash).toBe(again.contentHash);
  });
});

describe('verification view: timestamp and certificate source on lines of their own', () => {
  let pdf: Uint8Array;
  let submission: SignedSubmission;
  let tsa: TestTsa;

  beforeAll(async () => {
    const rec = ws.opinions.records(caseId)[0]!;
    pdf = new Uint8Array(await ws.blobs.read(rec.pdfSha256));
    submission = JSON.parse((await ws.blobs.read(rec.submissionSha256)).toString('utf8')) as SignedSubmission;
    tsa = await startTestTsa(await ws.opinions.keys.devCa());
  });
  afterAll(() => tsa.close());

  const verify = (b: Uint8Array) => verifyBytes(b, ws.opinions.keys);
  const json = (s: SignedSubmission) => new TextEncoder().encode(JSON.stringify(s));

  it('a signed PDF without a timestamp: 签名有效 alone, no timestamp, 本机开发 CA', async () => {
    const v = await verify(pdf);
    expect(v).toMatchObject({ valid: true, reason: '签名有效', kind: 'pdf', timestamp: { state: 'none' }, certificate: { kind: 'dev-ca', trusted: true }, notes: [] });
    const text = verificationText(v);
    expect(text).toMatch(/^VALID 有效：签名有效\n/);
    expect(text).toContain('\n证书来源：本机开发 CA（非机构 CA，非正式，仅供演示）\n');
    expect(text).toContain('\n时间戳：未加盖：签署时间未经可信时间戳证明\n');
    expect(text).toMatch(/\n签署时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间，签名人本机时钟）\n/);
  });

  it('the PDF stamped later by a TSA: a trusted timestamp with the TSA and its time', async () => {
    const { bytes, results } = await stampPendingPdf(pdf, new HttpTimestampClient(tsa.url));
    expect(results.map((r) => r.status)).toEqual(['granted']);
    const v = await verify(bytes);
    expect(v.valid).toBe(true);
    expect(v.reason).toBe('签名有效');
    const granted = results[0] as { genTime: Date };
    expect(v.timestamp).toEqual({ state: 'trusted', tsa: 'CN=Fashen 测试时间戳服务, O=测试', time: granted.genTime.toISOString() });
    expect(verificationText(v)).toMatch(/\n时间戳：可信时间戳 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间） · 时间戳服务：CN=Fashen 测试时间戳服务, O=测试\n/);
  });

  it('a submission: none, 待加盖时间戳 when marked pending, trusted once stamped; a broken token is 无效', async () => {
    expect((await verify(json(submission))).timestamp).toEqual({ state: 'none' });
    const pending = await stampDetached(submission.signature, { timestamp: () => Promise.resolve({ status: 'pending', reason: '无法连接时间戳服务（离线）' }) });
    const vp = await verify(json({ ...submission, signature: pending }));
    expect(vp).toMatchObject({ valid: true, reason: '签名有效', timestamp: { state: 'pending' }, certificate: { kind: 'dev-ca' }, caseId, round: 1 });
    expect(verificationText(vp)).toContain('\n时间戳：未加盖可信时间戳（签名时间为签名人电脑时间）：尚未发出的提交在联网同步时补加；已发出或经离线交换包送达的不再补加\n');
    const stamped = await stampDetached(pending, new HttpTimestampClient(tsa.url));
    const vs = await verify(json({ ...submission, signature: stamped }));
    expect(vs).toMatchObject({ valid: true, timestamp: { state: 'trusted', tsa: expect.stringContaining('Fashen 测试时间戳服务') } });
    // A token that belongs to another signature: invalid, and the timestamp line says why.
    const { timestamp: _none, ...unstamped } = submission.signature;
    const other = await stampDetached({ ...unstamped, signature: Buffer.from('another').toString('base64') }, new HttpTimestampClient(tsa.url));
    const vb = await verify(json({ ...submission, signature: { ...submission.signature, timestamp: other.timestamp } }));
    expect(vb).toMatchObject({ valid: false, timestamp: { state: 'invalid', reason: '时间戳不属于此签名' } });
    expect(verificationText(vb)).toMatch(/^INVALID 无效：时间戳无效：时间戳不属于此签名\n/);
  });

  it('a signature from a CA this workstation does not trust says so on the certificate line', async () => {
    const other = new Workstation({ dataDir: tempDir('opinion-other-'), today: () => '2026-11-23' });
    try {
      const v = await verifyBytes(pdf, other.opinions.keys);
      expect(v).toMatchObject({ valid: false, certificate: { kind: 'dev-ca', trusted: false } });
      expect(verificationText(v)).toContain('\n证书来源：开发 CA（非机构 CA），且不是本机信任的开发 CA\n');
    } finally {
      other.close();
    }
  });
});
