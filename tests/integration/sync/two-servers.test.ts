// Two instances of one central deployment — one PostgreSQL database, one shared data folder (blobs,
// development CA, bundle key, published calendar), as behind a load balancer: a reviewer's requests
// may land on either and she cannot tell. A case published through one is synced through the
// other; a certificate issued by one is trusted by the other; the same submission sent to both at
// the same moment is taken once; the calendar published on one is what the other hands out; and a
// bundle made by one verifies with the key a workstation learnt from the other. A device revoked
// through one is refused by the other within the few seconds it remembers an authentication.
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApi } from '../../../src/main/api';
import { dispatch } from '../../../src/main/dispatch';
import type { Workstation } from '../../../src/main/workstation';
import type { BundleImport } from '../../../src/shared/api/sync';
import type { CentralConfig } from '../../../src/shared/sync/pki';
import type { IntakeAnswer, SubmissionAnswer, SubmissionSummary } from '../../../src/shared/sync/protocol';
import { tempDir } from '../../helpers/package-builder';
import { Client, startCentral, type CentralUnderTest } from '../../helpers/server';
import { enrol, signedOpinion, type Signer } from '../../helpers/server-fixtures';
import { startPostgres, type PrivatePostgres } from '../../helpers/server-postgres';
import { testCalendar } from '../../helpers/test-calendar';
import { httpTransport, newDataDir, packageWithFiles, publish, workstation } from './fixtures';

/** How long instance B reuses a device's authentication (the server's default is 5 s). */
const AUTH_TTL_MS = 400;

let pg: PrivatePostgres;
let a: CentralUnderTest;
let b: CentralUnderTest;
let aliceOnA: Client;
let aliceOnB: Client;
let signer: Signer;
let kase: IntakeAnswer;
let w: Workstation;

beforeAll(async () => {
  pg = await startPostgres();
  a = await startCentral({ databaseUrl: pg.url });
  b = await startCentral({ databaseUrl: pg.url, alongside: a, authCacheTtlMs: AUTH_TTL_MS });
  aliceOnA = await a.user('alice');
  aliceOnB = await b.login('alice', 'alice-password');
  signer = await enrol(aliceOnA, 'alice'); // the certificate comes from instance A
  kase = await publish(a.admin, await packageWithFiles(tempDir(), [20_000, 3_000]), 'alice');
  w = workstation(newDataDir(), () => httpTransport(b.url, aliceOnB.token!));
});

afterAll(async () => {
  w?.close();
  await b?.close();
  await a?.close();
  pg?.stop();
});

it('a case published through one instance is synced through the other, its files verified', async () => {
  const r = await w.sync.run();
  expect(r.outcome, r.line).toBe('synced');
  expect(r.summary.pulled).toBe(1);
  expect(w.cases.load(kase.caseId)!.row).toMatchObject({ revisionHash: kase.revisionHash, offline: true });
});

it('the same submission sent to both instances at the same moment is taken once; every answer is the first answer', async () => {
  const sub = await signedOpinion(signer, kase, 'alice'); // signed with A's certificate, checked by both
  // A workstation whose retries land on either instance: eight copies in flight together.
  const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? aliceOnB : aliceOnA).post('/v1/submissions', sub)));
  expect(sent.map((x) => x.status)).toEqual(Array(8).fill(200));
  const answers = sent.map((x) => x.json as SubmissionAnswer & { repeated?: boolean });
  expect(new Set(answers.map((v) => v.status))).toEqual(new Set(['accepted']));
  expect(answers.filter((v) => v.repeated !== true)).toHaveLength(1);
  expect(new Set(answers.map((v) => v.receivedAt)).size).toBe(1);
  const listed = (await b.admin.get('/v1/admin/submissions')).json as SubmissionSummary[];
  expect(listed.filter((s) => s.id === sub.id)).toHaveLength(1);
});

it('the calendar published on one is what the other hands out; a bundle made by one verifies with the key learnt from the other', async () => {
  expect((await a.admin.request('PUT', '/v1/admin/calendar', { json: testCalendar() })).status).toBe(200);
  const [ca, cb] = [await aliceOnA.get('/v1/calendar'), await aliceOnB.get('/v1/calendar')];
  expect([ca.status, cb.status]).toEqual([200, 200]);
  expect(cb.headers.get('etag')).toBe(ca.headers.get('etag'));
  expect(cb.body.equals(ca.body)).toBe(true);
  const [fa, fb] = [(await aliceOnA.get('/v1/config')).json as CentralConfig, (await aliceOnB.get('/v1/config')).json as CentralConfig];
  expect(fb.bundleSigner).toEqual(fa.bundleSigner);
  expect(fb.trustAnchors).toEqual(fa.trustAnchors);

  const made = await a.admin.request('GET', '/v1/admin/case-bundle?user=alice');
  expect(made.status).toBe(200);
  const path = join(tempDir('two-servers-'), 'bundle.zip');
  writeFileSync(path, made.body);
  const r = await dispatch(buildApi(w, 'host'), 'sync.importBundle', { path }); // w learnt the key from B
  expect(r.ok).toBe(true);
  const done = (r as { value: BundleImport }).value;
  expect(done.central).toMatchObject({ verified: true, reviewer: 'alice' });
  expect(done.outcomes).toEqual([expect.objectContaining({ ok: true, caseId: kase.caseId, action: 'unchanged' })]);
  expect(done.calendar).toMatchObject({ taken: true, years: [2099] });
});

it('two admins publishing a year each on the two instances at once: both years are published', async () => {
  for (let round = 0; round < 5; round++) {
    const [y1, y2] = [2090 - 2 * round, 2089 - 2 * round];
    const [pa, pb] = await Promise.all([
      a.admin.request('PUT', '/v1/admin/calendar', { json: testCalendar(y1, `${y1}（虚构）`) }),
      b.admin.request('PUT', '/v1/admin/calendar', { json: testCalendar(y2, `${y2}（虚构）`) }),
    ]);
    expect([pa.status, pb.status]).toEqual([200, 200]);
    const served = (await aliceOnB.get('/v1/calendar')).json as { years: number[] };
    expect(served.years).toEqual(expect.arrayContaining([y1, y2, 2099]));
  }
});

it('a device revoked through one instance is refused there at once, and by the other once its remembered authentication runs out', async () => {
  const laptop = await b.login('alice', 'alice-password');
  expect((await laptop.get('/v1/feed')).status).toBe(200); // B now remembers this device
  const deviceId = laptop.token!.split('.')[0]!;
  expect((await a.admin.post(`/v1/admin/devices/${deviceId}/revoke`)).status).toBe(200);
  expect((await new Client(a.url, laptop.token).get('/v1/feed')).status).toBe(401);
  await sleep(AUTH_TTL_MS + 100);
  expect((await laptop.get('/v1/feed')).status).toBe(401);
  expect((await aliceOnB.get('/v1/feed')).status).toBe(200); // her other device is untouched
});
