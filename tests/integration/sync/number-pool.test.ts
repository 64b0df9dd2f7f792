// The workstation's pool of 文号 reserved from the central system (README: 文号): a sync tops it up
// (to 20 when fewer than 10 are left), signing takes the lowest number — offline too — and refuses
// when none is left; two reviewers of one agency never sign with the same number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewRepo } from '../../../src/main/db/repos/reviews';
import { poolNumbers, POOL_EMPTY } from '../../../src/main/services/opinions/document-number';
import { Workstation } from '../../../src/main/workstation';
import { verifyBytes } from '../../../src/main/services/opinions/verify-view';
import type { SubmissionSummary } from '../../../src/shared/sync/protocol';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { upload } from '../../helpers/server-fixtures';
import { buildPackage, tempDir } from '../../helpers/package-builder';
import { AGENCY, concludeReview, REVIEWER, TODAY } from '../../helpers/meeting-fixture';
import { FAST_RETRY, httpTransport } from './fixtures';

const PASS = 'reviewer passphrase 1';
const YEAR = Number(TODAY.slice(0, 4));
let central: CentralUnderTest;

beforeAll(async () => {
  central = await startCentral();
}, 120_000);
afterAll(async () => central?.close());

const offline = () => httpTransport('http://127.0.0.1:9', 'x.y');

/** A reviewer's workstation (connect injected: online or not) holding one assigned, concluded case. */
async function reviewer(name: string): Promise<{ client: Client; home: string; caseId: string }> {
  const client = await central.user(name);
  const pkg = await buildPackage(tempDir());
  expect((await upload(central.admin, pkg)).status).toBe(201);
  expect((await central.admin.post(`/v1/admin/cases/${pkg.manifest.case.id}/assign`, { user: name })).status).toBe(200);
  return { client, home: tempDir('number-pool-'), caseId: pkg.manifest.case.id };
}

function open(home: string, connect: () => ReturnType<typeof httpTransport>): Workstation {
  return new Workstation({ dataDir: home, today: () => TODAY, sync: { retry: FAST_RETRY, connect } });
}

async function firstSync(ws: Workstation, caseId: string): Promise<void> {
  ws.review.setReviewer({ name: REVIEWER, agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
  await ws.opinions.keys.create({ name: REVIEWER, agency: AGENCY }, PASS);
  const r = await ws.sync.run();
  expect(r.outcome, r.line).toBe('synced');
  concludeReview(ws, caseId);
}

const pool = (ws: Workstation, caseId: string) => poolNumbers(new ReviewRepo(ws.store.db), ws.views.get(caseId)!.agency.code, YEAR);
const setPool = (ws: Workstation, caseId: string, numbers: number[]) => new ReviewRepo(ws.store.db).setSetting(`opinion_number_pool:${ws.views.get(caseId)!.agency.code}:${YEAR}`, numbers, new Date().toISOString());
const numberOf = (text: string) => Number(/〔\d{4}〕(\d+)号$/.exec(text)![1]);

describe('文号 pool', () => {
  it('is filled by the sync, signs offline with the lowest number, tops up below 10 and refuses when empty', async () => {
    const { client, home, caseId } = await reviewer('zhang');
    const online = open(home, () => httpTransport(central.url, client.token!));
    try {
      await firstSync(online, caseId);
      expect(pool(online, caseId)).toHaveLength(20);
    } finally {
      online.close();
    }
    const ws = open(home, offline);
    try {
      const first = pool(ws, caseId)[0]!;
      const preview = await ws.opinions.preview(caseId);
      expect(numberOf(preview.content.documentNumber)).toBe(first);
      expect(preview.numberPool).toEqual({ remaining: 20, low: false });
      const rec = await ws.opinions.sign(caseId, preview.contentHash, PASS);
      expect(numberOf(rec.documentNumber)).toBe(first);
      expect(pool(ws, caseId)).toHaveLength(19);
      expect(pool(ws, caseId)).not.toContain(first);

      // Used up, offline: shown without a number and refused — never an invented one.
      setPool(ws, caseId, []);
      const empty = await ws.opinions.preview(caseId);
      expect(empty.numberPool).toEqual({ remaining: 0, low: true });
      expect(empty.blocker).toBe(POOL_EMPTY);
      await expect(ws.opinions.sign(caseId, empty.contentHash, PASS)).rejects.toThrow(POOL_EMPTY);
    } finally {
      ws.close();
    }
    const back = open(home, () => httpTransport(central.url, client.token!));
    try {
      setPool(back, caseId, [101, 102, 103]);
      const r = await back.sync.run();
      expect(r.outcome, r.line).toBe('synced');
      expect(pool(back, caseId)).toHaveLength(20);
      expect(pool(back, caseId)).toEqual(expect.arrayContaining([101, 102, 103]));
      const subs = (await central.admin.get('/v1/admin/submissions')).json as SubmissionSummary[];
      expect(subs.filter((s) => s.kind === 'opinion' && s.status === 'accepted')).toHaveLength(1);
    } finally {
      back.close();
    }
  }, 90_000);

  it('two reviewers of one agency sign with different numbers, both accepted; the signer is the name the admin set', async () => {
    const numbers: number[] = [];
    for (const [name, realName] of [['li', '李华'], ['wang', '王芳']] as const) {
      const { client, home, caseId } = await reviewer(name);
      expect((await central.admin.request('PATCH', `/v1/admin/users/${name}`, { json: { displayName: realName } })).status).toBe(200);
      const ws = open(home, () => httpTransport(central.url, client.token!));
      try {
        await firstSync(ws, caseId);
        const preview = await ws.opinions.preview(caseId);
        const rec = await ws.opinions.sign(caseId, preview.contentHash, PASS);
        numbers.push(numberOf(rec.documentNumber));
        // The certificate the central CA issued names the person, not the account (fashen verify, the app).
        const view = await verifyBytes(await ws.blobs.read(rec.pdfSha256), ws.opinions.keys);
        expect(view.signer).toMatch(new RegExp(`^${realName}（`));
        const r = await ws.sync.run();
        expect(r.summary.sent, r.line).toBe(1);
        expect(ws.opinions.records(caseId)[0]!.submission).toBe('accepted');
      } finally {
        ws.close();
      }
    }
    expect(numbers[0]).not.toBe(numbers[1]);
  }, 90_000);
});
