// 下载 of the records the workstation makes, unsigned as well as signed: the opinion preview
// (opinions.exportPreview) and a meeting's minutes (meetings.exportMinutes) go through the Api like
// opinions.export — the export policy (seed 002 item 10) refuses them without an approval, in
// zh-CN, and every attempt is in the audit log — and the host's blob links, which the app displays
// them with, refuse to serve them for saving (page load, download, embedded PDF viewer).
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../src/main/api';
import { startHost, type RunningHost } from '../../../src/main/host';
import { RECORD_DOWNLOAD_REFUSED } from '../../../src/main/services/audit/blob-access';
import type { Workstation } from '../../../src/main/workstation';
import type { OpinionPreview } from '../../../src/shared/api/opinions';
import type { MinutesPreview } from '../../../src/shared/api/meetings';
import { describeAuditDetail } from '../../../src/shared/audit/describe';
import { tempDir } from '../../helpers/package-builder';
import { caller, err, ok, reviewedWorkstation, setup, type Call } from '../../helpers/meeting-fixture';

const APPROVAL = { reference: '批〔2026〕9号', approver: '李局长' };
let ws: Workstation;
let call: Call;
let host: RunningHost;
let caseA: string;
let caseB: string;
let meetingId: string;
let preview: OpinionPreview;
let minutes: MinutesPreview;

const sha = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
const logged = (caseId: string, action: string) => ws.audit.log.forSubject(caseId).filter((e) => e.action === action).reverse();

/** A GET with the Fetch Metadata headers a browser would send for this kind of request. */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${host.origin}${path}${path.includes('?') ? '&' : '?'}token=${host.token}`, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}
const VIEWER = { 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Site': 'same-origin' };
const DOWNLOAD = { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'empty', 'Sec-Fetch-Site': 'same-origin' };
const PAGE = { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Site': 'none' };
const EMBED = { 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'embed', 'Sec-Fetch-Site': 'same-origin' };

beforeAll(async () => {
  const f = await reviewedWorkstation();
  ws = f.ws;
  [caseA, caseB] = f.reviewed as [string, string];
  call = caller(ws);
  const m = await ok(call, 'meetings.create', setup([caseA]));
  meetingId = m.id;
  await ok(call, 'meetings.start', { id: m.id });
  for (const attendeeId of ['a1', 'a2', 'a3']) await ok(call, 'meetings.recordOpinion', { id: m.id, caseId: caseA, attendeeId, opinion: { kind: '同意', text: '' } });
  await ok(call, 'meetings.conclude', { id: m.id, caseId: caseA, conclusion: { text: '同意按拟处罚决定作出行政处罚。', followsReview: true } });
  await ok(call, 'meetings.end', { id: m.id });
  minutes = await ok(call, 'meetings.previewMinutes', { id: m.id });
  preview = await ok(call, 'opinions.preview', { caseId: caseA });
  host = await startHost({ workstation: ws, handlers: buildApi(ws, 'host'), rendererDir: tempDir() });
}, 120_000);
afterAll(async () => {
  await host?.close();
  ws?.close();
});

describe('exports of unsigned previews and minutes', () => {
  it('give back the files shown, byte for byte, and log each copy', async () => {
    for (const kind of ['pdf', 'docx'] as const) {
      const f = await ok(call, 'opinions.exportPreview', { caseId: caseA, kind });
      expect(sha(f.base64)).toBe(kind === 'pdf' ? preview.pdfSha256 : preview.docxSha256);
      expect(f).toMatchObject({ kind, sha256: sha(f.base64), mime: kind === 'pdf' ? 'application/pdf' : expect.stringContaining('wordprocessingml') });
    }
    const doc = minutes.documents[0]!;
    const pdf = await ok(call, 'meetings.exportMinutes', { id: meetingId, caseId: caseA, kind: 'pdf' });
    expect(pdf).toMatchObject({ sha256: doc.pdfSha256, signed: false, caseNumber: doc.caseNumber });
    expect(sha(pdf.base64)).toBe(doc.pdfSha256);
    expect(sha((await ok(call, 'meetings.exportMinutes', { id: meetingId, caseId: caseA, kind: 'docx' })).base64)).toBe(doc.docxSha256);

    const opinionCopies = logged(caseA, 'export.opinion');
    expect(opinionCopies.map((e) => e.detail)).toEqual([
      { preview: true, kind: 'pdf', sha256: preview.pdfSha256, size: expect.any(Number), via: 'browser' },
      { preview: true, kind: 'docx', sha256: preview.docxSha256, size: expect.any(Number), via: 'browser' },
    ]);
    expect(opinionCopies[0]!.actor).toBe('王审核');
    const minutesCopies = logged(caseA, 'export.minutes');
    expect(minutesCopies.map((e) => [e.detail.kind, e.detail.signed, e.detail.meetingId])).toEqual([
      ['pdf', false, meetingId],
      ['docx', false, meetingId],
    ]);
    expect(describeAuditDetail(minutesCopies[0]!)).toBe(`${doc.caseNumber} · 未签署 · PDF`);
    expect(describeAuditDetail(opinionCopies[1]!)).toBe('预览（未签署） · .docx');
  });

  it('refuse bad requests in zh-CN, and log the refused attempts', async () => {
    expect(await err(call, 'meetings.exportMinutes', { id: meetingId, caseId: caseA, kind: 'submission' })).toMatchObject({ code: 'conflict', message: '记录人签署后才有提交件' });
    expect(logged(caseA, 'export.minutes').at(-1)!.detail).toMatchObject({ outcome: 'refused', code: 'conflict', reason: '记录人签署后才有提交件' });
    expect(await err(call, 'meetings.exportMinutes', { id: meetingId, caseId: caseB, kind: 'pdf' })).toMatchObject({ code: 'not_found', message: expect.stringContaining('还没有该案件的集体讨论记录') });
    expect(await err(call, 'meetings.exportMinutes', { id: 'no-such-meeting', caseId: caseA, kind: 'pdf' })).toMatchObject({ code: 'not_found' });
    expect(await err(call, 'opinions.exportPreview', { caseId: caseB, kind: 'pdf' })).toMatchObject({ code: 'conflict', message: expect.stringContaining('还没有意见书预览') });
    expect(await err(call, 'opinions.exportPreview', { caseId: 'no-such-case', kind: 'pdf' })).toMatchObject({ code: 'not_found' });
    expect(await err(call, 'opinions.exportPreview', { caseId: caseA, kind: 'xlsx' } as never)).toMatchObject({ code: 'invalid_input', details: [expect.stringContaining('下载类型应为 pdf 或 docx')] });
    expect(await err(call, 'meetings.exportMinutes', { id: meetingId, caseId: caseA, kind: 'pdf', path: '/tmp/x' } as never)).toMatchObject({ code: 'invalid_input' });
  });

  it('with approval required: refused with the zh-CN reason and logged; with an approval, exported and logged', async () => {
    await ok(call, 'settings.setExportPolicy', { exportRequiresApproval: true });
    try {
      for (const [name, input, action] of [
        ['opinions.exportPreview', { caseId: caseA, kind: 'docx' }, 'export.opinion'],
        ['meetings.exportMinutes', { id: meetingId, caseId: caseA, kind: 'pdf' }, 'export.minutes'],
      ] as const) {
        const refused = await err(call, name, input as never);
        expect(refused).toMatchObject({ code: 'approval_required', message: '按本单位规定，复制、导出执法记录须经批准：请填写批准文号（或审批单号）和批准人后再导出' });
        expect(logged(caseA, action).at(-1)!.detail).toMatchObject({ outcome: 'awaiting_approval', code: 'approval_required' });

        expect(await err(call, name, { ...input, approval: { reference: '批', approver: '李局长' } } as never)).toMatchObject({ code: 'invalid_input', details: [expect.stringContaining('请填写批准文号或审批单号')] });

        const done = await ok(call, name, { ...input, approval: APPROVAL } as never);
        expect(done.base64.length).toBeGreaterThan(0);
        const entry = logged(caseA, action).at(-1)!;
        expect(entry.detail).toMatchObject({ approval: APPROVAL, sha256: done.sha256 });
        expect(entry.detail.outcome).toBeUndefined();
        expect(describeAuditDetail(entry)).toContain('批准：批〔2026〕9号（李局长）');
      }
      expect(ws.audit.log.verify()).toMatchObject({ intact: true });
    } finally {
      await ok(call, 'settings.setExportPolicy', { exportRequiresApproval: false });
    }
  });
});

describe('the blob links of these records', () => {
  it('serve their PDFs to the in-app viewer only, and never their .docx or submission files', async () => {
    const minutesPdf = minutes.documents[0]!.pdfSha256;
    expect((await get(`/blobs/${preview.pdfSha256}`, VIEWER)).status).toBe(200);
    expect((await get(`/blobs/${minutesPdf}`, VIEWER)).status).toBe(200);
    // A range read as pdf.js makes it.
    expect((await get(`/blobs/${preview.pdfSha256}`, { ...VIEWER, Range: 'bytes=0-99' })).status).toBe(206);

    for (const headers of [DOWNLOAD, PAGE, EMBED]) {
      for (const s of [preview.pdfSha256, minutesPdf]) {
        const r = await get(`/blobs/${s}`, headers);
        expect(r).toEqual({ status: 403, body: RECORD_DOWNLOAD_REFUSED });
      }
    }
    // Never displayed, so never served: the .docx files, whatever the request.
    for (const s of [preview.docxSha256, minutes.documents[0]!.docxSha256]) {
      expect(await get(`/blobs/${s}`, VIEWER)).toEqual({ status: 403, body: RECORD_DOWNLOAD_REFUSED });
    }
  });

  it('serve case files as before (the gate is for records made here), and 404 for unknown ones', async () => {
    const doc = ws.cases.load(caseA)!.documents[0]!;
    expect((await get(`/blobs/${doc.sha256}`, PAGE)).status).toBe(200);
    expect((await get(`/blobs/${doc.sha256}`, VIEWER)).status).toBe(200);
    expect((await get(`/blobs/${'0'.repeat(64)}`, VIEWER)).status).toBe(404);
  });
});

describe('a preview being made again', () => {
  it('下载 during 重新生成 gives the preview still shown, afterwards the new one', async () => {
    const shown = await ok(call, 'opinions.preview', { caseId: caseA });
    // preview() replaces the draft before it renders: a download asked meanwhile must not fail.
    const again = ws.opinions.preview(caseA);
    const during = await ok(call, 'opinions.exportPreview', { caseId: caseA, kind: 'docx' });
    expect(during.sha256).toBe(shown.docxSha256);
    const made = await again;
    const after = await ok(call, 'opinions.exportPreview', { caseId: caseA, kind: 'pdf' });
    expect(after.sha256).toBe(made.pdfSha256);
  });
});
