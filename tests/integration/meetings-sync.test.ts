// Minutes to the real central server on loopback: the meeting's 集体讨论记录, signed by the host
// (a key of their own on this workstation, from the workstation's CA) and by the recorder (the
// reviewer, whose key the central system registers), go out through the outbox at the next sync;
// the server verifies the recorder's signature and the host's countersignature and accepts them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCentralLogin } from '../../src/main/services/sync/central-login';
import { Workstation } from '../../src/main/workstation';
import type { SubmissionSummary } from '../../src/shared/sync/protocol';
import { startCentral, type CentralUnderTest, type Client } from '../helpers/server';
import { upload } from '../helpers/server-fixtures';
import { buildPackage, tempDir } from '../helpers/package-builder';
import { AGENCY, caller, concludeReview, ok, REVIEWER, setup, TODAY } from '../helpers/meeting-fixture';

const PASS = 'reviewer passphrase 1';
let central: CentralUnderTest;
let alice: Client;

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
}, 120_000);
afterAll(async () => central?.close());

describe('minutes through sync', () => {
  it('are accepted by the central server, host countersignature verified', async () => {
    const pkg = await buildPackage(tempDir());
    expect((await upload(central.admin, pkg)).status).toBe(201);
    expect((await central.admin.post(`/v1/admin/cases/${pkg.manifest.case.id}/assign`, { user: 'alice' })).status).toBe(200);
    const home = tempDir('meeting-sync-');
    writeCentralLogin(home, { server: central.url, user: 'alice', role: 'reviewer', deviceId: 'test', token: alice.token!, savedAt: new Date().toISOString() });
    const ws = new Workstation({ dataDir: home, today: () => TODAY, sync: { retry: { retries: 1, minDelay: 5, maxDelay: 20 } } });
    try {
      ws.review.setReviewer({ name: REVIEWER, agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
      await ws.opinions.keys.create({ name: REVIEWER, agency: AGENCY }, PASS);
      expect((await ws.sync.run()).outcome).toBe('synced'); // the case arrives, the key is registered
      const caseId = pkg.manifest.case.id;
      concludeReview(ws, caseId);
      const call = caller(ws);
      const m = await ok(call, 'meetings.create', setup([caseId]));
      await ok(call, 'meetings.start', { id: m.id });
      for (const a of ['a1', 'a2', 'a3']) await ok(call, 'meetings.recordOpinion', { id: m.id, caseId, attendeeId: a, opinion: { kind: '同意', text: '' } });
      await ok(call, 'meetings.conclude', { id: m.id, caseId, conclusion: { text: '同意按拟处罚决定作出行政处罚。', followsReview: true } });
      await ok(call, 'meetings.end', { id: m.id });
      const preview = await ok(call, 'meetings.previewMinutes', { id: m.id });
      await ok(call, 'meetings.createSignerKey', { id: m.id, role: 'host', passphrase: 'host passphrase 1' });
      await ok(call, 'meetings.signMinutes', { id: m.id, role: 'host', setHash: preview.setHash, passphrase: 'host passphrase 1' });
      const [rec] = await ok(call, 'meetings.signMinutes', { id: m.id, role: 'recorder', setHash: preview.setHash, passphrase: PASS });
      expect(rec!.submission).toBe('queued');

      const r = await ws.sync.run();
      expect(r.outcome, r.line).toBe('synced');
      const listed = ((await central.admin.get('/v1/admin/submissions')).json as SubmissionSummary[]).find((s) => s.id === rec!.minutesId);
      expect(listed).toMatchObject({ kind: 'minutes', status: 'accepted', caseId, user: 'alice' });
      expect((await ok(call, 'meetings.minutes', { id: m.id }))[0]!.submission).toBe('accepted');
    } finally {
      ws.close();
    }
  }, 120_000);
});
