// opinions.export (下载 of a signed opinion's PDF / .docx / 提交件): through the Api dispatch every
// transport uses, the bytes come back exactly as stored, each copy is in the audit log, and the
// export policy (seed 002 item 10) refuses it without an approval when approval is required.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../src/main/api';
import { dispatch, type Handlers } from '../../../src/main/dispatch';
import { Workstation } from '../../../src/main/workstation';
import type { OpinionExport, OpinionRecord } from '../../../src/shared/api/opinions';
import type { Result } from '../../../src/shared/api/result';
import { buildPackage, tempDir } from '../../helpers/package-builder';

const PASS = 'correct horse battery';
const APPROVAL = { reference: '批〔2026〕7号', approver: '李局长' };
let ws: Workstation;
let handlers: Handlers;
let caseId: string;
let record: OpinionRecord;

async function call<T = unknown>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(handlers, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
const attempt = (name: string, input: unknown): Promise<Result<unknown>> => dispatch(handlers, name, input);
const exportsLogged = () => ws.audit.log.forSubject(caseId).filter((e) => e.action === 'export.opinion').reverse();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('opinion-export-'), today: () => '2026-11-23' });
  handlers = buildApi(ws, 'host');
  const p = await buildPackage(tempDir());
  caseId = p.manifest.case.id;
  await call('settings.setReviewer', { name: '王审核', agency: '测试市市场监督管理局', legalQualification: true });
  await call('cases.import', { paths: [p.dir] });
  const review = await call<{ points: { id: string; automatic: { id: string; severity: string }[] }[] }>('review.get', { caseId });
  for (const pt of review.points) {
    for (const f of pt.automatic.filter((x) => x.severity === 'fail')) await call('review.override', { caseId, check: f.id, reason: '经核实，承办机构已补正，不影响认定' });
    await call('review.setPoint', { caseId, point: pt.id, decision: 'ok' });
  }
  await call('review.conclude', { caseId, type: '同意', opinionText: '经审核，同意承办机构的处理意见。' });
  await call('keys.create', { passphrase: PASS });
  const preview = await call<{ contentHash: string }>('opinions.preview', { caseId });
  record = await call<OpinionRecord>('opinions.sign', { caseId, contentHash: preview.contentHash, passphrase: PASS });
}, 120_000);
afterAll(() => ws.close());

describe('opinions.export', () => {
  it('gives back each file byte for byte, and logs every copy with the opinion and the file', async () => {
    const want = { pdf: record.pdfSha256, docx: record.docxSha256, submission: record.submissionSha256 };
    for (const kind of ['pdf', 'docx', 'submission'] as const) {
      const f = await call<OpinionExport>('opinions.export', { caseId, opinionId: record.opinionId, kind });
      const bytes = new Uint8Array(Buffer.from(f.base64, 'base64'));
      expect(f).toMatchObject({ kind, sha256: want[kind], size: bytes.length });
      expect(sha(bytes)).toBe(want[kind]);
      expect(bytes).toEqual(new Uint8Array(await ws.blobs.read(want[kind])));
    }
    const f = await call<OpinionExport>('opinions.export', { caseId, opinionId: record.opinionId, kind: 'pdf' });
    expect(f.mime).toBe('application/pdf');
    expect(Buffer.from(f.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const logged = exportsLogged();
    expect(logged.map((e) => e.detail.kind)).toEqual(['pdf', 'docx', 'submission', 'pdf']);
    for (const e of logged) {
      expect(e).toMatchObject({ actor: '王审核', subject: caseId, device: ws.audit.log.device() });
      expect(e.detail).toMatchObject({ opinionId: record.opinionId, via: 'browser', sha256: want[e.detail.kind as keyof typeof want] });
    }
    expect(ws.audit.log.verify().intact).toBe(true);
  });

  it('is refused without an approval when the policy requires one (and the refusal is logged); with one it goes through', async () => {
    await call('settings.setExportPolicy', { exportRequiresApproval: true });
    try {
      const before = exportsLogged().length;
      const refused = await attempt('opinions.export', { caseId, opinionId: record.opinionId, kind: 'docx' });
      expect(refused).toMatchObject({ ok: false, error: { code: 'approval_required', message: expect.stringContaining('须经批准') } });
      // A malformed approval is bad input, not an export.
      expect(await attempt('opinions.export', { caseId, opinionId: record.opinionId, kind: 'docx', approval: { reference: '', approver: '李局长' } })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      const ok = await call<OpinionExport>('opinions.export', { caseId, opinionId: record.opinionId, kind: 'docx', approval: APPROVAL });
      expect(ok.sha256).toBe(record.docxSha256);

      const logged = exportsLogged().slice(before);
      expect(logged.map((e) => e.detail.outcome ?? 'ok')).toEqual(['awaiting_approval', 'ok']);
      expect(logged[0]!.detail).toMatchObject({ code: 'approval_required' });
      expect(logged[1]!.detail).toMatchObject({ kind: 'docx', approval: APPROVAL });
    } finally {
      await call('settings.setExportPolicy', { exportRequiresApproval: false });
    }
  });

  it('refuses an unknown opinion, another case’s id and a bad kind with a clear message', async () => {
    expect(await attempt('opinions.export', { caseId, opinionId: 'no-such-opinion', kind: 'pdf' })).toMatchObject({ ok: false, error: { code: 'not_found', message: '找不到该意见书（可能不属于此案件）' } });
    expect(await attempt('opinions.export', { caseId: 'other-case', opinionId: record.opinionId, kind: 'pdf' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await attempt('opinions.export', { caseId, opinionId: record.opinionId, kind: 'exe' })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [expect.stringContaining('下载类型应为 pdf、docx 或 submission')] } });
  });
});
