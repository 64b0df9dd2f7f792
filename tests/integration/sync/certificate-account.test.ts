// The central system's CA names the account in the reviewer's certificate (UID, 0.9.2342.19200300.100.1.1,
// beside the real name in CN): the keys view and `fashen keys list` show it, a verification names it
// next to the signer, openssl reads it as UID, and pdfsig still finds the PDF signature valid. A key
// certified before the login (the local development CA, which knows no account) simply has none.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysCommand } from '../../../src/cli/commands/keys';
import { verifyBytes } from '../../../src/main/services/opinions/verify-view';
import { Workstation } from '../../../src/main/workstation';
import { startCentral, type CentralUnderTest } from '../../helpers/server';
import { upload } from '../../helpers/server-fixtures';
import { buildPackage, tempDir } from '../../helpers/package-builder';
import { AGENCY, concludeReview, REVIEWER, TODAY } from '../../helpers/meeting-fixture';
import { openssl, pdfsig } from '../signing/fixtures';
import { FAST_RETRY, httpTransport } from './fixtures';

const PASS = 'reviewer passphrase 1';
let central: CentralUnderTest;

beforeAll(async () => {
  central = await startCentral();
}, 120_000);
afterAll(async () => central?.close());

async function keysList(home: string, token: string): Promise<string> {
  let out = '';
  const code = await keysCommand(() => new Workstation({ dataDir: home, today: () => TODAY, sync: { retry: FAST_RETRY, connect: () => httpTransport(central.url, token) } }), ['list'], { json: false }, { out: (x: string) => void (out += x), err: () => undefined } as never);
  expect(code).toBe(0);
  return out;
}

describe('the central account in the reviewer’s certificate', () => {
  it('issued as UID by the central CA: shown with the key, named by verifications, read by openssl; pdfsig still verifies', async () => {
    const client = await central.user('li');
    expect((await central.admin.request('PATCH', '/v1/admin/users/li', { json: { displayName: '李华' } })).status).toBe(200);
    const pkg = await buildPackage(tempDir());
    expect((await upload(central.admin, pkg)).status).toBe(201);
    expect((await central.admin.post(`/v1/admin/cases/${pkg.manifest.case.id}/assign`, { user: 'li' })).status).toBe(200);
    const caseId = pkg.manifest.case.id;
    const home = tempDir('cert-account-');

    // Made before any sync: the local development CA's certificate, no account in it.
    let ws = new Workstation({ dataDir: home, today: () => TODAY, sync: { retry: FAST_RETRY, connect: () => httpTransport(central.url, client.token!) } });
    ws.review.setReviewer({ name: REVIEWER, agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
    await ws.opinions.keys.create({ name: REVIEWER, agency: AGENCY }, PASS);
    expect(ws.opinions.keys.view().active).toMatchObject({ devCa: true, account: null });
    ws.close();
    expect(await keysList(home, client.token!)).toMatch(/^使用中\t[0-9a-f]{32}\t[^\t]+\t[^\t]+\t账号 —\t/m);

    ws = new Workstation({ dataDir: home, today: () => TODAY, sync: { retry: FAST_RETRY, connect: () => httpTransport(central.url, client.token!) } });
    try {
      expect((await ws.sync.run()).outcome).toBe('synced');
      const active = ws.opinions.keys.view().active!;
      expect(active).toMatchObject({ devCa: false, signerName: '李华', account: 'li', registration: { state: 'enrolled' } });
      const leaf = join(tempDir('cert-account-'), 'leaf.pem');
      writeFileSync(leaf, ws.opinions.keys.active().chain[0]!);
      const subject = openssl(['x509', '-in', leaf, '-noout', '-subject', '-nameopt', 'RFC2253']);
      expect(subject.ok).toBe(true);
      expect(subject.out).toMatch(/(^|[=,])UID=li(,|$|\n)/);

      concludeReview(ws, caseId);
      const preview = await ws.opinions.preview(caseId);
      const rec = await ws.opinions.sign(caseId, preview.contentHash, PASS);
      const bytes = await ws.blobs.read(rec.pdfSha256);
      const view = await verifyBytes(bytes, ws.opinions.keys);
      expect(view.valid).toBe(true);
      expect(view.signer).toMatch(/^李华（.+） · 中心账号 li$/);
      expect(view.chain[0]).toMatch(/^CN=李华, O=.+, UID=li$/);
      const submission = await verifyBytes(await ws.blobs.read(rec.submissionSha256), ws.opinions.keys);
      expect(submission.signer).toBe(view.signer);

      const pdf = join(tempDir('cert-account-'), 'opinion.pdf');
      writeFileSync(pdf, bytes);
      const sig = pdfsig(pdf);
      expect(sig).toMatch(/Signature is Valid\./);
      expect(sig).toMatch(/Signer Certificate Common Name: 李华/);
    } finally {
      ws.close();
    }
    expect(await keysList(home, client.token!)).toMatch(/^使用中\t[0-9a-f]{32}\t[^\t]+\t李华（[^\t]+）\t账号 li\t/m);
  }, 90_000);
});
