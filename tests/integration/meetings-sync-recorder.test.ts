// Minutes whose 记录人 is not the workstation's reviewer, to the real central server on loopback.
// The submission is signed by the reviewer (the submitter, whose key the central system registers);
// the host's and the recorder's signatures over the minutes, with certificates from this
// workstation's CA, ride in the payload and are checked by the server. A forged host or recorder
// signature is refused with its reason, and the same locked minutes can then be signed again
// (重新签署) under a new submission id, which the server accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCentralLogin } from '../../src/main/services/sync/central-login';
import { signDetached } from '../../src/main/services/signing/index';
import { Workstation } from '../../src/main/workstation';
import type { SubmissionSummary } from '../../src/shared/sync/protocol';
import { startCentral, type CentralUnderTest, type Client } from '../helpers/server';
import { upload } from '../helpers/server-fixtures';
import { buildPackage, tempDir } from '../helpers/package-builder';
import { AGENCY, caller, concludeReview, err, ok, REVIEWER, setup, TODAY, type Call } from '../helpers/meeting-fixture';

const PASS = 'reviewer passphrase 1';
const HOST_PASS = 'host passphrase 1';
const RECORDER_PASS = 'recorder passphrase 2';
const RECORDER = '刘晓梅';
let central: CentralUnderTest;
let alice: Client;
let ws: Workstation;
let call: Call;
const cases: string[] = [];

const minutesSubmissions = async (caseId: string) => ((await central.admin.get('/v1/admin/submissions')).json as SubmissionSummary[]).filter((s) => s.kind === 'minutes' && s.caseId === caseId);

/** A meeting on `caseId` whose recorder is 刘晓梅 (列席), ended and previewed. */
async function endedMeeting(caseId: string) {
  const m = await ok(call, 'meetings.create', setup([caseId], { recorder: RECORDER, attendees: [...setup([]).attendees, { name: RECORDER, post: '法规科科员', role: 'observer' }] }));
  await ok(call, 'meetings.start', { id: m.id });
  for (const a of ['a1', 'a2', 'a3']) await ok(call, 'meetings.recordOpinion', { id: m.id, caseId, attendeeId: a, opinion: { kind: '同意', text: '' } });
  await ok(call, 'meetings.conclude', { id: m.id, caseId, conclusion: { text: '同意按拟处罚决定作出行政处罚。', followsReview: true } });
  await ok(call, 'meetings.end', { id: m.id });
  return m.id;
}

async function signBoth(id: string) {
  const preview = await ok(call, 'meetings.previewMinutes', { id });
  await ok(call, 'meetings.signMinutes', { id, role: 'host', setHash: preview.setHash, passphrase: HOST_PASS });
  return ok(call, 'meetings.signMinutes', { id, role: 'recorder', setHash: preview.setHash, passphrase: RECORDER_PASS, submitterPassphrase: PASS });
}

/** Replace one signature in the queued submission, then sign the altered payload with the reviewer's key as the workstation would. */
async function forge(minutesId: string, which: 'hostSignature' | 'recorderSignature') {
  const row = ws.store.sqlite.prepare("select id, payload_json from outbox where kind = 'minutes' and json_extract(payload_json, '$.content.minutes.minutesId') = ?").get(minutesId) as { id: string; payload_json: string };
  const file = JSON.parse(row.payload_json);
  const sig = Buffer.from(file.content[which].signature, 'base64');
  sig[sig.length - 1] = sig[sig.length - 1]! ^ 0x01;
  file.content[which].signature = sig.toString('base64');
  const key = await ws.opinions.keys.unlock(ws.opinions.keys.active().keyId, PASS);
  file.signature = await signDetached(file.content, key);
  ws.store.sqlite.prepare('update outbox set payload_json = ? where id = ?').run(JSON.stringify(file), row.id);
}

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
  for (let i = 0; i < 3; i++) {
    const pkg = await buildPackage(tempDir());
    expect((await upload(central.admin, pkg)).status).toBe(201);
    expect((await central.admin.post(`/v1/admin/cases/${pkg.manifest.case.id}/assign`, { user: 'alice' })).status).toBe(200);
    cases.push(pkg.manifest.case.id);
  }
  const home = tempDir('meeting-recorder-');
  writeCentralLogin(home, { server: central.url, user: 'alice', role: 'reviewer', deviceId: 'test', token: alice.token!, savedAt: new Date().toISOString() });
  ws = new Workstation({ dataDir: home, today: () => TODAY, sync: { retry: { retries: 1, minDelay: 5, maxDelay: 20 } } });
  ws.review.setReviewer({ name: REVIEWER, agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
  expect((await ws.sync.run()).outcome).toBe('synced'); // the cases arrive
  for (const c of cases) concludeReview(ws, c);
  call = caller(ws);
}, 180_000);
afterAll(async () => {
  ws?.close();
  await central?.close();
});

describe('minutes recorded by someone other than the reviewer', () => {
  it('signing says so before anything is signed when the reviewer has no key', async () => {
    const id = await endedMeeting(cases[0]!);
    const preview = await ok(call, 'meetings.previewMinutes', { id });
    await ok(call, 'meetings.createSignerKey', { id, role: 'host', passphrase: HOST_PASS });
    await ok(call, 'meetings.createSignerKey', { id, role: 'recorder', passphrase: RECORDER_PASS });
    const recorder = (await ok(call, 'meetings.signers', { id })).find((s) => s.role === 'recorder')!;
    expect(recorder).toMatchObject({ name: RECORDER, usesReviewerKey: false, submitter: { name: REVIEWER, key: null } });
    const e = await err(call, 'meetings.signMinutes', { id, role: 'host', setHash: preview.setHash, passphrase: HOST_PASS });
    expect(e.message).toMatch(/^提交中心系统须由审核人员 王审核 签名，本机尚无其有效的签名密钥/);
    expect((await ok(call, 'meetings.minutes', { id }))[0]!.signatures).toEqual([]);
    // The reviewer creates a key; the next sync registers it.
    await ws.opinions.keys.create({ name: REVIEWER, agency: AGENCY }, PASS);
    expect((await ws.sync.run()).outcome).toBe('synced');
  }, 120_000);

  it('are accepted exactly once, host and recorder signatures checked', async () => {
    const [id] = (await ok(call, 'meetings.list', { state: 'ended' })).map((m) => m.id);
    const [rec] = await signBoth(id!);
    expect(rec!).toMatchObject({ submission: 'queued', signatures: [{ role: 'host', name: '张局长' }, { role: 'recorder', name: RECORDER }] });
    const r = await ws.sync.run();
    expect(r.outcome, r.line).toBe('synced');
    expect((await ws.sync.run()).outcome).toBe('synced');
    const listed = await minutesSubmissions(cases[0]!);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: rec!.minutesId, status: 'accepted', user: 'alice' });
    expect((await ok(call, 'meetings.minutes', { id: id! }))[0]).toMatchObject({ submission: 'accepted', submissions: [{ submissionId: rec!.minutesId, state: 'accepted' }] });
  }, 120_000);

  for (const [n, which, reason] of [
    [1, 'hostSignature', /^主持人签名无效：/],
    [2, 'recorderSignature', /^记录人签名无效：/],
  ] as const) {
    it(`a forged ${which === 'hostSignature' ? 'host' : 'recorder'} signature is rejected with its reason; 重新签署 is then accepted`, async () => {
      const caseId = cases[n]!;
      const id = await endedMeeting(caseId);
      const [rec] = await signBoth(id);
      await forge(rec!.minutesId, which);
      await ws.sync.run();
      const [refused] = await minutesSubmissions(caseId);
      expect(refused).toMatchObject({ id: rec!.minutesId, status: 'rejected', reason: expect.stringMatching(reason) });
      const after = (await ok(call, 'meetings.minutes', { id }))[0]!;
      expect(after).toMatchObject({ submission: 'rejected', submissions: [{ submissionId: rec!.minutesId, state: 'rejected', reason: expect.stringMatching(reason) }] });

      // 重新签署: the same locked minutes, new signatures, a new submission id.
      const reset = await ok(call, 'meetings.resignMinutes', { id });
      expect(reset[0]).toMatchObject({ contentHash: rec!.contentHash, signatures: [], submission: 'not_queued', submissions: [{ state: 'rejected' }] });
      expect((await err(call, 'meetings.recordNotes', { id, caseId, notes: '改动' })).message).toBe('集体讨论记录已有签名，不能再修改');
      expect((await err(call, 'meetings.resignMinutes', { id })).code).toBe('conflict');
      const [again] = await signBoth(id);
      expect(again!.contentHash).toBe(rec!.contentHash);
      expect((await ws.sync.run()).outcome).toBe('synced');
      const all = await minutesSubmissions(caseId);
      expect(all.map((s) => s.status).sort()).toEqual(['accepted', 'rejected']);
      const accepted = all.find((s) => s.status === 'accepted')!;
      expect(accepted.id).not.toBe(rec!.minutesId);
      const final = (await ok(call, 'meetings.minutes', { id }))[0]!;
      expect(final.submission).toBe('accepted');
      expect(final.submissions.map((s) => [s.submissionId, s.state])).toEqual([
        [rec!.minutesId, 'rejected'],
        [accepted.id, 'accepted'],
      ]);
      expect((await ok(call, 'meetings.get', { id })).state).toBe('signed');
    }, 120_000);
  }
});
