// A scripted review through the Api (the same dispatch every transport uses): every action that
// matters leaves one audit entry with the reviewer, the device and the time; reads are folded;
// refused attempts are recorded; exports need the approval when the policy says so.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../src/main/api';
import { dispatch, type Handlers } from '../../../src/main/dispatch';
import { Workstation } from '../../../src/main/workstation';
import type { AuditEntryView } from '../../../src/shared/api/audit';
import type { Result } from '../../../src/shared/api/result';
import { buildPackage, tempDir } from '../../helpers/package-builder';

const PASS = 'correct horse battery';
let ws: Workstation;
let handlers: Handlers;
let caseId: string;
let pkgDir: string;

async function call<T = unknown>(name: string, input: unknown): Promise<T> {
  const r = await dispatch(handlers, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
const attempt = (name: string, input: unknown): Promise<Result<unknown>> => dispatch(handlers, name, input);
const trail = () => ws.audit.log.forSubject(caseId).reverse();
const actions = (entries: AuditEntryView[]) => entries.map((e) => e.action + (e.detail.outcome ? `:${String(e.detail.outcome)}` : ''));

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('audit-flow-'), today: () => '2026-11-23' });
  handlers = buildApi(ws, 'host');
  const p = await buildPackage(tempDir());
  caseId = p.manifest.case.id;
  pkgDir = p.dir;
}, 60_000);
afterAll(() => ws.close());

describe('audit of a scripted review', () => {
  it('records import, opening the case and an item, notes, findings, conclusion and signing', async () => {
    await call('settings.setReviewer', { name: '王审核', agency: '测试市市场监督管理局', legalQualification: true });
    await call('cases.import', { paths: [pkgDir] });
    await call('cases.get', { id: caseId });
    await call('cases.get', { id: caseId }); // a re-fetch with nothing in between: folded
    const view = await call<{ documents: { id: string; file: { sha256: string } }[] }>('cases.get', { id: caseId });
    const doc = view.documents[0]!;
    await call('evidence.check', { sha256: doc.file.sha256, caseId, itemId: doc.id });
    await call('evidence.check', { sha256: doc.file.sha256 }); // a bare re-check is not an opening
    const note = await call<{ id: string }>('annotations.create', { caseId, itemId: doc.id, kind: 'note', anchor: { type: 'area', page: 1, rects: [{ x: 10, y: 10, width: 50, height: 20 }] }, note: '当事人身份证号 340502199001012031' });
    await call('annotations.update', { id: note.id, note: '改为：核对营业执照' });
    await call('annotations.delete', { id: note.id });
    const review = await call<{ points: { id: string; automatic: { id: string; severity: string }[] }[] }>('review.get', { caseId });
    const findings: string[] = [];
    for (const p of review.points) {
      for (const f of p.automatic.filter((x) => x.severity === 'fail')) {
        await call('review.override', { caseId, check: f.id, reason: '经核实，承办机构已补正，不影响认定' });
        findings.push('review.override');
      }
      await call('review.setPoint', { caseId, point: p.id, decision: 'ok' });
      findings.push('review.point');
    }
    await call('review.conclude', { caseId, type: '同意', opinionText: '经审核，同意承办机构的处理意见。' });
    await call('keys.create', { passphrase: PASS });
    const preview = await call<{ contentHash: string }>('opinions.preview', { caseId });
    await call('opinions.sign', { caseId, contentHash: preview.contentHash, passphrase: PASS });

    const entries = trail();
    expect(findings.filter((f) => f === 'review.point')).toHaveLength(10);
    expect(actions(entries)).toEqual(['case.import', 'case.open', 'evidence.open', 'annotation.create', 'annotation.update', 'annotation.delete', ...findings, 'review.conclude', 'opinion.sign']);
    for (const e of entries) {
      expect(e.actor).toBe('王审核');
      expect(e.device).toBe(ws.audit.log.device());
      expect(e.subject).toBe(caseId);
      expect(Number.isNaN(Date.parse(e.at))).toBe(false);
      expect(e.detail.via).toBe('browser');
    }
    expect(entries.find((e) => e.action === 'evidence.open')!.detail).toMatchObject({ itemId: doc.id, sha256: doc.file.sha256, state: 'ok' });
    expect(entries.find((e) => e.action === 'review.conclude')!.detail).toMatchObject({ round: 1, type: '同意' });
    expect(entries.find((e) => e.action === 'opinion.sign')!.detail).toMatchObject({ round: 1, version: 1, contentHash: preview.contentHash });
    // No free text (the note quoted an ID number) goes into the log.
    expect(JSON.stringify(ws.audit.log.list())).not.toContain('340502199001012031');
    // Settings and the key are recorded without a case subject.
    const general = ws.audit.log.list().filter((e) => e.subject === null);
    expect(general.map((e) => e.action)).toEqual(['settings.change', 'key.create']);
    expect(general[0]!.detail).toMatchObject({ setting: 'reviewer_profile', changed: expect.arrayContaining(['name', 'legalQualification']) });
    expect(general[1]!.detail.keyId).toEqual(expect.any(String));
    expect((await call<{ intact: boolean }>('audit.verify', {})).intact).toBe(true);
  }, 120_000);

  it('audit.case answers the case trail newest first', async () => {
    const list = await call<AuditEntryView[]>('audit.case', { caseId });
    expect(list[0]!.action).toBe('opinion.sign');
    expect(list.at(-1)!.action).toBe('case.import');
    expect(await call<AuditEntryView[]>('audit.case', { caseId, limit: 2 })).toHaveLength(2);
    expect((await attempt('audit.case', { caseId: '' })).ok).toBe(false);
  });

  it('a refused change is recorded as refused', async () => {
    const r = await attempt('review.conclude', { caseId: 'no-such-case', type: '同意', opinionText: '经审核，同意承办机构的处理意见。' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const last = ws.audit.log.forSubject('no-such-case')[0]!;
    expect(last).toMatchObject({ action: 'review.conclude', detail: { outcome: 'refused', code: 'not_found' } });
  });

  it('opening an item with a file that is not that item’s is refused, not recorded', async () => {
    const before = ws.audit.log.list().length;
    const r = await attempt('evidence.check', { sha256: 'a'.repeat(64), caseId, itemId: 'd1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(ws.audit.log.list()).toHaveLength(before);
  });

  it('exports need the approval the policy requires; every attempt is recorded', async () => {
    const view = await call<{ documents: { id: string }[] }>('cases.get', { id: caseId });
    const itemId = view.documents[0]!.id;
    await call('annotations.create', { caseId, itemId, kind: 'redaction', anchor: { type: 'area', page: 1, rects: [{ x: 60, y: 60, width: 200, height: 30 }] }, redactionReason: 'personal' });
    // Policy off: the export goes through without an approval.
    await call('evidence.exportRedacted', { caseId, itemId });
    await call('settings.setExportPolicy', { exportRequiresApproval: true });
    const refused = await attempt('evidence.exportRedacted', { caseId, itemId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'approval_required', message: expect.stringContaining('须经批准') } });
    // A malformed approval is bad input, not an export.
    expect(await attempt('evidence.exportRedacted', { caseId, itemId, approval: { reference: '', approver: '张' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', details: expect.arrayContaining([expect.stringMatching(/^approval\.reference：/)]) } });
    // `approval` is accepted only by exports.
    expect(await attempt('cases.get', { id: caseId, approval: { reference: '批〔2026〕3号', approver: '李局长' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await call('evidence.exportRedacted', { caseId, itemId, approval: { reference: '批〔2026〕3号', approver: '李局长' } });

    const exports = trail().filter((e) => e.action === 'export.redacted');
    expect(exports.map((e) => e.detail.outcome ?? 'ok')).toEqual(['ok', 'awaiting_approval', 'ok']);
    // The item is named although the export never answered.
    expect(exports[1]!.detail).toMatchObject({ code: 'approval_required', itemId });
    expect(exports[2]!.detail).toMatchObject({ itemId, approval: { reference: '批〔2026〕3号', approver: '李局长' } });
    const setting = ws.audit.log.list().filter((e) => e.action === 'settings.change').at(-1)!;
    expect(setting.detail).toMatchObject({ setting: 'exportRequiresApproval', from: false, to: true });

    // The offline bundle (records leaving on a USB stick) is under the same rule.
    const out = join(tempDir('bundle-'), '离线交换包.json');
    expect(await attempt('sync.exportBundle', { path: out, passphrase: PASS, bundlePassphrase: '青山-打印机-四十七' })).toMatchObject({ ok: false, error: { code: 'approval_required' } });
    await call('sync.exportBundle', { path: out, passphrase: PASS, bundlePassphrase: '青山-打印机-四十七', approval: { reference: '批〔2026〕4号', approver: '李局长' } });
    const bundles = ws.audit.log.list().filter((e) => e.action === 'export.bundle');
    expect(bundles.map((e) => e.detail.outcome ?? 'ok')).toEqual(['awaiting_approval', 'ok']);
    expect(bundles[1]!.detail).toMatchObject({ file: '离线交换包.json', count: 1, approval: { reference: '批〔2026〕4号' } });
    expect(ws.audit.log.verify().intact).toBe(true);
  }, 60_000);
});

describe('a change and its audit entry commit together', () => {
  it('when the entry cannot be written, the change is not kept either', async () => {
    const w = new Workstation({ dataDir: tempDir('audit-tx-'), today: () => '2026-11-23' });
    try {
      const h = buildApi(w, 'host');
      const p = await buildPackage(tempDir());
      await dispatch(h, 'cases.import', { paths: [p.dir] });
      const itemId = p.manifest.documents[0]!.id;
      const create = { caseId: p.manifest.case.id, itemId, kind: 'note', anchor: { type: 'area', page: 1, rects: [{ x: 1, y: 1, width: 5, height: 5 }] }, note: '甲' };
      expect((await dispatch(h, 'annotations.create', create)).ok).toBe(true);
      // The store now refuses new audit entries (a full disk, a locked file…).
      w.store.sqlite.exec("create trigger audit_full before insert on audit begin select raise(abort, 'disk full'); end;");
      const r = await dispatch(h, 'annotations.create', { ...create, note: '乙' });
      expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(w.annotations.list(p.manifest.case.id).map((a) => a.note)).toEqual(['甲']);
      w.store.sqlite.exec('drop trigger audit_full');
      expect(w.audit.log.verify()).toMatchObject({ intact: true });
    } finally {
      w.close();
    }
  }, 60_000);
});
