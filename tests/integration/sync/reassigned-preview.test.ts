// A case the central system reassigned to another reviewer after this one concluded it: the opinion's
// preview is still shown (to read what was concluded), but it says the case was reassigned and since
// when this workstation knows, and is not signable — the app's preview bar offers no 签署, and
// `fashen opinion sign` refuses before asking for the passphrase. Assigned back: signable again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../src/main/workstation';
import { opinionSignCommand } from '../../../src/cli/commands/opinion';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { concludeReview } from '../../helpers/meeting-fixture';
import { tempDir } from '../../helpers/package-builder';
import { httpTransport, newDataDir, packageWithFiles, publish, workstation } from './fixtures';

const PASS = 'reviewer passphrase 1';
let central: CentralUnderTest;
let alice: Client;
let ws: Workstation;
let caseId: string;

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
  await central.user('bob');
  caseId = (await publish(central.admin, await packageWithFiles(tempDir(), [500]), 'alice')).caseId;
  ws = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
  expect((await ws.sync.run()).summary.pulled).toBe(1);
  ws.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
  await ws.opinions.keys.create({ name: '王审核', agency: '测试市市场监督管理局' }, PASS);
  concludeReview(ws, caseId);
});

afterAll(async () => {
  ws?.close();
  await central?.close();
});

async function cliSign(): Promise<{ code: number; err: string }> {
  let err = '';
  // No passphrase variable set: a refusal after the passphrase was asked would say it is missing instead.
  // The command opens and closes the workstation itself: this one is closed meanwhile, then opened again.
  const dir = ws.dataDir;
  ws.close();
  const connect = () => httpTransport(central.url, alice.token!);
  const code = await opinionSignCommand(() => workstation(dir, connect), ['sign', caseId], { json: false, out: tempDir('reassigned-out-'), passphraseEnv: 'FASHEN_REASSIGNED_TEST_UNSET' }, { out: () => undefined, err: (x: string) => void (err += x) } as never);
  ws = workstation(dir, connect);
  return { code, err };
}

describe('the opinion’s preview on a reassigned case', () => {
  it('says the case was reassigned and since when; nothing signs it (Api, CLI); assigned back, it is signable again', async () => {
    const before = await ws.opinions.preview(caseId);
    expect(before).toMatchObject({ signable: true, blocker: null });
    expect(before.reassigned).toBeUndefined();

    expect((await central.admin.post(`/v1/admin/cases/${encodeURIComponent(caseId)}/assign`, { user: 'bob' })).status).toBe(200);
    expect((await ws.sync.run()).summary.unassigned).toBe(1);
    const view = ws.review.get(caseId);
    expect(view).toMatchObject({ reassigned: true, reassignedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });

    const after = await ws.opinions.preview(caseId);
    expect(after.reassigned).toEqual({ at: view.reassignedAt });
    expect(after.blocker).toBe('案件已改派给其他审核员，不能再签署审核意见书；您在本机所做的审核与已签署的意见书仍保留备查');
    await expect(ws.opinions.sign(caseId, after.contentHash, PASS)).rejects.toThrow(/案件已改派给其他审核员，不能再签署审核意见书/);

    const cli = await cliSign();
    expect(cli.code).toBe(1);
    expect(cli.err).toBe(`${after.blocker}\n`);
    expect(ws.opinions.records(caseId)).toEqual([]);

    expect((await central.admin.post(`/v1/admin/cases/${encodeURIComponent(caseId)}/assign`, { user: 'alice' })).status).toBe(200);
    expect((await ws.sync.run()).outcome).toBe('synced');
    expect(ws.review.get(caseId).reassignedAt).toBeUndefined();
    const back = await ws.opinions.preview(caseId);
    expect(back).toMatchObject({ signable: true, blocker: null });
    expect(back.reassigned).toBeUndefined();
  });
});
