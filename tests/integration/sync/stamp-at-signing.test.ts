// The timestamp right after signing (issue 5), against the real central server and its TSA on
// loopback: online, an opinion and signed minutes carry a trusted timestamp at once; with the TSA
// unreachable they stay 待加盖时间戳 and the next sync stamps them before their first send. Either
// way the stored submission file (submissionSha256) is byte for byte the outbox copy that is sent.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCentralLogin } from '../../../src/main/services/sync/central-login';
import * as t from '../../../src/main/db/schema';
import { verifySubmission } from '../../../src/main/services/signing';
import { Workstation } from '../../../src/main/workstation';
import type { SubmissionSummary } from '../../../src/shared/sync/protocol';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { upload } from '../../helpers/server-fixtures';
import { buildPackage, tempDir } from '../../helpers/package-builder';
import { AGENCY, caller, concludeReview, ok, REVIEWER, setup, TODAY } from '../../helpers/meeting-fixture';
import { FAST_RETRY } from './fixtures';

const PASS = 'reviewer passphrase 1';
const TSA_DOWN = { FASHEN_TSA_URL: 'http://127.0.0.1:9/tsa' };
let central: CentralUnderTest;
let alice: Client;

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
}, 120_000);
afterAll(async () => central?.close());

const submissions = async () => (await central.admin.get('/v1/admin/submissions')).json as SubmissionSummary[];
const open = (home: string, env: NodeJS.ProcessEnv = {}) => new Workstation({ dataDir: home, today: () => TODAY, sync: { retry: FAST_RETRY, env } });
const text = async (ws: Workstation, sha: string) => new TextDecoder().decode(await ws.blobs.read(sha));
const stampOf = (json: string) => (JSON.parse(json) as { signature: { timestamp?: { status: string } } }).signature.timestamp?.status;

/** A logged-in workstation that synced once: the case is here, the key registered, the central TSA known. */
async function ready(): Promise<{ home: string; caseId: string }> {
  const pkg = await buildPackage(tempDir());
  expect((await upload(central.admin, pkg)).status).toBe(201);
  expect((await central.admin.post(`/v1/admin/cases/${pkg.manifest.case.id}/assign`, { user: 'alice' })).status).toBe(200);
  const home = tempDir('stamp-now-');
  writeCentralLogin(home, { server: central.url, user: 'alice', role: 'reviewer', deviceId: 'test', token: alice.token!, savedAt: new Date().toISOString() });
  const ws = open(home);
  try {
    ws.review.setReviewer({ name: REVIEWER, agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
    await ws.opinions.keys.create({ name: REVIEWER, agency: AGENCY }, PASS);
    const r = await ws.sync.run();
    expect(r.outcome, r.line).toBe('synced');
    concludeReview(ws, pkg.manifest.case.id);
  } finally {
    ws.close();
  }
  return { home, caseId: pkg.manifest.case.id };
}

async function signOpinion(ws: Workstation, caseId: string) {
  const preview = await ws.opinions.preview(caseId);
  return ws.opinions.sign(caseId, preview.contentHash, PASS);
}

describe('opinion: timestamp at signing', () => {
  it('online with the central TSA: a trusted timestamp at once, sent as stamped', async () => {
    const { home, caseId } = await ready();
    const ws = open(home);
    try {
      const rec = await signOpinion(ws, caseId);
      expect(rec.timestamp).toBe('granted');
      const row = ws.sync.state.byId(rec.opinionId)!;
      expect(row.attempts).toBe(0);
      expect(stampOf(row.payloadJson)).toBe('granted');
      expect(await text(ws, rec.submissionSha256)).toBe(row.payloadJson);
      const v = await verifySubmission(row.payloadJson, { trustAnchors: await ws.opinions.keys.trustAnchors() });
      expect(v.valid, v.reason).toBe(true);
      expect(v.timestamp).toMatchObject({ status: 'valid' });

      const r = await ws.sync.run();
      expect(r.outcome, r.line).toBe('synced');
      expect(r.summary).toMatchObject({ sent: 1, stamped: 0, unstamped: 0 });
      expect((await submissions()).find((s) => s.id === rec.opinionId)).toMatchObject({ status: 'accepted' });
    } finally {
      ws.close();
    }
  }, 60_000);

  it('TSA unreachable at signing: 待加盖时间戳, then the next sync stamps it before its first send', async () => {
    const { home, caseId } = await ready();
    const offline = open(home, TSA_DOWN);
    let id: string;
    try {
      const rec = await signOpinion(offline, caseId);
      id = rec.opinionId;
      expect(rec.timestamp).toBe('pending');
      expect(stampOf(offline.sync.state.byId(id)!.payloadJson)).toBeUndefined();
    } finally {
      offline.close();
    }
    const ws = open(home);
    try {
      const r = await ws.sync.run();
      expect(r.outcome, r.line).toBe('synced');
      expect(r.summary).toMatchObject({ sent: 1, stamped: 1 });
      const after = ws.opinions.records(caseId)[0]!;
      expect(after).toMatchObject({ opinionId: id, timestamp: 'granted', submission: 'accepted' });
      expect(await text(ws, after.submissionSha256)).toBe(ws.sync.state.byId(id)!.payloadJson);
    } finally {
      ws.close();
    }
  }, 60_000);
});

describe('minutes: timestamp at signing or at sync', () => {
  async function signedMinutes(ws: Workstation, caseId: string) {
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
    return rec!;
  }
  const minutesRow = (ws: Workstation, id: string) => ws.store.db.select().from(t.meetingMinutes).where(eq(t.meetingMinutes.id, id)).get()!;

  it('online: the submission’s signature is stamped at once; stored file = outbox copy; accepted', async () => {
    const { home, caseId } = await ready();
    const ws = open(home);
    try {
      const rec = await signedMinutes(ws, caseId);
      const row = ws.sync.state.byId(rec.minutesId)!;
      expect(stampOf(row.payloadJson)).toBe('granted');
      const stored = minutesRow(ws, rec.minutesId);
      expect(await text(ws, stored.submissionSha256!)).toBe(row.payloadJson);
      // The stamp is on the submission's signature, which covers the recorder's signature carried inside.
      expect(JSON.parse(stored.recorderSignatureJson!).signature).toBe(JSON.parse(await text(ws, stored.submissionSha256!)).content.recorderSignature.signature);
      const r = await ws.sync.run();
      expect(r.outcome, r.line).toBe('synced');
      expect(r.summary).toMatchObject({ sent: 1, stamped: 0 });
      expect((await submissions()).find((s) => s.id === rec.minutesId)).toMatchObject({ kind: 'minutes', status: 'accepted' });
    } finally {
      ws.close();
    }
  }, 90_000);

  it('TSA unreachable at signing: stamped at the next sync, the minutes record follows, accepted', async () => {
    const { home, caseId } = await ready();
    const offline = open(home, TSA_DOWN);
    let id: string;
    let unstampedSha: string;
    try {
      const rec = await signedMinutes(offline, caseId);
      id = rec.minutesId;
      expect(stampOf(offline.sync.state.byId(id)!.payloadJson)).toBeUndefined();
      unstampedSha = minutesRow(offline, id).submissionSha256!;
    } finally {
      offline.close();
    }
    const ws = open(home);
    try {
      const r = await ws.sync.run();
      expect(r.outcome, r.line).toBe('synced');
      expect(r.summary).toMatchObject({ sent: 1, stamped: 1 });
      const payload = ws.sync.state.byId(id)!.payloadJson;
      expect(stampOf(payload)).toBe('granted');
      const stored = minutesRow(ws, id);
      expect(stored.submissionSha256).not.toBe(unstampedSha);
      expect(await text(ws, stored.submissionSha256!)).toBe(payload);
      // The stamp is on the submission's signature, which covers the recorder's signature carried inside.
      expect(JSON.parse(stored.recorderSignatureJson!).signature).toBe(JSON.parse(await text(ws, stored.submissionSha256!)).content.recorderSignature.signature);
      expect((await submissions()).find((s) => s.id === id)).toMatchObject({ kind: 'minutes', status: 'accepted' });
    } finally {
      ws.close();
    }
  }, 90_000);
});
