// 集体讨论记录: one document per case through the opinion's document pipeline (.docx checked by
// LibreOffice, PDF by poppler), signed by the host and then the recorder (incremental update),
// both signatures valid in pdfsig and in `fashen verify`, the submission queued as kind 'minutes'
// and accepted by the central server's verifier (host countersignature included).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNode, ENTRIES } from '../../scripts/build-node.mjs';
import type { Workstation } from '../../src/main/workstation';
import { verifyPdf, verifySubmission } from '../../src/main/services/signing/index';
import { verifyMinutesPayload } from '../../src/main/services/meetings/minutes-verify';
import { MinutesSubmission } from '../../src/shared/meeting/minutes-content';
import type { Meeting } from '../../src/shared/meeting/schema';
import type { MinutesPreview } from '../../src/shared/api/meetings';
import { tempDir } from '../helpers/package-builder';
import { caller, err, ok, reviewedWorkstation, setup, type Call } from '../helpers/meeting-fixture';

const PASS = 'correct horse battery';
const HOST_PASS = 'host passphrase 2026';
let ws: Workstation;
let call: Call;
let meeting: Meeting;
let reviewed: string[];
const out = tempDir('minutes-out-');

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env) => execFileSync(cmd, args, { encoding: 'utf8', env });
const flat = (s: string) => s.replace(/\s+/g, '');
const pdfsig = (file: string) => spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
// The store's files are encrypted at rest: read the plaintext through the blob store.
const blob = (sha: string) => ws.blobs.read(sha);

beforeAll(async () => {
  const f = await reviewedWorkstation();
  ws = f.ws;
  reviewed = f.reviewed;
  call = caller(ws);
  await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS);
  const m = await ok(call, 'meetings.create', setup(reviewed));
  await ok(call, 'meetings.start', { id: m.id });
  for (const [i, caseId] of reviewed.entries()) {
    await ok(call, 'meetings.recordOpinion', { id: m.id, caseId, attendeeId: 'a1', opinion: { kind: '同意', text: '' } });
    await ok(call, 'meetings.recordOpinion', { id: m.id, caseId, attendeeId: 'a2', opinion: { kind: '补充意见', text: '处罚决定书应写明缴款期限。' } });
    await ok(call, 'meetings.recordOpinion', { id: m.id, caseId, attendeeId: 'a3', opinion: { kind: i === 1 ? '不同意' : '同意', text: i === 1 ? '认为无需退回补充，可直接作出决定。' : '' } });
    await ok(call, 'meetings.recordNotes', { id: m.id, caseId, notes: `汇报人汇报了第${i + 1}个案件的事实、证据和法制审核意见。` });
    await ok(call, 'meetings.conclude', {
      id: m.id,
      caseId,
      conclusion: i === 1 ? { text: '维持拟处罚决定，作出行政处罚。', followsReview: false, differingReason: '从轻情节已在复核意见中载明，无需退回补充。' } : { text: '同意按拟处罚决定作出行政处罚。', followsReview: true },
    });
  }
  meeting = await ok(call, 'meetings.end', { id: m.id });
}, 120_000);
afterAll(() => ws.close());

describe('minutes preview', () => {
  let preview: MinutesPreview;

  it('refuses before the meeting ends', async () => {
    const m = await ok(call, 'meetings.create', setup([reviewed[0]!], { title: '另一次会议' }));
    expect((await err(call, 'meetings.previewMinutes', { id: m.id })).message).toBe('会议结束后才能生成集体讨论记录');
  });

  it('makes one 集体讨论记录 per case with everything DOMAIN §6 asks for', async () => {
    preview = await ok(call, 'meetings.previewMinutes', { id: meeting.id });
    expect(preview.documents.map((d) => d.caseId)).toEqual(reviewed);
    expect(preview.frozen).toBe(false);
    const c = preview.documents[1]!.content;
    expect(c.meeting).toMatchObject({ place: '局三楼第一会议室', startedAt: meeting.startedAt, endedAt: meeting.endedAt, agendaNumber: 2, agendaLength: 2 });
    expect(c.conclusion).toEqual({ text: '维持拟处罚决定，作出行政处罚。', followsReview: false, differingReason: '从轻情节已在复核意见中载明，无需退回补充。' });
    expect(c.review).toMatchObject({ round: 1, type: '建议纠正' });
    expect(c.opinions.map((o) => [o.name, o.kind])).toEqual([
      ['张局长', '同意'],
      ['李副局长', '补充意见'],
      ['赵副局长', '不同意'],
    ]);
    expect(c.signers.map((s) => s.role)).toEqual(['host', 'recorder']);

    const pdf = join(out, 'preview.pdf');
    writeFileSync(pdf, await blob(preview.documents[1]!.pdfSha256));
    const text = flat(run('pdftotext', [pdf, '-']));
    for (const s of ['测试市市场监督管理局', '案件集体讨论记录', `案号：${c.case.caseNumber}`, '讨论时间：', '地点：局三楼第一会议室', '主持人：张局长（局长）', '汇报人：王审核（法制审核员）', '记录人：王审核（法制审核员）', '出席人员：张局长（局长）、李副局长（副局长）、赵副局长（副局长）、钱主任（法规科科长）', '列席人员：王审核（法制审核员）', '三、讨论情况', '赵副局长（副局长）：不同意法制审核意见。认为无需退回补充，可直接作出决定。', '五、结论性意见', '与法制审核意见不同的理由：从轻情节已在复核意见中载明，无需退回补充。', '六、出席人员签名', '主持人：张局长', '记录人：王审核'])
      expect(text).toContain(flat(s));
    expect(pdfsig(pdf)).toMatch(/does not contain any signatures/);
  });

  it('writes a .docx LibreOffice opens with the same text', async () => {
    const docx = join(out, 'minutes.docx');
    writeFileSync(docx, await blob(preview.documents[0]!.docxSha256));
    const conf = join(out, 'fonts.conf');
    writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include></fontconfig>`);
    run('soffice', [`-env:UserInstallation=file://${join(out, `lo-${process.pid}`)}`, '--headless', '--convert-to', 'pdf', '--outdir', join(out, 'lo'), docx], { ...process.env, FONTCONFIG_FILE: conf });
    const text = flat(run('pdftotext', [join(out, 'lo', 'minutes.pdf'), '-']));
    const c = preview.documents[0]!.content;
    for (const s of ['案件集体讨论记录', `案件名称：${c.case.name}`, '一、拟处罚决定', '二、法制审核意见', '第一轮法制审核意见：同意。', '四、出席人员意见', '李副局长（副局长）：补充意见。处罚决定书应写明缴款期限。', '同意按拟处罚决定作出行政处罚。', '本结论与法制审核意见一致。', '主持人：张局长'])
      expect(text).toContain(flat(s));
  }, 120_000);

  it('a record changed after the preview cannot be signed', async () => {
    await ok(call, 'meetings.recordNotes', { id: meeting.id, caseId: reviewed[0]!, notes: '补记：钱主任因公未发表意见。' });
    await ok(call, 'meetings.createSignerKey', { id: meeting.id, role: 'host', passphrase: HOST_PASS });
    expect((await err(call, 'meetings.signMinutes', { id: meeting.id, role: 'host', setHash: preview.setHash, passphrase: HOST_PASS })).message).toBe('会议记录在预览后已变更，请重新预览后再签署');
    expect((await err(call, 'meetings.signMinutes', { id: meeting.id, role: 'host', setHash: 'f'.repeat(64), passphrase: HOST_PASS })).message).toBe('请先预览集体讨论记录，再签署预览所示的内容');
  });

  it('records the review the meeting decided on, which cannot be withdrawn until the minutes are signed', async () => {
    const before = (await ok(call, 'meetings.previewMinutes', { id: meeting.id })).documents[1]!.content.review;
    expect(before).toEqual({ round: 1, type: '建议纠正', text: '建议承办机构补充从轻处罚的理由后再作决定。' });
    expect(() => ws.review.reopen(reviewed[1]!)).toThrow(/集体讨论记录尚未签署，审核结论不能撤回/);
    expect((await ok(call, 'meetings.previewMinutes', { id: meeting.id })).documents[1]!.content.review).toEqual(before);
  });
});

describe('signing the minutes', () => {
  let preview: MinutesPreview;

  it('lists the signers and their keys; the reviewer-recorder uses the reviewer key', async () => {
    const s = await ok(call, 'meetings.signers', { id: meeting.id });
    expect(s.map((x) => [x.role, x.name, x.usesReviewerKey, x.key?.subject, x.signed])).toEqual([
      ['host', '张局长', false, '张局长（测试市市场监督管理局）', false],
      ['recorder', '王审核', true, '王审核（测试市市场监督管理局）', false],
    ]);
    expect((await err(call, 'meetings.createSignerKey', { id: meeting.id, role: 'host', passphrase: HOST_PASS })).message).toBe('张局长 已有有效的签名密钥');
    expect((await err(call, 'meetings.createSignerKey', { id: meeting.id, role: 'host', passphrase: 'short' })).code).toBe('invalid_input');
  });

  it('host first: wrong passphrase refused, the recorder cannot go first', async () => {
    preview = await ok(call, 'meetings.previewMinutes', { id: meeting.id });
    expect(preview.documents[0]!.content.discussion).toBe('补记：钱主任因公未发表意见。');
    expect((await err(call, 'meetings.signMinutes', { id: meeting.id, role: 'recorder', setHash: preview.setHash, passphrase: PASS })).message).toBe('请主持人先签署，记录人最后签署并提交');
    const wrong = await err(call, 'meetings.signMinutes', { id: meeting.id, role: 'host', setHash: preview.setHash, passphrase: 'wrong passphrase' });
    expect(wrong).toMatchObject({ code: 'forbidden' });
    const signed = await ok(call, 'meetings.signMinutes', { id: meeting.id, role: 'host', setHash: preview.setHash, passphrase: HOST_PASS });
    expect(signed.map((r) => [r.signatures.map((s) => s.role), r.submission])).toEqual([
      [['host'], 'not_queued'],
      [['host'], 'not_queued'],
    ]);
    // Frozen now: the record cannot change and the preview stays the same.
    expect((await err(call, 'meetings.recordNotes', { id: meeting.id, caseId: reviewed[0]!, notes: '改动' })).message).toBe('集体讨论记录已有签名，不能再修改');
    const again = await ok(call, 'meetings.previewMinutes', { id: meeting.id });
    expect(again).toMatchObject({ setHash: preview.setHash, frozen: true, signed: ['host'] });
    expect((await err(call, 'meetings.signMinutes', { id: meeting.id, role: 'host', setHash: preview.setHash, passphrase: HOST_PASS })).message).toBe('主持人已签署');
  });

  it('then the recorder: two valid signatures in pdfsig, outbox kind minutes, meeting signed', async () => {
    const events: unknown[] = [];
    const off = ws.on((name, payload) => name === 'meetings.changed' && events.push(payload));
    const records = await ok(call, 'meetings.signMinutes', { id: meeting.id, role: 'recorder', setHash: preview.setHash, passphrase: PASS });
    off();
    expect(records.every((r) => r.submission === 'queued' && r.signatures.map((s) => s.role).join() === 'host,recorder' && r.submissionSha256)).toBe(true);
    const signedMeeting = await ok(call, 'meetings.get', { id: meeting.id });
    expect(signedMeeting.state).toBe('signed');
    // Announced once, like every meeting write; the answer is the meeting's minutes as they now stand.
    expect(events).toEqual([{ meetingId: meeting.id, revision: signedMeeting.revision, state: 'signed', agendaIndex: signedMeeting.position?.agendaIndex ?? null, topic: signedMeeting.position?.topic ?? null }]);
    expect(records).toEqual(signedMeeting.minutes);
    expect((await err(call, 'meetings.signMinutes', { id: meeting.id, role: 'recorder', setHash: preview.setHash, passphrase: PASS })).message).toBe('集体讨论记录已由主持人和记录人签署完毕');
    const rows = ws.store.sqlite.prepare("select id, kind, state, case_id from outbox where kind = 'minutes' order by case_id").all();
    expect(rows).toEqual(records.map((r) => ({ id: r.minutesId, kind: 'minutes', state: 'queued', case_id: r.caseId })).sort((a, b) => a.case_id.localeCompare(b.case_id)));
    expect(await ok(call, 'meetings.minutes', { caseId: reviewed[1]! })).toEqual([records[1]]);

    const pdf = join(out, 'minutes.pdf');
    writeFileSync(pdf, await blob(records[1]!.pdfSha256!));
    const sig = pdfsig(pdf);
    expect(sig.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(sig).toMatch(/Signature #1:[\s\S]*Signer Certificate Common Name: 张局长[\s\S]*Signature #2:[\s\S]*Signer Certificate Common Name: 王审核[\s\S]*Total document signed/);
    const v = await verifyPdf(new Uint8Array(readFileSync(pdf)), { trustAnchors: await ws.opinions.keys.trustAnchors() });
    expect(v).toMatchObject({ valid: true, byteRangeCoversWholeFile: true });
    expect(v.signatures.map((s) => s.signer?.commonName)).toEqual(['张局长', '王审核']);
    // A byte changed inside the first revision breaks both.
    const bytes = readFileSync(pdf);
    const at = bytes.indexOf('/Type /Page') + 3;
    bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(join(out, 'tampered.pdf'), bytes);
    expect(pdfsig(join(out, 'tampered.pdf'))).toMatch(/Digest Mismatch|Signature is Invalid/);
  });

  it('the submission verifies, including the host countersignature, and a forgery does not', async () => {
    const rec = (await ok(call, 'meetings.minutes', { id: meeting.id }))[0]!;
    const file = JSON.parse((await blob(rec.submissionSha256!)).toString('utf8'));
    const anchors = await ws.opinions.keys.trustAnchors();
    expect((await verifySubmission(file, { trustAnchors: anchors })).valid).toBe(true);
    const payload = MinutesSubmission.parse(file.content);
    expect(payload.pdfSha256).toBe(rec.pdfSha256);
    expect(payload.case.id).toBe(rec.caseId);
    // The server trusts only its own roots: the signers' workstation certificates are vouched for by the submitter.
    expect(await verifyMinutesPayload(file.content, { trustAnchors: anchors })).toMatchObject({ ok: true, hostVouched: false, recorder: { ok: true, vouched: false } });
    expect(await verifyMinutesPayload(file.content, { trustAnchors: [], vouched: true })).toMatchObject({ ok: true, hostVouched: true, recorder: { ok: true, vouched: true } });
    expect((await verifyMinutesPayload(file.content, { trustAnchors: [] })).ok).toBe(false);
    const forged = structuredClone(file.content);
    forged.minutes.conclusion.text = '不予处罚。';
    expect(await verifyMinutesPayload(forged, { trustAnchors: anchors })).toEqual({ ok: false, reason: '集体讨论记录的摘要与内容不符' });
    forged.minutesHash = (await import('node:crypto')).createHash('sha256').update((await import('../../src/shared/canonical')).canonicalJson(forged.minutes)).digest('hex');
    expect(await verifyMinutesPayload(forged, { trustAnchors: anchors })).toMatchObject({ ok: false, reason: expect.stringMatching(/^主持人签名无效：/) });
    const otherHost = structuredClone(file.content);
    otherHost.minutes.host.name = '李副局长';
    otherHost.minutes.signers[0].name = '李副局长';
    otherHost.minutesHash = (await import('node:crypto')).createHash('sha256').update((await import('../../src/shared/canonical')).canonicalJson(otherHost.minutes)).digest('hex');
    expect((await verifyMinutesPayload(otherHost, { trustAnchors: anchors })).ok).toBe(false);
  });
});

describe('fashen verify minutes.pdf', () => {
  it('reports both signatures valid', async () => {
    await buildNode(['cli']);
    const rec = (await ok(call, 'meetings.minutes', { id: meeting.id }))[0]!;
    const pdf = join(out, 'cli-minutes.pdf');
    writeFileSync(pdf, await blob(rec.pdfSha256!));
    const r = spawnSync(process.execPath, [join(process.cwd(), ENTRIES.cli.out), 'verify', pdf], { env: { ...process.env, FASHEN_HOME: ws.dataDir }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^VALID 有效：全部 2 个签名有效\n/);
  }, 180_000);
});

describe('verifying a minutes submission (app and fashen verify): every signer', () => {
  const submissionFile = async () => {
    const rec = (await ok(call, 'meetings.minutes', { id: meeting.id }))[0]!;
    return Buffer.from(await ws.blobs.read(rec.submissionSha256!)); // through the store (it may be encrypted at rest)
  };

  it('names the host, the recorder and the submitter, each with a valid signature', async () => {
    const { verifyBytes } = await import('../../src/main/services/opinions/verify-view');
    const { verificationLines } = await import('../../src/shared/opinion/verification-lines');
    const v = await verifyBytes(new Uint8Array(await submissionFile()), ws.opinions.keys);
    expect(v).toMatchObject({ valid: true, reason: '主持人、记录人与提交人的签名均有效', kind: 'submission', round: 1 });
    expect(v.signers!.map((s) => [s.role, s.name, s.valid])).toEqual([
      ['主持人', '张局长', true],
      ['记录人', '王审核', true],
      ['提交人', expect.stringMatching(/^王审核/), true],
    ]);
    const line = verificationLines(v).find((l) => l.key === 'signers')!;
    expect(line).toMatchObject({ label: '签署人', tone: null });
    expect(line.items).toHaveLength(3);
  });

  it('a host signature replaced under a valid recorder signature is INVALID, and says whose', async () => {
    const { verifyBytes } = await import('../../src/main/services/opinions/verify-view');
    const { signDetached } = await import('../../src/main/services/signing/index');
    const file = JSON.parse((await submissionFile()).toString('utf8'));
    const sig = Buffer.from(file.content.hostSignature.signature, 'base64');
    sig[sig.length - 1] = sig[sig.length - 1]! ^ 0x01;
    file.content.hostSignature.signature = sig.toString('base64');
    // The recorder signs the altered payload: only the host's signature is wrong.
    const key = await ws.opinions.keys.unlock(ws.opinions.keys.active().keyId, PASS);
    file.signature = await signDetached(file.content, key, { now: new Date(file.signature.signedAt) });
    const v = await verifyBytes(new TextEncoder().encode(JSON.stringify(file)), ws.opinions.keys);
    expect(v.valid).toBe(false);
    expect(v.reason).toMatch(/^主持人签名无效：/);
    expect(v.signers!.map((s) => s.valid)).toEqual([false, true, true]);
  });

  it('fashen verify submission.json prints every signer', async () => {
    await buildNode(['cli']);
    const path = join(out, 'minutes-submission.json');
    writeFileSync(path, await submissionFile());
    const r = spawnSync(process.execPath, [join(process.cwd(), ENTRIES.cli.out), 'verify', path], { env: { ...process.env, FASHEN_HOME: ws.dataDir }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^VALID 有效：主持人、记录人与提交人的签名均有效\n/);
    expect(r.stdout).toMatch(/签署人：主持人 张局长：签名有效.*；记录人 王审核：签名有效.*；提交人 王审核.*：签名有效/);
  }, 180_000);
});
